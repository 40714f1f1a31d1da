package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCEnhancedForLoop;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCReturn;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import io.mapguard.engine.extract.AliasKind;
import io.mapguard.engine.extract.UnitScan.PendingAccess;
import io.mapguard.engine.extract.UnitScan.PendingEscape;
import io.mapguard.engine.extract.UnitScan.PendingMutation;
import io.mapguard.engine.extract.UnitScan.PendingWrap;
import io.mapguard.engine.knowledge.MapArguments;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.LazyInit;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import io.mapguard.javac.ExtractionState.UnitInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * What one use of a map means, recorded in the unit the {@link UseScanner} is in: the call made on
 * it (or on a view, entry or iterator of it), an assignment, an escape, a wrapper, a value taken
 * out and changed, a value stored, a nullable argument, a lazy initialization. mapvet's {@code
 * LintMapUseClassifier} is its mirror.
 */
final class MapUseClassifier {
  private final ExtractionState state;
  private final SourceSites sites;
  private final MapDeclarations declarations;
  private final UseScanner scanner;

  MapUseClassifier(
      ExtractionState state, SourceSites sites, MapDeclarations declarations, UseScanner scanner) {
    this.state = state;
    this.sites = sites;
    this.declarations = declarations;
    this.scanner = scanner;
  }

  /** See {@link io.mapguard.engine.extract.LocalAliases#record}. */
  void recordAlias(VarSymbol local, JCExpression init, TreePath at) {
    state.localAliases.record(
        local,
        init,
        JavacSyntax.path(at),
        state.aliases,
        state.fields::get,
        e -> FactExtractor.mapFieldOf(state, (JCExpression) e));
  }

  // ------------------------------------------------------------ what a use does

  void classifyMapUse(MapField field, TreePath path, AliasKind kind) {
    TreePath usePath = path;
    TreePath parentPath = CallSyntax.parentSkippingParens(usePath);
    JCTree parent = (JCTree) parentPath.getLeaf();
    JCTree leaf = (JCTree) usePath.getLeaf();
    UnitInfo unit = scanner.current();

    if (parent instanceof JCFieldAccess && ((JCFieldAccess) parent).selected == leaf) {
      TreePath callPath = parentPath.getParentPath();
      if (callPath != null && callPath.getLeaf() instanceof JCMethodInvocation) {
        JCMethodInvocation call = (JCMethodInvocation) callPath.getLeaf();
        String method = ((JCFieldAccess) parent).name.toString();
        boolean nullArgument = call.args.stream().anyMatch(MapUseClassifier::isNullLiteral);
        if (kind == AliasKind.ENTRY || kind == AliasKind.ITERATOR) {
          Effect effect =
              kind == AliasKind.ENTRY ? MapMethods.effectOnEntry(method) : MapMethods.effectOnIterator(method);
          if (effect == Effect.WRITE) {
            unit.accesses.add(new PendingAccess<>(field, Effect.WRITE, method, path, false, false));
          }
          return;
        }
        if (kind == AliasKind.VIEW) {
          unit.accesses.add(
              new PendingAccess<>(
                  field,
                  MapMethods.effectOnView(method),
                  method,
                  path,
                  false,
                  false,
                  viewTraversal(method)));
          return;
        }
        if (MapMethods.isView(method)) {
          classifyViewUse(field, path, callPath, method);
          return;
        }
        unit.accesses.add(
            new PendingAccess<>(
                field,
                MapMethods.effectOnMap(method),
                method,
                path,
                false,
                nullArgument,
                state.callSyntax.describe(callPath, e -> FactExtractor.mapFieldOf(state, e), field)));
        if (!field.local()) {
          trackValue(field, method, path, callPath);
          state.callValues.storedValues(field, method, JavacSyntax.path(callPath), state.storedValues);
          state.callValues.nullableArguments(
              field, method, JavacSyntax.path(callPath), sites.site(path), state.nullableArguments);
        }
        return;
      }
    }
    if (kind == AliasKind.ENTRY || kind == AliasKind.ITERATOR) {
      return;
    }
    if (kind == AliasKind.VIEW) {
      if (parent instanceof JCEnhancedForLoop) {
        unit.accesses.add(
            new PendingAccess<>(
                field, Effect.ITERATE, "iterator", path, false, false, MapCall.traversal("for-each")));
      } else if (parent instanceof JCReturn) {
        unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, null, path, false, false));
        unit.escapes.add(new PendingEscape<>(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(), parentPath));
      } else {
        unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, null, path, false, false));
      }
      return;
    }
    if (parent instanceof JCAssign && ((JCAssign) parent).lhs == leaf) {
      JCAssign assign = (JCAssign) parent;
      List<String> values = new ArrayList<>();
      declarations.describeValue(assign.rhs, values);
      boolean fresh = values.stream().allMatch(MapTypes::isFresh) && !values.isEmpty();
      unit.accesses.add(new PendingAccess<>(field, Effect.ASSIGN, null, path, fresh, false));
      if (!field.local()) {
        detectLazyInit(field, path);
      }
      return;
    }
    if (parent instanceof JCAssign && ((JCAssign) parent).rhs == leaf) {
      Symbol target = TreeInfo.symbol(((JCAssign) parent).lhs);
      if (target instanceof VarSymbol && target.owner instanceof ClassSymbol && !state.fields.containsKey(target)) {
        unit.escapes.add(
            new PendingEscape<>(field, Escape.Kind.STORED, "'" + target.getSimpleName() + "'", parentPath));
      }
      unit.accesses.add(new PendingAccess<>(field, Effect.REFERENCE_READ, null, path, false, false));
      return;
    }
    if (parent instanceof JCReturn) {
      unit.escapes.add(new PendingEscape<>(field, Escape.Kind.RETURNED, enclosingMethodName(), parentPath));
      unit.accesses.add(new PendingAccess<>(field, Effect.REFERENCE_READ, null, path, false, false));
      return;
    }
    if (parent instanceof JCBinary) {
      JCBinary binary = (JCBinary) parent;
      boolean concatenation = binary.getTag() == JCTree.Tag.PLUS;
      unit.accesses.add(
          new PendingAccess<>(field, concatenation ? Effect.ITERATE : Effect.REFERENCE_READ, null, path, false, false));
      return;
    }
    if (parent instanceof JCMethodInvocation || parent instanceof JCNewClass) {
      classifyArgument(field, path, parentPath, Escape.Kind.PASSED);
      return;
    }
    unit.accesses.add(new PendingAccess<>(field, Effect.REFERENCE_READ, null, path, false, false));
  }

  /**
   * A value handed out by {@code get}/{@code computeIfAbsent}/...: a call made on it right away,
   * or the local it goes into when that local only ever holds values of this map (or new ones).
   */
  private void trackValue(MapField field, String method, TreePath usePath, TreePath callPath) {
    if (!MapMethods.VALUE_SOURCES.contains(method)) {
      return;
    }
    int line = sites.line(usePath.getLeaf());
    CallSyntax.ValueUse use = CallSyntax.useOfValue(callPath);
    if (use != null) {
      scanner.current().mutations.add(new PendingMutation<>(field, method, line, use.method(), null, use.path()));
      return;
    }
    state.mapValueLocals.track(
        field,
        method,
        line,
        JavacSyntax.path(callPath),
        e -> FactExtractor.mapFieldOf(state, (JCExpression) e),
        state.valueLocals);
  }

  private void classifyViewUse(MapField field, TreePath fieldPath, TreePath viewCallPath, String view) {
    UnitInfo unit = scanner.current();
    TreePath parentPath = CallSyntax.parentSkippingParens(viewCallPath);
    JCTree parent = (JCTree) parentPath.getLeaf();
    JCTree viewCall = (JCTree) viewCallPath.getLeaf();
    if (parent instanceof JCFieldAccess && ((JCFieldAccess) parent).selected == viewCall) {
      TreePath next = parentPath.getParentPath();
      if (next != null && next.getLeaf() instanceof JCMethodInvocation) {
        String method = ((JCFieldAccess) parent).name.toString();
        Effect effect = MapMethods.isView(method) ? Effect.ITERATE : MapMethods.effectOnView(method);
        MapCall call = viewTraversal(method);
        if (effect == Effect.WRITE) {
          call =
              call.within(
                  state.callSyntax.enclosingLoop(next, e -> FactExtractor.mapFieldOf(state, e), field),
                  CallSyntax.exitsAfter(next),
                  state.callSyntax.enclosingUpdate(next, e -> FactExtractor.mapFieldOf(state, e), field));
        }
        unit.accesses.add(
            new PendingAccess<>(field, effect, view + "()." + method, fieldPath, false, false, call));
        return;
      }
    }
    if (parent instanceof JCReturn) {
      unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, view, fieldPath, false, false));
      unit.escapes.add(
          new PendingEscape<>(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(), parentPath));
      return;
    }
    if (parent instanceof JCMethodInvocation || parent instanceof JCNewClass) {
      classifyArgument(field, fieldPath, parentPath, Escape.Kind.PASSED);
      return;
    }
    if (parent instanceof JCEnhancedForLoop) {
      unit.accesses.add(
          new PendingAccess<>(field, Effect.ITERATE, view, fieldPath, false, false, MapCall.traversal("for-each")));
      return;
    }
    unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, view, fieldPath, false, false));
  }

  /** The field or local a wrapper call initialises or is assigned to, as locks name it, or null. */
  private String wrapperName(TreePath callPath) {
    TreePath parentPath = CallSyntax.parentSkippingParens(callPath);
    JCTree parent = parentPath == null ? null : (JCTree) parentPath.getLeaf();
    Symbol target = null;
    if (parent instanceof JCVariableDecl
        && TreeInfo.skipParens(((JCVariableDecl) parent).init) == callPath.getLeaf()) {
      target = ((JCVariableDecl) parent).sym;
    } else if (parent instanceof JCAssign
        && TreeInfo.skipParens(((JCAssign) parent).rhs) == callPath.getLeaf()) {
      target = TreeInfo.symbol(((JCAssign) parent).lhs);
    }
    if (!(target instanceof VarSymbol)) {
      return null;
    }
    return target.owner instanceof ClassSymbol
        ? state.syntax.fieldName((VarSymbol) target)
        : target.getSimpleName().toString();
  }

  /** The map (or a view) passed as an argument: copied, formatted, wrapped, or handed out. */
  private void classifyArgument(MapField field, TreePath fieldPath, TreePath callPath, Escape.Kind kind) {
    UnitInfo unit = scanner.current();
    JCTree call = (JCTree) callPath.getLeaf();
    Symbol callee =
        call instanceof JCNewClass
            ? ((JCNewClass) call).constructor
            : TreeInfo.symbol(((JCMethodInvocation) call).meth);
    MapCall copy =
        call instanceof JCNewClass && call.type != null
            ? MapCall.traversal("new:" + call.type.tsym.getQualifiedName())
            : MapCall.NONE;
    unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, null, fieldPath, false, false, copy));
    if (callee instanceof MethodSymbol
        && MapTypes.kindOfValue("call:" + callee.owner.getQualifiedName() + "." + callee.getSimpleName())
            == MapKind.SYNCHRONIZED) {
      unit.wraps.add(new PendingWrap<>(field, wrapperName(callPath), fieldPath));
    }
    if (callee == null || state.methodUnits.containsKey(callee)) {
      return;
    }
    if (call instanceof JCNewClass) {
      Type created = call.type;
      if (state.types.isMap(created) || state.types.isSubtype(created, "java.util.Collection")) {
        return; // a copy
      }
    }
    for (MethodRef wrapper : MapArguments.VIEW_WRAPPERS) {
      if (state.apis.matches(wrapper, callee)) {
        TreePath outer = CallSyntax.parentSkippingParens(callPath);
        if (outer.getLeaf() instanceof JCReturn) {
          unit.escapes.add(
              new PendingEscape<>(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(), outer));
        }
        return;
      }
    }
    for (MethodRef consumer : MapArguments.SYNCHRONOUS_CONSUMERS) {
      if (state.apis.matches(consumer, callee)) {
        return;
      }
    }
    if (state.apis.isImmediate(callee) || state.apis.threadStart(callee).isPresent()) {
      return;
    }
    if (call instanceof JCMethodInvocation && isRecursiveMapCall(field, (JCMethodInvocation) call)) {
      return;
    }
    String detail = callee.getSimpleName() + "(..)";
    if (call instanceof JCMethodInvocation && ((JCMethodInvocation) call).meth instanceof JCFieldAccess) {
      detail = ((JCFieldAccess) ((JCMethodInvocation) call).meth).toString() + "(..)";
    }
    unit.escapes.add(new PendingEscape<>(field, kind, detail, callPath));
  }

  /** How a call on a view walks the map: {@code iterator}, {@code stream}…, or null. */
  private MapCall viewTraversal(String method) {
    return MapMethods.isTraversal(method) ? MapCall.traversal(method) : MapCall.NONE;
  }

  /** {@code cache.equals(cache)}-like calls on the same field are no escape. */
  private boolean isRecursiveMapCall(MapField field, JCMethodInvocation call) {
    return call.meth instanceof JCFieldAccess
        && FactExtractor.mapFieldOf(state, ((JCFieldAccess) call.meth).selected) == field;
  }

  private String enclosingMethodName() {
    JCMethodDecl method = scanner.methods.peek();
    return method == null ? "an initializer" : CodeUnits.methodName(state, method);
  }

  /** See {@link io.mapguard.engine.extract.LazyInitShapes}. */
  private void detectLazyInit(MapField field, TreePath assignPath) {
    int outerCheck =
        state.lazyInitShapes.outerCheckLine(
            field, JavacSyntax.path(assignPath), e -> FactExtractor.mapFieldOf(state, (JCExpression) e));
    if (outerCheck > 0) {
      state.lazyInits.add(new LazyInit(field, sites.site(assignPath), outerCheck));
    }
  }

  private static boolean isNullLiteral(JCExpression expression) {
    JCExpression e = TreeInfo.skipParens(expression);
    return e instanceof JCLiteral && ((JCLiteral) e).getValue() == null && e.getTag() == JCTree.Tag.LITERAL
        && ((JCLiteral) e).typetag == com.sun.tools.javac.code.TypeTag.BOT;
  }
}

package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCReturn;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import io.mapguard.engine.extract.AliasKind;
import io.mapguard.engine.extract.MapUses;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.extract.UnitScan;
import io.mapguard.engine.extract.UnitScan.PendingAccess;
import io.mapguard.engine.extract.UnitScan.PendingEscape;
import io.mapguard.engine.extract.UnitScan.PendingWrap;
import io.mapguard.engine.knowledge.MapArguments;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
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
  private final MapUses<JCTree, TreePath> uses;

  MapUseClassifier(
      ExtractionState state, SourceSites sites, MapDeclarations declarations, UseScanner scanner) {
    this.state = state;
    this.sites = sites;
    this.declarations = declarations;
    this.scanner = scanner;
    this.uses =
        new MapUses<>(
            state.callSyntax.shapes(),
            new MapUses.FrontEnd<JCTree, TreePath>() {
              @Override
              public TreePath position(SyntaxPath<JCTree> path) {
                return JavacSyntax.treePath(path);
              }

              @Override
              public Site site(TreePath at) {
                return sites.site(at);
              }

              @Override
              public UnitScan<JCTree, TreePath> currentUnit() {
                return scanner.current();
              }

              @Override
              public List<String> describeValue(JCTree expression) {
                List<String> values = new ArrayList<>();
                declarations.describeValue((JCExpression) expression, values);
                return values;
              }

              @Override
              public String enclosingMethodName(SyntaxPath<JCTree> use) {
                return MapUseClassifier.this.enclosingMethodName();
              }

              @Override
              public void classifyArgument(MapField field, SyntaxPath<JCTree> use, SyntaxPath<JCTree> call) {
                MapUseClassifier.this.classifyArgument(
                    field, JavacSyntax.treePath(use), JavacSyntax.treePath(call), Escape.Kind.PASSED);
              }

              @Override
              public boolean isMapField(Object variable) {
                return state.fields.containsKey(variable);
              }
            },
            e -> FactExtractor.mapFieldOf(state, (JCExpression) e),
            new MapUses.Tables(state.valueLocals, state.storedValues, state.nullableArguments, state.lazyInits));
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

  /** See {@link MapUses#classify}. */
  void classifyMapUse(MapField field, TreePath path, AliasKind kind) {
    uses.classify(field, JavacSyntax.path(path), kind);
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

  /** {@code cache.equals(cache)}-like calls on the same field are no escape. */
  private boolean isRecursiveMapCall(MapField field, JCMethodInvocation call) {
    return call.meth instanceof JCFieldAccess
        && FactExtractor.mapFieldOf(state, ((JCFieldAccess) call.meth).selected) == field;
  }

  private String enclosingMethodName() {
    JCMethodDecl method = scanner.methods.peek();
    return method == null ? "an initializer" : CodeUnits.methodName(state, method);
  }
}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.Type;
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
import io.mapguard.lint.frontend.LintExtractionState.UnitInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one use of a map means: the access it makes (its effect and call shape), or the alias,
 * escape, wrap, lazy initialisation, stored or nullable value it shows. The javac front end's
 * {@code MapUseClassifier} is its mirror.
 */
final class LintMapUseClassifier {
  private final LintExtractionState state;
  private final AstFactExtractor extraction;

  LintMapUseClassifier(AstFactExtractor extraction) {
    this.extraction = extraction;
    this.state = extraction.state;
  }

  /** See {@link io.mapguard.engine.extract.LocalAliases#record}. */
  void recordAlias(Node local, Expression init, Node at) {
    state.localAliases.record(
        local, init, LintSyntax.path(at), state.aliases, state.fields::get, e -> extraction.mapFieldOf((Expression) e));
  }

  void classifyMapUse(MapField field, Node use, AliasKind kind) {
    Node parent = LintCallSyntax.parentSkippingParens(use);
    Node leaf = LintCallSyntax.outermostParens(use);
    UnitInfo unit = extraction.scanner.current();

    if (parent instanceof MethodCallExpr && ((MethodCallExpr) parent).getScope().orElse(null) == leaf) {
      MethodCallExpr call = (MethodCallExpr) parent;
      String method = call.getNameAsString();
      boolean nullArgument = call.getArguments().stream().anyMatch(LintMapUseClassifier::isNullLiteral);
      if (kind == AliasKind.ENTRY || kind == AliasKind.ITERATOR) {
        Effect effect =
            kind == AliasKind.ENTRY ? MapMethods.effectOnEntry(method) : MapMethods.effectOnIterator(method);
        if (effect == Effect.WRITE) {
          unit.accesses.add(new PendingAccess<>(field, Effect.WRITE, method, use, false, false));
        }
        return;
      }
      if (kind == AliasKind.VIEW) {
        unit.accesses.add(
            new PendingAccess<>(field, MapMethods.effectOnView(method), method, use, false, false, viewTraversal(method)));
        return;
      }
      if (MapMethods.isView(method)) {
        classifyViewUse(field, use, call, method);
        return;
      }
      unit.accesses.add(
          new PendingAccess<>(
              field,
              MapMethods.effectOnMap(method),
              method,
              use,
              false,
              nullArgument,
              state.callSyntax.describe(call, extraction::mapFieldOf, field)));
      if (!field.local()) {
        trackValue(field, method, use, call);
        state.callValues.storedValues(field, method, LintSyntax.path(call), state.storedValues);
        state.callValues.nullableArguments(
            field, method, LintSyntax.path(call), extraction.sites.site(use), state.nullableArguments);
      }
      return;
    }
    if (kind == AliasKind.ENTRY || kind == AliasKind.ITERATOR) {
      return;
    }
    if (kind == AliasKind.VIEW) {
      if (parent instanceof ForEachStmt) {
        unit.accesses.add(
            new PendingAccess<>(field, Effect.ITERATE, "iterator", use, false, false, MapCall.traversal("for-each")));
      } else if (parent instanceof ReturnStmt) {
        unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, null, use, false, false));
        unit.escapes.add(new PendingEscape<>(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(use), parent));
      } else {
        unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, null, use, false, false));
      }
      return;
    }
    if (parent instanceof AssignExpr && ((AssignExpr) parent).getTarget() == leaf) {
      List<String> values = new ArrayList<>();
      extraction.declarations.describeValue(((AssignExpr) parent).getValue(), values);
      boolean fresh = !values.isEmpty() && values.stream().allMatch(MapTypes::isFresh);
      unit.accesses.add(new PendingAccess<>(field, Effect.ASSIGN, null, use, fresh, false));
      if (!field.local()) {
        detectLazyInit(field, use);
      }
      return;
    }
    if (parent instanceof AssignExpr && ((AssignExpr) parent).getValue() == leaf) {
      LintSymbols.Variable target = state.symbols.variableOf(((AssignExpr) parent).getTarget());
      if (target != null && target.isField() && !state.fields.containsKey(target.declaration())) {
        unit.escapes.add(new PendingEscape<>(field, Escape.Kind.STORED, "'" + target.name() + "'", parent));
      }
      unit.accesses.add(new PendingAccess<>(field, Effect.REFERENCE_READ, null, use, false, false));
      return;
    }
    if (parent instanceof ReturnStmt) {
      unit.escapes.add(new PendingEscape<>(field, Escape.Kind.RETURNED, enclosingMethodName(use), parent));
      unit.accesses.add(new PendingAccess<>(field, Effect.REFERENCE_READ, null, use, false, false));
      return;
    }
    if (parent instanceof BinaryExpr) {
      boolean concatenation = ((BinaryExpr) parent).getOperator() == BinaryExpr.Operator.PLUS;
      unit.accesses.add(
          new PendingAccess<>(field, concatenation ? Effect.ITERATE : Effect.REFERENCE_READ, null, use, false, false));
      return;
    }
    if (isArgument(parent, leaf)) {
      classifyArgument(field, use, parent);
      return;
    }
    unit.accesses.add(new PendingAccess<>(field, Effect.REFERENCE_READ, null, use, false, false));
  }

  /**
   * A value handed out by {@code get}/{@code computeIfAbsent}/...: a call made on it right away, or
   * the local it goes into when that local only ever holds values of this map (or new ones).
   */
  private void trackValue(MapField field, String method, Node use, MethodCallExpr call) {
    if (!MapMethods.VALUE_SOURCES.contains(method)) {
      return;
    }
    int line = LintSourceSites.line(use);
    LintCallSyntax.ValueUse valueUse = LintCallSyntax.useOfValue(call);
    if (valueUse != null) {
      extraction.scanner.current().mutations.add(
          new PendingMutation<>(field, method, line, valueUse.method(), null, valueUse.node()));
      return;
    }
    state.mapValueLocals.track(
        field, method, line, LintSyntax.path(call), e -> extraction.mapFieldOf((Expression) e), state.valueLocals);
  }

  /** The erased value type {@code V} of a declared {@code Map<K, V>}, see {@code MapField#valueType}. */
  String mapValueType(Type declared) {
    if (declared == null || !declared.isClassOrInterfaceType()) {
      return null;
    }
    Optional<com.github.javaparser.ast.NodeList<Type>> arguments =
        declared.asClassOrInterfaceType().getTypeArguments();
    return arguments.isPresent() && arguments.get().size() == 2 ? state.syntax.typeName(arguments.get().get(1)) : null;
  }

  private void classifyViewUse(MapField field, Node use, MethodCallExpr viewCall, String view) {
    UnitInfo unit = extraction.scanner.current();
    Node parent = LintCallSyntax.parentSkippingParens(viewCall);
    Node leaf = LintCallSyntax.outermostParens(viewCall);
    if (parent instanceof MethodCallExpr && ((MethodCallExpr) parent).getScope().orElse(null) == leaf) {
      String method = ((MethodCallExpr) parent).getNameAsString();
      Effect effect = MapMethods.isView(method) ? Effect.ITERATE : MapMethods.effectOnView(method);
      MapCall call = viewTraversal(method);
      if (effect == Effect.WRITE) {
        call =
            call.within(
                state.callSyntax.enclosingLoop(parent, extraction::mapFieldOf, field),
                LintCallSyntax.exitsAfter(parent),
                state.callSyntax.enclosingUpdate(parent, extraction::mapFieldOf, field));
      }
      unit.accesses.add(new PendingAccess<>(field, effect, view + "()." + method, use, false, false, call));
      return;
    }
    if (parent instanceof ReturnStmt) {
      unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, view, use, false, false));
      unit.escapes.add(new PendingEscape<>(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(use), parent));
      return;
    }
    if (isArgument(parent, leaf)) {
      classifyArgument(field, use, parent);
      return;
    }
    if (parent instanceof ForEachStmt) {
      unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, view, use, false, false, MapCall.traversal("for-each")));
      return;
    }
    unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, view, use, false, false));
  }

  /** How a call on a view walks the map: {@code iterator}, {@code stream}…, or null. */
  private static MapCall viewTraversal(String method) {
    return MapMethods.isTraversal(method) ? MapCall.traversal(method) : MapCall.NONE;
  }

  static boolean isArgument(Node parent, Node leaf) {
    if (parent instanceof MethodCallExpr) {
      return ((MethodCallExpr) parent).getArguments().stream().anyMatch(a -> a == leaf);
    }
    if (parent instanceof ObjectCreationExpr) {
      return ((ObjectCreationExpr) parent).getArguments().stream().anyMatch(a -> a == leaf);
    }
    return false;
  }

  /** The map (or a view) passed as an argument: copied, formatted, wrapped, or handed out. */
  /** The field or local a wrapper call initialises or is assigned to, as locks name it, or null. */
  private String wrapperName(MethodCallExpr call) {
    Node parent = LintCallSyntax.parentSkippingParens(call);
    LintSymbols.Variable target = null;
    if (parent instanceof VariableDeclarator
        && ((VariableDeclarator) parent).getInitializer().map(LintSymbols::skipParens).orElse(null) == call) {
      VariableDeclarator v = (VariableDeclarator) parent;
      target =
          LintUseScanner.isLocal(v)
              ? LintMapDeclarations.localVariable(v)
              : new LintSymbols.Variable(v, v.getNameAsString(), v.getType(), true, LintSymbols.enclosingType(v));
    } else if (parent instanceof AssignExpr && LintSymbols.skipParens(((AssignExpr) parent).getValue()) == call) {
      target = state.symbols.variableOf(((AssignExpr) parent).getTarget());
    }
    if (target == null) {
      return null;
    }
    return target.isField() ? state.syntax.fieldName(target) : target.name();
  }

  private void classifyArgument(MapField field, Node use, Node call) {
    UnitInfo unit = extraction.scanner.current();
    String created =
        call instanceof ObjectCreationExpr ? state.types.resolve(((ObjectCreationExpr) call).getType()) : null;
    unit.accesses.add(
        new PendingAccess<>(
            field,
            Effect.ITERATE,
            null,
            use,
            false,
            false,
            created == null ? MapCall.NONE : MapCall.traversal("new:" + created)));
    String owner;
    String name;
    if (call instanceof ObjectCreationExpr) {
      owner = state.types.resolve(((ObjectCreationExpr) call).getType());
      name = "<init>";
      if (state.symbols.constructor(owner, ((ObjectCreationExpr) call).getArguments().size()) != null
          && state.types.declaration(owner) != null
          && isInTopLevel(state.types.declaration(owner))) {
        return;
      }
      if (owner != null
          && (extraction.declarations.isMap(owner) || state.types.isSubtype(owner, "java.util.Collection"))) {
        return; // a copy
      }
    } else {
      MethodCallExpr invocation = (MethodCallExpr) call;
      owner = state.symbols.receiverType(invocation);
      name = invocation.getNameAsString();
      if (owner != null && MapTypes.kindOfValue("call:" + owner + "." + name) == MapKind.SYNCHRONIZED) {
        unit.wraps.add(new PendingWrap<>(field, wrapperName(invocation), use));
      }
      MethodDeclaration local = state.symbols.method(owner, name, invocation.getArguments().size());
      if (local != null && state.methodUnits.containsKey(local)) {
        return;
      }
    }
    for (MethodRef wrapper : MapArguments.VIEW_WRAPPERS) {
      if (extraction.taskStarts.matches(wrapper, owner, name)) {
        Node outer = LintCallSyntax.parentSkippingParens(call);
        if (outer instanceof ReturnStmt) {
          unit.escapes.add(new PendingEscape<>(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(use), outer));
        }
        return;
      }
    }
    for (MethodRef consumer : MapArguments.SYNCHRONOUS_CONSUMERS) {
      if (extraction.taskStarts.matches(consumer, owner, name)) {
        return;
      }
    }
    if (extraction.taskStarts.isImmediate(owner, name) || extraction.taskStarts.threadStart(owner, name).isPresent()) {
      return;
    }
    if (call instanceof MethodCallExpr
        && ((MethodCallExpr) call).getScope().map(s -> extraction.mapFieldOf(s) == field).orElse(false)) {
      return; // cache.equals(cache)
    }
    String detail;
    if (call instanceof MethodCallExpr) {
      MethodCallExpr invocation = (MethodCallExpr) call;
      detail =
          invocation.getScope().map(s -> s + "." + invocation.getNameAsString()).orElse(invocation.getNameAsString())
              + "(..)";
    } else {
      detail = ((ObjectCreationExpr) call).getType().getNameAsString() + "(..)";
    }
    unit.escapes.add(new PendingEscape<>(field, Escape.Kind.PASSED, detail, call));
  }

  private boolean isInTopLevel(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n == state.topLevel) {
        return true;
      }
    }
    return false;
  }

  private String enclosingMethodName(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration) {
        return LintCodeUnits.methodName((CallableDeclaration<?>) n);
      }
    }
    return "an initializer";
  }

  /** {@code if (f == null) { synchronized (x) { if (f == null) { f = ...; } } }}. */
  /** See {@link io.mapguard.engine.extract.LazyInitShapes}. */
  private void detectLazyInit(MapField field, Node assignedField) {
    int outerCheck =
        state.lazyInitShapes.outerCheckLine(
            field, LintSyntax.path(assignedField), e -> extraction.mapFieldOf((Expression) e));
    if (outerCheck > 0) {
      state.lazyInits.add(new LazyInit(field, extraction.sites.site(assignedField), outerCheck));
    }
  }

  private static boolean isNullLiteral(Expression expression) {
    return LintSymbols.skipParens(expression) instanceof NullLiteralExpr;
  }
}

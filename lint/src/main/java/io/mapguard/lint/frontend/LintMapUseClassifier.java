package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.Type;
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

  private final MapUses<Node, Node> uses;

  LintMapUseClassifier(AstFactExtractor extraction) {
    this.extraction = extraction;
    this.state = extraction.state;
    this.uses =
        new MapUses<>(
            state.callSyntax.shapes(),
            new MapUses.FrontEnd<Node, Node>() {
              @Override
              public Node position(SyntaxPath<Node> path) {
                return path.leaf();
              }

              @Override
              public Site site(Node at) {
                return extraction.sites.site(at);
              }

              @Override
              public UnitScan<Node, Node> currentUnit() {
                return extraction.scanner.current();
              }

              @Override
              public List<String> describeValue(Node expression) {
                List<String> values = new ArrayList<>();
                extraction.declarations.describeValue((Expression) expression, values);
                return values;
              }

              @Override
              public String enclosingMethodName(SyntaxPath<Node> use) {
                return LintMapUseClassifier.this.enclosingMethodName(use.leaf());
              }

              @Override
              public void classifyArgument(MapField field, SyntaxPath<Node> use, SyntaxPath<Node> call) {
                LintMapUseClassifier.this.classifyArgument(field, use.leaf(), call.leaf());
              }

              @Override
              public boolean isMapField(Object variable) {
                return state.fields.containsKey(variable);
              }
            },
            e -> extraction.mapFieldOf((Expression) e),
            new MapUses.Tables(state.valueLocals, state.storedValues, state.nullableArguments, state.lazyInits));
  }

  /** See {@link io.mapguard.engine.extract.LocalAliases#record}. */
  void recordAlias(Node local, Expression init, Node at) {
    state.localAliases.record(
        local, init, LintSyntax.path(at), state.aliases, state.fields::get, e -> extraction.mapFieldOf((Expression) e));
  }

  /** See {@link MapUses#classify}. */
  void classifyMapUse(MapField field, Node use, AliasKind kind) {
    uses.classify(field, LintSyntax.path(use), kind);
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

  /** The map (or a view) passed as an argument: copied, formatted, wrapped, or handed out. */
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
}

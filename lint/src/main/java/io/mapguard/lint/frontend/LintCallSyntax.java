package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.Statement;
import io.mapguard.engine.extract.CallShapes;
import io.mapguard.engine.model.MapCall;
import java.util.List;
import java.util.function.Function;

/**
 * Describes the syntax around a map call ({@link MapCall}) exactly as the javac front end's
 * {@code CallSyntax} does: keys as text, where the result goes, which if tests it, which branches
 * enclose the call.
 */
final class LintCallSyntax {
  private final CallShapes<Node> shapes;

  LintCallSyntax(LintSyntax syntax) {
    this.shapes = new CallShapes<>(syntax);
  }

  /** The shapes the other shared roles read the same trees with. */
  CallShapes<Node> shapes() {
    return shapes;
  }

  /** See {@link CallShapes#describe}. */
  MapCall describe(MethodCallExpr call, Function<Expression, Object> fieldOf, Object field) {
    return shapes.describe(LintSyntax.path(call), node -> fieldOf.apply((Expression) node), field);
  }

  // ------------------------------------------------------------------ loops

  /** See {@link CallShapes#enclosingLoop}. */
  MapCall.Loop enclosingLoop(Node node, Function<Expression, Object> fieldOf, Object field) {
    return shapes.enclosingLoop(LintSyntax.path(node), n -> fieldOf.apply((Expression) n), field);
  }

  /** See {@link CallShapes#enclosingUpdate}. */
  MapCall.Update enclosingUpdate(Node node, Function<Expression, Object> fieldOf, Object field) {
    return shapes.enclosingUpdate(LintSyntax.path(node), n -> fieldOf.apply((Expression) n), field);
  }

  /** See {@link CallShapes#updateAround}. */
  CallShapes.UpdateCall updateAround(Node node, Function<Expression, Object> fieldOf) {
    return shapes.updateAround(LintSyntax.path(node), n -> fieldOf.apply((Expression) n));
  }

  /** Whether nothing of an enclosing loop runs after the statement holding {@code node}. */
  static boolean exitsAfter(Node node) {
    return LintSyntax.CALL_SHAPES.exitsAfter(LintSyntax.path(node));
  }

  // ------------------------------------------------------------------ tests and branches

  static boolean exits(Statement statement) {
    return LintSyntax.CALL_SHAPES.exits(statement);
  }

  // ------------------------------------------------------------------ values

  /** A call made on a value ({@code method}) or a store into one of its elements ({@code []=}). */
  record ValueUse(String method, Node node) {}

  /** See {@link CallShapes#useOfValue}. */
  static ValueUse useOfValue(Node value) {
    CallShapes.ValueUse<Node> use = LintSyntax.CALL_SHAPES.useOfValue(LintSyntax.path(value));
    return use == null ? null : new ValueUse(use.method(), use.node());
  }

  /**
   * Every value a local variable is given in its method, its initializer first; null when it is
   * also changed by {@code +=}, {@code ++} or the like.
   */
  @SuppressWarnings("unchecked") // the port hands back the nodes it was given
  List<Expression> valuesOf(Node local, Node use) {
    return (List<Expression>) (List<? extends Node>) shapes.locals().valuesOf(local, LintSyntax.path(use));
  }

  /** See {@link CallShapes#holdsLockArguments}. */
  @SuppressWarnings("unchecked") // the port hands back the nodes it was given
  static List<Expression> holdsLockArguments(Expression condition) {
    return (List<Expression>) (List<? extends Node>) LintSyntax.CALL_SHAPES.holdsLockArguments(condition);
  }

  /** The calls in the local's method that take it as an argument. */
  @SuppressWarnings("unchecked") // the port hands back the nodes it was given
  List<MethodCallExpr> callsTaking(Node local, Node use) {
    return (List<MethodCallExpr>) (List<? extends Node>) shapes.locals().callsTaking(local, LintSyntax.path(use));
  }

  /** The node itself or the outermost parentheses / cast wrapping it: what its parent holds. */
  static Node outermostParens(Node node) {
    Node leaf = node;
    while (leaf.getParentNode().orElse(null) instanceof EnclosedExpr
        || leaf.getParentNode().orElse(null) instanceof CastExpr) {
      leaf = leaf.getParentNode().get();
    }
    return leaf;
  }

  /** The parent of the expression once parentheses and casts around it are left out. */
  static Node parentSkippingParens(Node node) {
    Node parent = node.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
      parent = parent.getParentNode().orElse(null);
    }
    return parent;
  }
}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
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

  /** See {@link CallShapes#updateAround}. */
  CallShapes.UpdateCall updateAround(Node node, Function<Expression, Object> fieldOf) {
    return shapes.updateAround(LintSyntax.path(node), n -> fieldOf.apply((Expression) n));
  }

  // ------------------------------------------------------------------ values

  /** A call made on a value ({@code method}) or a store into one of its elements ({@code []=}). */
  record ValueUse(String method, Node node) {}

  /** See {@link CallShapes#useOfValue}. */
  static ValueUse useOfValue(Node value) {
    CallShapes.ValueUse<Node> use = LintSyntax.CALL_SHAPES.useOfValue(LintSyntax.path(value));
    return use == null ? null : new ValueUse(use.method(), use.node());
  }

  /** See {@link CallShapes#holdsLockArguments}. */
  @SuppressWarnings("unchecked") // the port hands back the nodes it was given
  static List<Expression> holdsLockArguments(Expression condition) {
    return (List<Expression>) (List<? extends Node>) LintSyntax.CALL_SHAPES.holdsLockArguments(condition);
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

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import io.mapguard.engine.extract.CallShapes;
import io.mapguard.engine.model.MapCall;
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
}

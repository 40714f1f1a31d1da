package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import io.mapguard.engine.extract.CallShapes;
import io.mapguard.engine.model.MapCall;
import java.util.function.Function;

/**
 * Describes the syntax around a map call for the engine's per-method rules ({@link MapCall}). Only
 * syntax: keys as text, where the result goes, which if tests it, which branches enclose the call.
 * The JavaParser front end's {@code LintCallSyntax} produces the same descriptions.
 */
final class CallSyntax {
  private final CallShapes<JCTree> shapes;

  CallSyntax(JavacSyntax syntax) {
    this.shapes = new CallShapes<>(syntax);
  }

  /** The shapes the other shared roles read the same trees with. */
  CallShapes<JCTree> shapes() {
    return shapes;
  }

  /** See {@link CallShapes#updateAround}. */
  CallShapes.UpdateCall updateAround(TreePath path, Function<JCExpression, Object> fieldOf) {
    return shapes.updateAround(JavacSyntax.path(path), tree -> fieldOf.apply((JCExpression) tree));
  }

  // ------------------------------------------------------------------ helpers

  static boolean isLocal(Symbol symbol) {
    return symbol instanceof VarSymbol && !(symbol.owner instanceof ClassSymbol);
  }
}

package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.TreeInfo;
import io.mapguard.engine.extract.CallShapes;
import io.mapguard.engine.model.MapCall;
import java.util.List;
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

  // ------------------------------------------------------------------ values

  /** A call made on a value ({@code method}) or a store into one of its elements ({@code []=}). */
  record ValueUse(String method, TreePath path) {}

  /** See {@link CallShapes#useOfValue}; the path of the node that uses the value. */
  static ValueUse useOfValue(TreePath valuePath) {
    CallShapes.ValueUse<JCTree> use = JavacSyntax.CALL_SHAPES.useOfValue(JavacSyntax.path(valuePath));
    if (use == null) {
      return null;
    }
    TreePath path = valuePath;
    while (path.getLeaf() != use.node()) {
      path = path.getParentPath();
    }
    return new ValueUse(use.method(), path);
  }

  /** See {@link CallShapes#holdsLockArguments}. */
  @SuppressWarnings("unchecked") // the port hands back the trees it was given
  static List<JCExpression> holdsLockArguments(JCExpression condition) {
    return (List<JCExpression>) (List<? extends JCTree>) JavacSyntax.CALL_SHAPES.holdsLockArguments(condition);
  }

  // ------------------------------------------------------------------ helpers

  static boolean isLocal(Symbol symbol) {
    return symbol instanceof VarSymbol && !(symbol.owner instanceof ClassSymbol);
  }

  static JCExpression skipParensAndCasts(JCExpression expression) {
    JCExpression e = TreeInfo.skipParens(expression);
    while (e instanceof JCTree.JCTypeCast) {
      e = TreeInfo.skipParens(((JCTree.JCTypeCast) e).expr);
    }
    return e;
  }

  static TreePath parentSkippingParens(TreePath path) {
    TreePath parent = path.getParentPath();
    while (parent != null
        && (parent.getLeaf() instanceof JCTree.JCParens
            || parent.getLeaf() instanceof JCTree.JCTypeCast)) {
      parent = parent.getParentPath();
    }
    return parent;
  }
}

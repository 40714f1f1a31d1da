package io.mapguard.errorprone;

import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.TreeInfo;
import java.util.Optional;

/**
 * {@code m.put(k, m.getOrDefault(k, 0) + n);} becomes {@code m.merge(k, n, Integer::sum);}: one
 * atomic read-modify-write with the same result (an absent key counts from 0). Offered only for
 * exactly that shape: the put as a statement of its own, the same map and key text, a zero default.
 */
final class MergeFix {
  private MergeFix() {}

  static Optional<SuggestedFix.Builder> fix(JCCompilationUnit unit, JCTree anchor, String sum) {
    TreePath callPath = sum == null ? null : FixText.twoArgumentCallStatement(unit, anchor);
    if (callPath == null) {
      return Optional.empty();
    }
    JCMethodInvocation put = (JCMethodInvocation) callPath.getLeaf();
    JCExpression value = TreeInfo.skipParens(put.args.get(1));
    if (!value.hasTag(JCTree.Tag.PLUS)) {
      return Optional.empty();
    }
    FixText.MapCall written = FixText.MapCall.of(unit, put);
    if (written == null) {
      return Optional.empty();
    }
    JCBinary sumOf = (JCBinary) value;
    JCExpression increment = null;
    if (isZeroDefaultRead(sumOf.lhs, written, unit)) {
      increment = sumOf.rhs;
    } else if (isZeroDefaultRead(sumOf.rhs, written, unit)) {
      increment = sumOf.lhs;
    }
    if (increment == null) {
      return Optional.empty();
    }
    String replacement =
        written.map()
            + ".merge("
            + written.key()
            + ", "
            + FixText.text(written.source(), unit, increment)
            + ", "
            + sum
            + ")";
    return Optional.of(SuggestedFix.builder().replace(put, replacement));
  }

  /**
   * {@code map.getOrDefault(key, 0)} (or {@code 0L}, {@code 0.0}) on the put's map and key, as
   * written.
   */
  private static boolean isZeroDefaultRead(
      JCExpression operand, FixText.MapCall put, JCCompilationUnit unit) {
    JCExpression e = TreeInfo.skipParens(operand);
    if (!(e instanceof JCMethodInvocation)
        || !(((JCMethodInvocation) e).meth instanceof JCFieldAccess)
        || ((JCMethodInvocation) e).args.size() != 2) {
      return false;
    }
    JCMethodInvocation read = (JCMethodInvocation) e;
    JCExpression fallback = TreeInfo.skipParens(read.args.get(1));
    return ((JCFieldAccess) read.meth).name.contentEquals("getOrDefault")
        && put.sameMapAndKey(unit, read)
        && fallback instanceof JCLiteral
        && ((JCLiteral) fallback).getValue() instanceof Number
        && ((Number) ((JCLiteral) fallback).getValue()).doubleValue() == 0;
  }
}

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
    String source = FixText.source(unit);
    if (source == null) {
      return Optional.empty();
    }
    String receiver = FixText.text(source, unit, ((JCFieldAccess) put.meth).selected);
    String key = FixText.text(source, unit, put.args.get(0));
    JCBinary sumOf = (JCBinary) value;
    JCExpression increment = null;
    if (isZeroDefaultRead(sumOf.lhs, receiver, key, source, unit)) {
      increment = sumOf.rhs;
    } else if (isZeroDefaultRead(sumOf.rhs, receiver, key, source, unit)) {
      increment = sumOf.lhs;
    }
    if (increment == null) {
      return Optional.empty();
    }
    String replacement =
        receiver + ".merge(" + key + ", " + FixText.text(source, unit, increment) + ", " + sum + ")";
    return Optional.of(SuggestedFix.builder().replace(put, replacement));
  }

  /** {@code receiver.getOrDefault(key, 0)} (or {@code 0L}, {@code 0.0}), as written. */
  private static boolean isZeroDefaultRead(
      JCExpression operand, String receiver, String key, String source, JCCompilationUnit unit) {
    JCExpression e = TreeInfo.skipParens(operand);
    if (!(e instanceof JCMethodInvocation)
        || !(((JCMethodInvocation) e).meth instanceof JCFieldAccess)
        || ((JCMethodInvocation) e).args.size() != 2) {
      return false;
    }
    JCMethodInvocation read = (JCMethodInvocation) e;
    JCFieldAccess select = (JCFieldAccess) read.meth;
    JCExpression fallback = TreeInfo.skipParens(read.args.get(1));
    return select.name.contentEquals("getOrDefault")
        && receiver.equals(FixText.text(source, unit, select.selected))
        && key.equals(FixText.text(source, unit, read.args.get(0)))
        && fallback instanceof JCLiteral
        && ((JCLiteral) fallback).getValue() instanceof Number
        && ((Number) ((JCLiteral) fallback).getValue()).doubleValue() == 0;
  }
}

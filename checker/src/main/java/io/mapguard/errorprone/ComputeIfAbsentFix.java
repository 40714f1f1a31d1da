package io.mapguard.errorprone;

import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCIf;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCUnary;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code if (!m.containsKey(k)) m.put(k, v);} or {@code if (m.get(k) == null) { m.put(k, v); }}
 * becomes {@code m.computeIfAbsent(k, absentKey -> v);}: v is still only evaluated when the key is
 * absent. Offered only for exactly that shape (no else, the put alone in the branch, the same map
 * and key text, v using only effectively final locals).
 */
final class ComputeIfAbsentFix {
  private static final List<String> PARAMETER_NAMES = List.of("absentKey", "missingKey", "newKey");

  private ComputeIfAbsentFix() {}

  static Optional<SuggestedFix.Builder> fix(JCCompilationUnit unit, JCTree anchor) {
    TreePath callPath = FixText.twoArgumentCallStatement(unit, anchor);
    if (callPath == null) {
      return Optional.empty();
    }
    JCMethodInvocation put = (JCMethodInvocation) callPath.getLeaf();
    TreePath statementPath = callPath.getParentPath();
    TreePath owner = statementPath.getParentPath();
    JCTree branch = (JCTree) statementPath.getLeaf();
    if (owner.getLeaf() instanceof JCBlock && ((JCBlock) owner.getLeaf()).stats.size() == 1) {
      branch = (JCTree) owner.getLeaf();
      owner = owner.getParentPath();
    }
    if (!(owner.getLeaf() instanceof JCIf)) {
      return Optional.empty();
    }
    JCIf statement = (JCIf) owner.getLeaf();
    if (statement.thenpart != branch || statement.elsepart != null) {
      return Optional.empty();
    }
    FixText.MapCall written = FixText.MapCall.of(unit, put);
    if (written == null) {
      return Optional.empty();
    }
    JCMethodInvocation check = checkCall(statement.cond);
    if (check == null
        || check.args.size() != 1
        || !written.sameMapAndKey(unit, check)
        || !onlyEffectivelyFinalLocals(put.args.get(1))) {
      return Optional.empty();
    }
    String parameter = freshName(written.source(), unit, owner);
    if (parameter == null) {
      return Optional.empty();
    }
    String replacement =
        written.map()
            + ".computeIfAbsent("
            + written.key()
            + ", "
            + parameter
            + " -> "
            + FixText.text(written.source(), unit, put.args.get(1))
            + ");";
    return Optional.of(SuggestedFix.builder().replace(statement, replacement));
  }

  /** {@code !m.containsKey(k)} or {@code m.get(k) == null} / {@code null == m.get(k)}. */
  private static JCMethodInvocation checkCall(JCExpression condition) {
    JCExpression c = TreeInfo.skipParens(condition);
    if (c instanceof JCUnary && c.getTag() == JCTree.Tag.NOT) {
      JCExpression inner = TreeInfo.skipParens(((JCUnary) c).arg);
      return named(inner, "containsKey");
    }
    if (c instanceof JCBinary && c.getTag() == JCTree.Tag.EQ) {
      JCBinary binary = (JCBinary) c;
      if (isNull(binary.rhs)) {
        return named(TreeInfo.skipParens(binary.lhs), "get");
      }
      if (isNull(binary.lhs)) {
        return named(TreeInfo.skipParens(binary.rhs), "get");
      }
    }
    return null;
  }

  private static JCMethodInvocation named(JCExpression e, String name) {
    return e instanceof JCMethodInvocation
            && ((JCMethodInvocation) e).meth instanceof JCFieldAccess
            && ((JCFieldAccess) ((JCMethodInvocation) e).meth).name.contentEquals(name)
        ? (JCMethodInvocation) e
        : null;
  }

  private static boolean isNull(JCExpression e) {
    JCExpression x = TreeInfo.skipParens(e);
    return x instanceof JCLiteral && ((JCLiteral) x).getValue() == null;
  }

  private static boolean onlyEffectivelyFinalLocals(JCExpression value) {
    boolean[] ok = {true};
    new TreeScanner() {
      @Override
      public void visitIdent(JCIdent tree) {
        Symbol symbol = tree.sym;
        if (symbol instanceof VarSymbol
            && !(symbol.owner instanceof ClassSymbol)
            && (symbol.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) == 0) {
          ok[0] = false;
        }
      }
    }.scan(value);
    return ok[0];
  }

  /** A lambda parameter name the enclosing method never uses. */
  private static String freshName(String source, JCCompilationUnit unit, TreePath path) {
    String method = source;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof JCMethodDecl) {
        method = FixText.text(source, unit, (JCTree) p.getLeaf());
        break;
      }
    }
    for (String name : PARAMETER_NAMES) {
      if (!Pattern.compile("\\b" + name + "\\b").matcher(method).find()) {
        return name;
      }
    }
    return null;
  }
}

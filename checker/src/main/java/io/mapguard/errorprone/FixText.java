package io.mapguard.errorprone;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCExpressionStatement;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.TreeInfo;
import java.io.IOException;

/** The source text fixes copy from: a fix keeps the author's spelling of keys and values. */
final class FixText {
  private FixText() {}

  /**
   * The path of the two-argument call made on {@code receiver} (a finding's anchor, the map
   * reference in {@code map.put(k, v)}) when that call is a statement of its own; else null.
   */
  static TreePath twoArgumentCallStatement(JCCompilationUnit unit, JCTree receiver) {
    if (unit.endPositions == null) {
      return null;
    }
    TreePath path = TreePath.getPath(unit, receiver);
    if (path == null
        || !(path.getParentPath().getLeaf() instanceof JCFieldAccess)
        || !(path.getParentPath().getParentPath().getLeaf() instanceof JCMethodInvocation)) {
      return null;
    }
    TreePath callPath = path.getParentPath().getParentPath();
    return ((JCMethodInvocation) callPath.getLeaf()).args.size() == 2
            && callPath.getParentPath().getLeaf() instanceof JCExpressionStatement
        ? callPath
        : null;
  }

  /**
   * What a fix copies from a map call {@code map.op(key, …)} it rewrites: the unit's source and the
   * map and key as written.
   */
  record MapCall(String source, String map, String key) {
    /** Null when the unit's source cannot be read (no fix is offered then). */
    static MapCall of(JCCompilationUnit unit, JCMethodInvocation call) {
      String source = FixText.source(unit);
      return source == null
          ? null
          : new MapCall(
              source,
              text(source, unit, ((JCFieldAccess) call.meth).selected),
              text(source, unit, call.args.get(0)));
    }

    /** Whether {@code other} is a call on the same map with the same key, as written. */
    boolean sameMapAndKey(JCCompilationUnit unit, JCMethodInvocation other) {
      return other.meth instanceof JCFieldAccess
          && !other.args.isEmpty()
          && map.equals(text(source, unit, ((JCFieldAccess) other.meth).selected))
          && key.equals(text(source, unit, other.args.get(0)));
    }
  }

  /** The text of {@code tree} as written, from {@link #source}. */
  static String text(String source, JCCompilationUnit unit, JCTree tree) {
    return source.substring(TreeInfo.getStartPos(tree), TreeInfo.getEndPos(tree, unit.endPositions));
  }

  /** The compilation unit's source, or null when it cannot be read (no fix is offered then). */
  static String source(JCCompilationUnit unit) {
    try {
      return unit.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      return null;
    }
  }
}

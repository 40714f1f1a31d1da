package io.mapguard.errorprone;

import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.TreeInfo;
import java.io.IOException;

/** The source text fixes copy from: a fix keeps the author's spelling of keys and values. */
final class FixText {
  private FixText() {}

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

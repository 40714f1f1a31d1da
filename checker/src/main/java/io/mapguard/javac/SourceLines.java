package io.mapguard.javac;

import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import java.io.IOException;

/**
 * The text of a compilation unit's lines, read on first use: most classes produce no site at all,
 * and javac's file objects re-read the file on every {@code getCharContent} call.
 */
final class SourceLines {
  private final JCCompilationUnit unit;
  private CharSequence content;

  SourceLines(JCCompilationUnit unit) {
    this.unit = unit;
  }

  /** Line {@code line} (1-based) without its terminator, or "" when the source cannot be read. */
  String line(int line) {
    CharSequence text = content();
    if (line < 1 || text.length() == 0) {
      return "";
    }
    int start;
    try {
      start = (int) unit.getLineMap().getStartPosition(line);
    } catch (IndexOutOfBoundsException e) {
      return "";
    }
    if (start < 0 || start > text.length()) {
      return "";
    }
    int end = start;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return text.subSequence(start, end).toString();
  }

  private CharSequence content() {
    if (content == null) {
      try {
        content = unit.getSourceFile().getCharContent(true);
      } catch (IOException | RuntimeException e) {
        content = "";
      }
    }
    return content;
  }
}

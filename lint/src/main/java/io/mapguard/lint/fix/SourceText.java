package io.mapguard.lint.fix;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * A document's text with its line starts, for turning mapvet's 1-based line and column (JavaParser
 * counts a column per {@code char}, as LSP's default UTF-16 positions do) into LSP positions and
 * back. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as in LSP.
 */
public final class SourceText {
  private final String text;
  private final int[] lineStarts;

  public SourceText(String text) {
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
      }
      if (c == '\n' || c == '\r') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text of a line (0-based) without its line break; empty past the end. */
  public String line(int line) {
    if (line < 0 || line >= lineStarts.length) {
      return "";
    }
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
    while (end > lineStarts[line]
        && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(lineStarts[line], end);
  }

  /** The offset of an LSP position, clamped to the text. */
  public int offset(Position position) {
    if (position.getLine() < 0) {
      return 0;
    }
    if (position.getLine() >= lineStarts.length) {
      return text.length();
    }
    int lineLength = line(position.getLine()).length();
    return lineStarts[position.getLine()] + Math.max(0, Math.min(position.getCharacter(), lineLength));
  }

  /** The LSP position of an offset. */
  public Position position(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int low = 0;
    int high = lineStarts.length - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (lineStarts[middle] <= clamped) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return new Position(low, clamped - lineStarts[low]);
  }

  /** The position of mapvet's 1-based line and column (the column's character itself). */
  public static Position start(int line, int column) {
    return new Position(Math.max(0, line - 1), Math.max(0, column - 1));
  }

  /** The position just after mapvet's 1-based line and inclusive column. */
  public static Position endAfter(int line, int column) {
    return new Position(Math.max(0, line - 1), Math.max(0, column));
  }

  /**
   * The range of a place known by its line and maybe its column (0: the line only): from the column
   * to the end of the identifier there, or the line's text without its indentation.
   */
  public Range place(int line, int column) {
    int index = Math.max(0, line - 1);
    String lineText = line(index);
    if (column <= 0) {
      int first = 0;
      while (first < lineText.length() && Character.isWhitespace(lineText.charAt(first))) {
        first++;
      }
      int last = lineText.length();
      while (last > first && Character.isWhitespace(lineText.charAt(last - 1))) {
        last--;
      }
      return new Range(new Position(index, first), new Position(index, Math.max(first, last)));
    }
    int start = Math.min(column - 1, lineText.length());
    int end = start;
    while (end < lineText.length() && Character.isJavaIdentifierPart(lineText.charAt(end))) {
      end++;
    }
    return new Range(new Position(index, start), new Position(index, Math.max(end, start + 1)));
  }

  /** The text between two offsets. */
  public String between(int start, int end) {
    return text.substring(Math.max(0, start), Math.min(text.length(), end));
  }

  /** Whether two ranges share a position (touching counts: a cursor at a range's end is in it). */
  public static boolean touches(Range a, Range b) {
    return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
  }

  public static int compare(Position a, Position b) {
    return a.getLine() != b.getLine()
        ? Integer.compare(a.getLine(), b.getLine())
        : Integer.compare(a.getCharacter(), b.getCharacter());
  }
}

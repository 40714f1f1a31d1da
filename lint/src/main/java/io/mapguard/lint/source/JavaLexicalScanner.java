package io.mapguard.lint.source;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Just enough of the Java lexer to tell comments from code: it knows string, char and text-block
 * literals, so that {@code "// mapvet:ignore"} inside a string is not taken for a directive. It
 * never fails: unterminated literals and comments end at the end of the line or file, as a best
 * effort on code that does not compile.
 */
public final class JavaLexicalScanner {
  private final String source;
  private int index;
  private int line = 1;
  private int column = 1;
  /** A code character after which the scan ends; none by default. */
  private char stop = '\uFFFF';

  private JavaLexicalScanner(String source) {
    this.source = source;
  }

  /** Every comment, in source order. */
  public static List<Comment> comments(String source) {
    List<Comment> comments = new ArrayList<>();
    new JavaLexicalScanner(source).scan(comments, null);
    return comments;
  }

  /**
   * The source with every comment and literal replaced by spaces, line breaks kept: code-only text
   * for simple pattern matching (e.g. the package declaration).
   */
  public static String codeOnly(String source) {
    return blank(source, true);
  }

  /**
   * The source with every comment replaced by spaces, line breaks kept, and literals as they are:
   * the code's text, for comparing code without its comments.
   */
  public static String withoutComments(String source) {
    return blank(source, false);
  }

  private static String blank(String source, boolean literalsToo) {
    // a plain loop over the characters, without the scanner's line and column bookkeeping: the
    // declaration index runs this on every file it looks at
    char[] code = source.toCharArray();
    int length = code.length;
    int i = 0;
    while (i < length) {
      char c = code[i];
      int end;
      if (c == '/' && i + 1 < length && code[i + 1] == '/') {
        end = i + 2;
        while (end < length && !isLineBreak(code[end])) {
          end++;
        }
      } else if (c == '/' && i + 1 < length && code[i + 1] == '*') {
        int close = source.indexOf("*/", i + 2);
        end = close < 0 ? length : close + 2;
      } else if (c == '"' && source.startsWith("\"\"\"", i)) {
        end = endOfQuoted(source, i + 3, "\"\"\"", true);
      } else if (c == '"' || c == '\'') {
        end = endOfQuoted(source, i + 1, String.valueOf(c), false);
      } else {
        i++;
        continue;
      }
      if (!literalsToo && (c == '"' || c == '\'')) {
        i = end; // a literal: kept, but skipped whole, so that "//" in it starts no comment
        continue;
      }
      for (; i < end; i++) {
        if (!isLineBreak(code[i])) {
          code[i] = ' ';
        }
      }
    }
    return new String(code);
  }

  /**
   * The source's lines without their terminators ({@code \r\n}, {@code \r} or {@code \n}), as
   * javac counts them. A line's text is cut from the source when it is asked for: most are never
   * asked for.
   */
  public static List<String> lines(String source) {
    int[] starts = new int[16];
    int count = 1;
    boolean onlyLineFeeds = source.indexOf('\r') < 0;
    for (int i = 0; i < source.length(); i++) {
      if (onlyLineFeeds) {
        // the usual case, found by the JDK's vectorised search
        i = source.indexOf('\n', i);
        if (i < 0) {
          break;
        }
      } else {
        char c = source.charAt(i);
        if (c != '\n' && c != '\r') {
          continue;
        }
        if (c == '\r' && i + 1 < source.length() && source.charAt(i + 1) == '\n') {
          i++;
        }
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    return new Lines(source, starts, count);
  }

  /** The text {@link #lines} cut {@code lines} from; other lines joined by {@code \n}. */
  public static String text(List<String> lines) {
    return lines instanceof Lines cut ? cut.source : String.join("\n", lines);
  }

  private static final class Lines extends AbstractList<String> implements RandomAccess {
    private final String source;
    private final int[] starts;
    private final int count;

    Lines(String source, int[] starts, int count) {
      this.source = source;
      this.starts = starts;
      this.count = count;
    }

    @Override
    public String get(int index) {
      Objects.checkIndex(index, count);
      int start = starts[index];
      if (index + 1 == count) {
        return source.substring(start);
      }
      int end = starts[index + 1] - 1; // the terminator, or the \n of a \r\n
      if (source.charAt(end) == '\n' && end > start && source.charAt(end - 1) == '\r') {
        end--;
      }
      return source.substring(start, end);
    }

    @Override
    public int size() {
      return count;
    }
  }

  /**
   * {@link #codeOnly} up to and including the first {@code stop} character of code: what comes
   * before the first declaration, say, without going through the whole file.
   */
  public static String codeBefore(String source, char stop) {
    StringBuilder code = new StringBuilder();
    JavaLexicalScanner scanner = new JavaLexicalScanner(source);
    scanner.stop = stop;
    scanner.scan(null, code);
    return code.toString();
  }

  private void scan(List<Comment> comments, StringBuilder code) {
    while (index < source.length()) {
      int startLine = line;
      int startColumn = column;
      int start = index;
      char c = source.charAt(index);
      if (c == '/' && peek(1) == '/') {
        advance(2);
        while (index < source.length() && !isLineBreak(source.charAt(index))) {
          advance(1);
        }
        addComment(comments, Comment.Kind.LINE, startLine, startColumn, start + 2, index);
        blank(code, start);
      } else if (c == '/' && peek(1) == '*') {
        advance(2);
        int contentEnd = -1;
        while (index < source.length()) {
          if (source.charAt(index) == '*' && peek(1) == '/') {
            contentEnd = index;
            advance(2);
            break;
          }
          advance(1);
        }
        addComment(
            comments,
            Comment.Kind.BLOCK,
            startLine,
            startColumn,
            start + 2,
            contentEnd < 0 ? index : contentEnd);
        blank(code, start);
      } else if (c == '"' && peek(1) == '"' && peek(2) == '"') {
        advance(3);
        skipQuoted("\"\"\"", true);
        blank(code, start);
      } else if (c == '"' || c == '\'') {
        advance(1);
        skipQuoted(String.valueOf(c), false);
        blank(code, start);
      } else {
        advance(1);
        if (code != null) {
          code.append(c);
        }
        if (c == stop) {
          return;
        }
      }
    }
  }

  /** Moves to the end of the literal whose text starts here (see {@link #endOfQuoted}). */
  private void skipQuoted(String close, boolean multiline) {
    advance(endOfQuoted(source, index, close, multiline) - index);
  }

  /**
   * Where a literal whose text starts at {@code from} ends: just after {@code close}, honouring
   * backslash escapes; a plain literal stops at a line break, an unterminated one at the end.
   */
  private static int endOfQuoted(String source, int from, String close, boolean multiline) {
    int at = from;
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == '\\') {
        at = Math.min(at + 2, source.length());
      } else if (source.startsWith(close, at)) {
        return at + close.length();
      } else if (!multiline && isLineBreak(c)) {
        return at;
      } else {
        at++;
      }
    }
    return at;
  }

  private void addComment(
      List<Comment> comments,
      Comment.Kind kind,
      int startLine,
      int startColumn,
      int textStart,
      int textEnd) {
    if (comments == null) {
      return;
    }
    // The column of the comment's last character: the one before the scanner's position.
    int endLine = line;
    int endColumn = Math.max(1, column - 1);
    comments.add(
        new Comment(
            kind,
            startLine,
            startColumn,
            endLine,
            endColumn,
            source.substring(textStart, textEnd)));
  }

  /** Appends spaces for source[start, index), keeping line breaks so that line numbers survive. */
  private void blank(StringBuilder code, int start) {
    if (code == null) {
      return;
    }
    for (int i = start; i < index; i++) {
      char c = source.charAt(i);
      code.append(isLineBreak(c) ? c : ' ');
    }
  }

  private char peek(int ahead) {
    int at = index + ahead;
    return at < source.length() ? source.charAt(at) : '\0';
  }

  private void advance(int count) {
    for (int i = 0; i < count && index < source.length(); i++) {
      char c = source.charAt(index++);
      // \r\n is one line break; a lone \r or \n is one too (JavaParser counts them the same way).
      if (c == '\n' || (c == '\r' && (index >= source.length() || source.charAt(index) != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r') {
        column++;
      }
    }
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }
}

package io.mapguard.lint.source;

import java.util.ArrayList;
import java.util.List;

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
    StringBuilder code = new StringBuilder(source.length());
    new JavaLexicalScanner(source).scan(null, code);
    return code.toString();
  }

  /**
   * The source's lines without their terminators ({@code \r\n}, {@code \r} or {@code \n}), as
   * javac counts them.
   */
  public static List<String> lines(String source) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(source.substring(start, i));
        if (c == '\r' && i + 1 < source.length() && source.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(source.substring(start));
    return lines;
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

  /**
   * Skips to just after {@code close}, honouring backslash escapes; a plain literal stops at a line
   * break.
   */
  private void skipQuoted(String close, boolean multiline) {
    while (index < source.length()) {
      char c = source.charAt(index);
      if (c == '\\') {
        advance(Math.min(2, source.length() - index));
      } else if (source.startsWith(close, index)) {
        advance(close.length());
        return;
      } else if (!multiline && isLineBreak(c)) {
        return;
      } else {
        advance(1);
      }
    }
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

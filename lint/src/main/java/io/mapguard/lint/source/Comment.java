package io.mapguard.lint.source;

/**
 * A comment in Java source. Positions are 1-based and count UTF-16 chars, like JavaParser's with
 * its default tab size of 1, so that directive positions line up with finding positions.
 *
 * @param text the comment without its delimiters ({@code //}, {@code /*}, {@code *}{@code /})
 * @param endColumn the column of the comment's last character
 */
public record Comment(Kind kind, int line, int column, int endLine, int endColumn, String text) {
  public enum Kind {
    LINE,
    BLOCK
  }
}

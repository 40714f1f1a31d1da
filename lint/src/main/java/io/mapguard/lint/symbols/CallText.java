package io.mapguard.lint.symbols;

/**
 * Calls and names as a look at source text finds them, before any parse: what a scan asks of a
 * file to decide whether the file needs a closer (costlier) look.
 */
public final class CallText {
  private CallText() {}

  /** Whether {@code text} has {@code word} as a whole word (no identifier character on either side). */
  public static boolean hasWord(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      if ((at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)))
          && (end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /** The identifier right before the {@code (} at {@code open}, or null. */
  public static String nameBefore(String text, int open) {
    int end = skipSpacesBack(text, open);
    int start = identifierStart(text, end);
    return start < end && Character.isJavaIdentifierStart(text.charAt(start)) ? text.substring(start, end) : null;
  }

  /**
   * Whether the name before the {@code (} at {@code open} is called on something: a {@code .}
   * comes before it ({@code pool.execute(}, a chained {@code .submit(} continued on its own line).
   */
  public static boolean calledOnSomething(String text, int open) {
    int dot = skipSpacesBack(text, identifierStart(text, skipSpacesBack(text, open)));
    return dot > 0 && text.charAt(dot - 1) == '.';
  }

  private static int skipSpacesBack(String text, int from) {
    int at = from;
    while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
      at--;
    }
    return at;
  }

  private static int identifierStart(String text, int end) {
    int start = end;
    while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
      start--;
    }
    return start;
  }
}

package io.mapguard.lint.text;

/**
 * Makes text safe to print one item a line: file names and messages come from the scanned
 * repository, and a line break in a file name would start a line of the attacker's choosing, which
 * CI systems read as commands ({@code ::error file=…::} on GitHub). Control characters, Unicode line
 * and paragraph separators and the bidirectional overrides (which reorder how a line reads, as in
 * "Trojan Source") are written as Java escapes: {@code \n}, {@code \t}, {@code \u202E}.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  public static String escape(String text) {
    int first = 0;
    while (first < text.length() && !needsEscape(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text; // the usual case, without a copy
    }
    StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        escaped.append(c);
      } else if (c == '\n') {
        escaped.append("\\n");
      } else if (c == '\r') {
        escaped.append("\\r");
      } else if (c == '\t') {
        escaped.append("\\t");
      } else {
        escaped.append(String.format("\\u%04X", (int) c));
      }
    }
    return escaped.toString();
  }

  private static boolean needsEscape(char c) {
    return Character.getType(c) == Character.CONTROL // C0, DEL and C1
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}

package io.mapguard.lint.source;

import java.util.Arrays;
import java.util.Optional;

/**
 * How deep a file's syntax tree can get, read from its text: brackets nested in brackets, and
 * operators chained in one expression (each binary operator nests the expression before it one
 * level deeper). The parser and the analysis recurse over the tree, so these bound the stack they
 * need. Files within the limits are analysed on threads whose stack holds several times that
 * depth even when nothing is compiled yet; files beyond them are refused before parsing. Either way
 * the outcome depends on the file alone, not on how far the JIT compiler has got (interpreted
 * frames are larger, so near a stack's limit the same file used to pass or fail from run to run).
 *
 * <p>The limits are far above what javac accepts with its default stack (about 2,000 nested
 * parentheses or calls; it handles concatenations of 40,000 terms and more).
 */
public final class NestingLimits {
  /** Brackets of any kind nested in one another. */
  public static final int MAX_DEPTH = 10_000;

  /** Operators in one expression between commas or semicolons, at one bracket level. */
  public static final int MAX_CHAIN = 200_000;

  private static final boolean[] OPERATOR_CHARS = new boolean[128];

  static {
    for (char c : "+-*/%&|^<>=!~?:".toCharArray()) {
      OPERATOR_CHARS[c] = true;
    }
  }

  private NestingLimits() {}

  /** Why {@code source} is beyond the limits, or empty when it is within them. */
  public static Optional<String> exceeded(String source) {
    if (!mayExceed(source)) {
      return Optional.empty();
    }
    String code = JavaLexicalScanner.codeOnly(source);
    int depth = 0;
    int maxDepth = 0;
    int[] chains = new int[64]; // operators since the last separator, per depth
    int maxChain = 0;
    boolean inOperator = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      boolean operator = isOperatorChar(c);
      if (operator && !inOperator) {
        chains[depth]++;
        maxChain = Math.max(maxChain, chains[depth]);
      }
      inOperator = operator;
      if (c == '(' || c == '[' || c == '{') {
        depth++;
        maxDepth = Math.max(maxDepth, depth);
        if (depth == chains.length) {
          chains = Arrays.copyOf(chains, depth * 2);
        }
        chains[depth] = 0;
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' || c == ';') {
        chains[depth] = 0;
      }
    }
    if (maxDepth > MAX_DEPTH) {
      return Optional.of(
          String.format(
              "brackets nested %,d deep, beyond mapvet's limit of %,d; skipped",
              maxDepth,
              MAX_DEPTH));
    }
    if (maxChain > MAX_CHAIN) {
      return Optional.of(
          String.format(
              "an expression of %,d chained operators, beyond mapvet's limit of %,d; skipped",
              maxChain,
              MAX_CHAIN));
    }
    return Optional.empty();
  }

  /**
   * Whether the text could be beyond a limit: a depth cannot exceed the number of opening brackets,
   * nor a chain the number of operator characters. So almost every file is known to be within the
   * limits from its length and a count of its brackets (String.indexOf, which the JVM does fast)
   * and, for a file longer than a chain can be, of its operator characters, without the lexical
   * scan: that scan took a fifth of mapvet's time on java.base when every file had it, and still
   * a few percent when every file longer than {@link #MAX_CHAIN} characters had it.
   */
  private static boolean mayExceed(String source) {
    if (source.length() > MAX_DEPTH
        && count(source, '(') + count(source, '[') + count(source, '{') > MAX_DEPTH) {
      return true;
    }
    return source.length() > MAX_CHAIN && operatorChars(source) > MAX_CHAIN;
  }

  private static int operatorChars(String source) {
    int n = 0;
    for (int i = 0; i < source.length(); i++) {
      if (isOperatorChar(source.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private static int count(String source, char c) {
    int n = 0;
    for (int i = source.indexOf(c); i >= 0; i = source.indexOf(c, i + 1)) {
      n++;
    }
    return n;
  }

  private static boolean isOperatorChar(char c) {
    return c < OPERATOR_CHARS.length && OPERATOR_CHARS[c];
  }
}

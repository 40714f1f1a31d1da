package io.mapguard.lint.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file's text says about a position without parsing it: the statement around it and the
 * type and method declarations that enclose it, each without white space or comments. Baseline
 * fingerprints are built from these, so that reformatting (re-indenting, re-wrapping, spaces added
 * or removed) leaves them unchanged, while an edit of the code itself does not.
 *
 * <p>Best effort on code that does not compile, like the rest of the lexical scanner: it never
 * fails, it may only describe a position less precisely.
 */
public final class LexicalStructure {
  /** A type declaration's keyword, not {@code Foo.class} or a method named {@code record(…)}. */
  private static final Pattern TYPE_DECLARATION =
      Pattern.compile("(?<![\\w$.])(?:class|interface|enum|record)\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*)");

  private static final Pattern ENDS_WITH_NEW = Pattern.compile("(?:^|[^\\w$])new$");

  /** Statements whose parenthesised part comes right before a block; they declare nothing. */
  private static final Set<String> CONTROL_KEYWORDS =
      Set.of("if", "for", "while", "switch", "catch", "synchronized", "try");

  private final String source;
  /** The source with comments and literals blanked: braces and semicolons in it are code. */
  private final String code;
  /** The source with comments blanked: the text fingerprints are made of. */
  private final String text;

  private final int[] lineStarts;
  /** Offsets of the code's '{', ascending, and of the matching '}' (the length when unclosed). */
  private final int[] opens;

  private final int[] closes;
  /** For each block, the index of the block around it, or -1. */
  private final int[] parents;

  private LexicalStructure(String source) {
    this.source = source;
    this.code = JavaLexicalScanner.codeOnly(source);
    this.text = JavaLexicalScanner.withoutComments(source);
    this.lineStarts = lineStarts(source);
    List<int[]> blocks = new ArrayList<>();
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '{') {
        int parent = open.isEmpty() ? -1 : open.peek();
        open.push(blocks.size());
        blocks.add(new int[] {i, code.length(), parent});
      } else if (c == '}' && !open.isEmpty()) {
        blocks.get(open.pop())[1] = i;
      }
    }
    opens = blocks.stream().mapToInt(b -> b[0]).toArray();
    closes = blocks.stream().mapToInt(b -> b[1]).toArray();
    parents = blocks.stream().mapToInt(b -> b[2]).toArray();
  }

  public static LexicalStructure of(String source) {
    return new LexicalStructure(source);
  }

  /**
   * The offset of a 1-based line and column as JavaParser counts them (UTF-16 chars, a tab is one
   * column), clamped into the source.
   */
  public int offset(int line, int column) {
    int lineIndex = Math.max(0, Math.min(line - 1, lineStarts.length - 1));
    long offset = (long) lineStarts[lineIndex] + Math.max(0, column - 1);
    return (int) Math.min(offset, Math.max(0, source.length() - 1));
  }

  /** The text of {@code [start, endInclusive]} without white space or comments. */
  public String compactText(int start, int endInclusive) {
    int from = Math.max(0, Math.min(start, text.length()));
    int to = Math.max(from, Math.min(endInclusive + 1, text.length()));
    return compact(text, from, to);
  }

  /**
   * The statement around {@code offset}, without white space or comments: from the code's last
   * {@code ;}, <code>{</code> or <code>}</code> before it to the next one (included). Inside a
   * block lambda that is the lambda's own statement; in a loop header, the part between its
   * semicolons.
   */
  public String statementAt(int offset) {
    int start = offset;
    while (start > 0 && !isStatementBoundary(code.charAt(start - 1))) {
      start--;
    }
    int end = Math.min(offset, code.length());
    while (end < code.length() && !isStatementBoundary(code.charAt(end))) {
      end++;
    }
    return compact(text, start, Math.min(end + 1, text.length()));
  }

  /**
   * The declarations around {@code offset}, outermost first: {@code class Name} for a type
   * ({@code interface}, {@code enum}, {@code record} alike), {@code name(parameters)} for a method
   * or constructor, without white space. Blocks that declare nothing (statements, lambdas,
   * anonymous classes, initialisers) are left out, so that wrapping a statement in an {@code if}
   * does not change where it is.
   */
  public List<String> enclosingDeclarations(int offset) {
    int block = Arrays.binarySearch(opens, offset);
    block = block >= 0 ? block - 1 : -block - 2; // the last block opened before offset
    while (block >= 0 && closes[block] < offset) {
      block = parents[block];
    }
    List<String> names = new ArrayList<>();
    for (; block >= 0; block = parents[block]) {
      String name = declaredBy(opens[block]);
      if (name != null) {
        names.add(0, name);
      }
    }
    return names;
  }

  /**
   * What the header before the '{' at {@code open} declares, or null: the header runs back to the
   * previous {@code ;}, <code>{</code> or <code>}</code> outside parentheses. A header inside
   * parentheses (an argument's lambda or anonymous class) declares nothing.
   */
  private String declaredBy(int open) {
    int depth = 0;
    int start = open;
    while (start > 0) {
      char c = code.charAt(start - 1);
      if (c == ')' || c == ']') {
        depth++;
      } else if (c == '(' || c == '[') {
        if (depth == 0) {
          return null;
        }
        depth--;
      } else if (depth == 0 && isStatementBoundary(c)) {
        break;
      }
      start--;
    }
    String header = code.substring(start, open);
    Matcher type = TYPE_DECLARATION.matcher(header);
    if (type.find()) {
      return "class " + type.group(1);
    }
    // an initialiser or a lambda: "= new Runnable() {", "x -> {", "case A -> {"
    String outside = outsideParentheses(header);
    return outside.contains("=") || outside.contains("->")
        ? null
        : methodName(header, start);
  }

  /**
   * {@code name(parameters)} when {@code header} ends like a method or constructor declaration
   * ({@code name(...)}, then perhaps a {@code throws} clause), else null.
   */
  private String methodName(String header, int headerStart) {
    String declaration = header.strip();
    int throwsClause = declaration.lastIndexOf(')');
    if (throwsClause < 0) {
      return null;
    }
    String after = declaration.substring(throwsClause + 1).strip();
    if (!after.isEmpty() && !after.matches("throws\\s[\\s\\S]*")) {
      return null;
    }
    int close = throwsClause;
    int depth = 0;
    int paren = close;
    for (; paren >= 0; paren--) {
      char c = declaration.charAt(paren);
      if (c == ')') {
        depth++;
      } else if (c == '(' && --depth == 0) {
        break;
      }
    }
    if (paren <= 0) {
      return null;
    }
    String before = declaration.substring(0, paren).stripTrailing();
    int nameStart = before.length();
    while (nameStart > 0 && Character.isJavaIdentifierPart(before.charAt(nameStart - 1))) {
      nameStart--;
    }
    String name = before.substring(nameStart);
    String previous = before.substring(0, nameStart).stripTrailing();
    if (name.isEmpty()
        || CONTROL_KEYWORDS.contains(name)
        || previous.endsWith(".")
        || ENDS_WITH_NEW.matcher(previous).find()) {
      return null;
    }
    int offsetInSource = headerStart + header.indexOf(declaration);
    return name + compact(text, offsetInSource + paren, offsetInSource + close + 1);
  }

  /** {@code header} without what its parentheses enclose (annotation arguments, parameters). */
  private static String outsideParentheses(String header) {
    StringBuilder outside = new StringBuilder(header.length());
    int depth = 0;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        outside.append(c);
      }
    }
    return outside.toString();
  }

  private static boolean isStatementBoundary(char c) {
    return c == ';' || c == '{' || c == '}';
  }

  private static String compact(String text, int from, int to) {
    StringBuilder compact = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        compact.append(c);
      }
    }
    return compact.toString();
  }

  private static int[] lineStarts(String source) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\r' && i + 1 < source.length() && source.charAt(i + 1) == '\n') {
        i++;
      } else if (c != '\n' && c != '\r') {
        continue;
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    return Arrays.copyOf(starts, count);
  }
}

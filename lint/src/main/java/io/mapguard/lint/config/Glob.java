package io.mapguard.lint.config;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A glob with the JDK's syntax ({@code *}, {@code **}, {@code ?}, {@code [a-z]}, {@code [!…]},
 * {@code {a,b}}, {@code \} escapes; see {@link java.nio.file.FileSystem#getPathMatcher}), matched
 * in time linear in the text. The JDK turns globs into backtracking regular expressions, where
 * {@code *a*a*a*a*a*a*a*a*b} against a long name runs for hours; a glob in a repository's
 * {@code mapvet.properties} must not be able to stall CI. Here the glob is a nondeterministic
 * automaton whose states are followed all at once, one character at a time.
 */
final class Glob {
  /** A state: at most one character edge, and any number of empty ones. */
  private static final class State {
    final List<Integer> empty = new ArrayList<>();
    CharTest test;
    int next = -1;
  }

  @FunctionalInterface
  private interface CharTest {
    boolean accepts(char c);
  }

  private static final char SEPARATOR = '/';

  private final String glob;
  private final List<State> states = new ArrayList<>();
  private int position;
  private final int start;
  private final int accept;
  /** Character edges followed by the last {@link #matches}; for the linear-time test. */
  private long stepsOfLastMatch;

  private Glob(String glob) {
    this.glob = glob;
    int[] whole = sequence(false);
    if (position < glob.length()) {
      throw error("unexpected '" + glob.charAt(position) + "'");
    }
    start = whole[0];
    accept = whole[1];
  }

  /**
   * @throws IllegalArgumentException when the glob is malformed (an unclosed {@code [} or {@code
   *     {}, a nested group, a trailing {@code \}, a {@code /} in a class)
   */
  static Glob compile(String glob) {
    return new Glob(glob);
  }

  boolean matches(String text) {
    BitSet current = new BitSet(states.size());
    addWithEmptyEdges(current, start);
    long steps = 0;
    for (int i = 0; i < text.length() && !current.isEmpty(); i++) {
      char c = text.charAt(i);
      BitSet next = new BitSet(states.size());
      for (int s = current.nextSetBit(0); s >= 0; s = current.nextSetBit(s + 1)) {
        State state = states.get(s);
        steps++;
        if (state.test != null && state.test.accepts(c)) {
          addWithEmptyEdges(next, state.next);
        }
      }
      current = next;
    }
    stepsOfLastMatch = steps;
    return current.get(accept);
  }

  long stepsOfLastMatch() {
    return stepsOfLastMatch;
  }

  int size() {
    return states.size();
  }

  private void addWithEmptyEdges(BitSet set, int state) {
    List<Integer> pending = new ArrayList<>();
    pending.add(state);
    while (!pending.isEmpty()) {
      int s = pending.remove(pending.size() - 1);
      if (!set.get(s)) {
        set.set(s);
        pending.addAll(states.get(s).empty);
      }
    }
  }

  // ------------------------------------------------------------------ construction

  private int newState() {
    states.add(new State());
    return states.size() - 1;
  }

  /** A run of elements up to the end, or in a group up to its {@code ,} or {@code }}. */
  private int[] sequence(boolean inGroup) {
    int first = newState();
    int last = first;
    while (position < glob.length()) {
      char c = glob.charAt(position);
      if (inGroup && (c == ',' || c == '}')) {
        break;
      }
      int[] element = element(inGroup);
      states.get(last).empty.add(element[0]);
      last = element[1];
    }
    return new int[] {first, last};
  }

  private int[] element(boolean inGroup) {
    char c = glob.charAt(position++);
    switch (c) {
      case '*':
        boolean crossesDirectories = position < glob.length() && glob.charAt(position) == '*';
        if (crossesDirectories) {
          position++;
          return repeat(ch -> true);
        }
        return repeat(ch -> ch != SEPARATOR);
      case '?':
        return single(ch -> ch != SEPARATOR);
      case '[':
        return single(charClass());
      case '{':
        if (inGroup) {
          throw error("groups cannot be nested");
        }
        return group();
      case '\\':
        if (position >= glob.length()) {
          throw error("no character to escape");
        }
        char escaped = glob.charAt(position++);
        return single(ch -> ch == escaped);
      default:
        return single(ch -> ch == c);
    }
  }

  private int[] single(CharTest test) {
    int from = newState();
    int to = newState();
    states.get(from).test = test;
    states.get(from).next = to;
    return new int[] {from, to};
  }

  /** Any number of characters that pass {@code test}: a state that loops to itself. */
  private int[] repeat(CharTest test) {
    int loop = newState();
    int out = newState();
    states.get(loop).test = test;
    states.get(loop).next = loop;
    states.get(loop).empty.add(out);
    return new int[] {loop, out};
  }

  private int[] group() {
    int from = newState();
    int to = newState();
    while (true) {
      int[] alternative = sequence(true);
      states.get(from).empty.add(alternative[0]);
      states.get(alternative[1]).empty.add(to);
      if (position >= glob.length()) {
        throw error("missing '}'");
      }
      if (glob.charAt(position++) == '}') {
        return new int[] {from, to};
      }
    }
  }

  /** After {@code [}: {@code abc}, ranges {@code a-z}, {@code !} first to negate, up to {@code ]}. */
  private CharTest charClass() {
    boolean negated = position < glob.length() && glob.charAt(position) == '!';
    if (negated) {
      position++;
    }
    List<char[]> ranges = new ArrayList<>();
    while (true) {
      if (position >= glob.length()) {
        throw error("missing ']'");
      }
      char c = glob.charAt(position++);
      if (c == ']') {
        break;
      }
      if (c == SEPARATOR) {
        throw error("'/' cannot be in a character class");
      }
      char high = c;
      if (position + 1 < glob.length()
          && glob.charAt(position) == '-'
          && glob.charAt(position + 1) != ']') {
        high = glob.charAt(position + 1);
        position += 2;
        if (high < c) {
          throw error("invalid range " + c + "-" + high);
        }
      }
      ranges.add(new char[] {c, high});
    }
    return ch -> {
      if (ch == SEPARATOR) {
        return false;
      }
      boolean inRanges = false;
      for (char[] range : ranges) {
        inRanges |= ch >= range[0] && ch <= range[1];
      }
      return inRanges != negated;
    };
  }

  private IllegalArgumentException error(String why) {
    return new IllegalArgumentException(why + " at index " + Math.min(position, glob.length()));
  }
}

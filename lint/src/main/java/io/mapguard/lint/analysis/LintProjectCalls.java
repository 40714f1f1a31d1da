package io.mapguard.lint.analysis;

import io.mapguard.engine.Analyzer;
import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.engine.project.ProjectMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The calls of every file of a scan, for the findings that depend on other classes. The files are
 * not kept parsed (a scan of {@code java.base} could not hold its trees): the first question reads
 * each file's text once for the names it calls, and each question parses only the files that call
 * its method's name.
 */
public final class LintProjectCalls implements ProjectCalls {
  /**
   * A file of the project.
   *
   * @param text reads its text again; null when it cannot be read any more
   */
  public record ProjectFile(String path, Supplier<String> text) {}

  private final List<ProjectFile> files;
  private final FileAnalyzer analyzer;
  private Map<String, List<ProjectFile>> byCalledName;
  /** The files by the calls they make with a {@code null} argument: name, arity and position. */
  private Map<String, List<ProjectFile>> byNullArgument;
  private boolean unreadable;
  private final Map<ProjectMethod, List<ProjectCall>> answers = new HashMap<>();

  /** {@code analyzer} parses the files that may call a method; it is used by one thread at a time. */
  public LintProjectCalls(List<ProjectFile> files, FileAnalyzer analyzer) {
    this.files = List.copyOf(files);
    this.analyzer = analyzer;
  }

  /**
   * The {@code .java} files under {@code roots} other than {@code known} (absolute, normalised
   * paths, which it adds to), each read again when asked, named by {@code display}.
   *
   * @throws java.io.IOException when a root cannot be listed: then nothing may be concluded from the
   *     absence of calls
   */
  public static List<ProjectFile> filesUnder(
      List<java.nio.file.Path> roots,
      Set<java.nio.file.Path> known,
      java.util.function.Function<java.nio.file.Path, String> display,
      java.util.function.Function<java.nio.file.Path, String> read)
      throws java.io.IOException {
    List<ProjectFile> found = new ArrayList<>();
    for (java.nio.file.Path root : roots) {
      try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(root)) {
        for (java.nio.file.Path path : (Iterable<java.nio.file.Path>) walk::iterator) {
          if (path.toString().endsWith(".java")
              && known.add(path.toAbsolutePath().normalize())
              && java.nio.file.Files.isRegularFile(path)) {
            found.add(new ProjectFile(display.apply(path), () -> read.apply(path)));
          }
        }
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return found;
  }

  /** The findings that stand once the project's calls are known ({@link Analyzer#decide}). */
  public static List<LintFinding> decide(List<LintFinding> findings, ProjectCalls calls) {
    return Analyzer.decide(findings, LintFinding::condition, LintFinding::standing, calls);
  }

  @Override
  public synchronized List<ProjectCall> callsOf(ProjectMethod method) {
    if (byCalledName == null) {
      byCalledName = index(LintProjectCalls::calledNames);
    }
    if (unreadable) {
      return null;
    }
    return answers.computeIfAbsent(method, m -> callsIn(m, byCalledName));
  }

  /**
   * Parses only the files with a call of the method's name and arity whose argument at {@code
   * parameter} is, as written, {@code null}.
   */
  @Override
  public synchronized List<ProjectCall> callsPassingNull(ProjectMethod method, int parameter) {
    if (byNullArgument == null) {
      byNullArgument = index(LintProjectCalls::callsWithNullArguments);
    }
    if (unreadable) {
      return null;
    }
    List<ProjectCall> calls =
        answers.containsKey(method)
            ? answers.get(method)
            : callsIn(method, Map.of(method.name(), byNullArgument.getOrDefault(nullKey(method.name(), method.arity(), parameter), List.of())));
    return calls == null ? null : calls.stream().filter(call -> call.nullArguments().contains(parameter)).toList();
  }

  private static String nullKey(String name, int arity, int index) {
    return name + "/" + arity + "/" + index;
  }

  private List<ProjectCall> callsIn(ProjectMethod method, Map<String, List<ProjectFile>> index) {
    List<ProjectCall> calls = new ArrayList<>();
    for (ProjectFile file : index.getOrDefault(method.name(), List.of())) {
      String text = file.text().get();
      List<ProjectCall> found = text == null ? null : analyzer.callsOf(method, file.path(), text);
      if (found == null) {
        return null;
      }
      calls.addAll(found);
    }
    return calls;
  }

  /**
   * The files by what {@code keys} finds in each, read on the common pool's threads (reading and
   * looking are the work here; both are safe to run at once); {@link #unreadable} when one cannot
   * be read.
   */
  private Map<String, List<ProjectFile>> index(java.util.function.Function<String, Set<String>> keys) {
    List<Set<String>> found =
        files.parallelStream()
            .map(file -> {
              String text = file.text().get();
              return text == null ? null : keys.apply(text);
            })
            .toList();
    Map<String, List<ProjectFile>> index = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      if (found.get(i) == null) {
        unreadable = true; // its calls are unknown: nothing may be concluded from their absence
        return index;
      }
      for (String key : found.get(i)) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(files.get(i));
      }
    }
    return index;
  }

  /**
   * Every identifier followed by {@code (} in the text, and every one after {@code ::}: the names of
   * the methods it may call or reference (and of the methods, constructors and keywords it declares
   * or uses so, which only widens the set).
   */
  static Set<String> calledNames(String text) {
    Set<String> names = new HashSet<>();
    int length = text.length();
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) == ':' && i + 1 < length && text.charAt(i + 1) == ':') {
        int start = i + 2;
        while (start < length && Character.isWhitespace(text.charAt(start))) {
          start++;
        }
        int end = start;
        while (end < length && Character.isJavaIdentifierPart(text.charAt(end))) {
          end++;
        }
        if (end > start) {
          names.add(text.substring(start, end));
        }
        continue;
      }
      if (text.charAt(i) != '(') {
        continue;
      }
      int end = i;
      while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int start = end;
      while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
        start--;
      }
      if (start < end && Character.isJavaIdentifierStart(text.charAt(start))) {
        names.add(text.substring(start, end));
      }
    }
    return names;
  }

  /**
   * The calls of the text with an argument written {@code null}, as {@code name/arity/position}: a
   * name before {@code (}, the arguments split at the commas outside brackets, strings, characters
   * and comments, in one pass. A text a parser would read otherwise can only add entries, and an
   * entry only makes a file be parsed.
   */
  static Set<String> callsWithNullArguments(String text) {
    Set<String> calls = new HashSet<>();
    if (!text.contains("null")) {
      return calls;
    }
    java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>(); // {position of '(' or -1, start of argument, arguments so far, null positions bitmask}
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = skipLiteral(text, i, c);
      } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '/') {
        int newline = text.indexOf('\n', i);
        i = newline < 0 ? length : newline;
      } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        i = close < 0 ? length : close + 1;
      } else if (c == '(' || c == '[' || c == '{') {
        open.push(new int[] {c == '(' ? i : -1, i + 1, 0, 0});
      } else if ((c == ',' || c == ')' || c == ']' || c == '}') && !open.isEmpty()) {
        int[] frame = open.peek();
        boolean call = frame[0] >= 0;
        if (c == ',' && call || c == ')' && call) {
          if (frame[2] < 31 && text.substring(frame[1], i).strip().equals("null")) {
            frame[3] |= 1 << frame[2];
          }
          frame[2]++;
          frame[1] = i + 1;
        }
        if (c != ',') {
          open.pop();
          if (call && frame[3] != 0) {
            String name = nameBefore(text, frame[0]);
            for (int arg = 0; name != null && arg < frame[2]; arg++) {
              if ((frame[3] & (1 << arg)) != 0) {
                calls.add(nullKey(name, frame[2], arg));
              }
            }
          }
        }
      }
    }
    return calls;
  }

  /** The identifier right before the {@code (} at {@code open}, or null. */
  private static String nameBefore(String text, int open) {
    int end = open;
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
      start--;
    }
    return start < end && Character.isJavaIdentifierStart(text.charAt(start)) ? text.substring(start, end) : null;
  }

  /** The index of the quote that closes the literal opened at {@code start}. */
  private static int skipLiteral(String text, int start, char quote) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i;
      }
    }
    return text.length();
  }
}

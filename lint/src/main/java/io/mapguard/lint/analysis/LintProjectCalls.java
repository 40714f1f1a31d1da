package io.mapguard.lint.analysis;

import io.mapguard.engine.Analyzer;
import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.lint.source.JavaLexicalScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
  /** The files by the names they call ({@link #calledNames}); null until a question needs it. */
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
   * @throws IOException when a root cannot be listed: then nothing may be concluded from the
   *     absence of calls
   */
  public static List<ProjectFile> filesUnder(
      List<Path> roots,
      Set<Path> known,
      Function<Path, String> display,
      Function<Path, String> read)
      throws IOException {
    List<ProjectFile> found = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path path : (Iterable<Path>) walk::iterator) {
          if (path.toString().endsWith(".java")
              && known.add(path.toAbsolutePath().normalize())
              && Files.isRegularFile(path)) {
            found.add(new ProjectFile(display.apply(path), () -> read.apply(path)));
          }
        }
      } catch (UncheckedIOException e) {
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
    indexFiles();
    if (unreadable) {
      return null;
    }
    return answers.computeIfAbsent(method, m -> callsIn(m, byCalledName.getOrDefault(m.name(), List.of())));
  }

  /** The files {@link #callsOf} parses for {@code method}: those calling its name; none once answered. */
  @Override
  public synchronized int filesToRead(ProjectMethod method) {
    indexFiles();
    return answers.containsKey(method) ? 0 : byCalledName.getOrDefault(method.name(), List.of()).size();
  }

  /**
   * Parses only the files with a call of the method's name and arity whose argument at {@code
   * parameter} is, as written, {@code null}.
   */
  @Override
  public synchronized List<ProjectCall> callsPassingNull(ProjectMethod method, int parameter) {
    indexFiles();
    if (unreadable) {
      return null;
    }
    List<ProjectCall> calls =
        answers.containsKey(method)
            ? answers.get(method)
            : callsIn(method, byNullArgument.getOrDefault(nullKey(method.name(), method.arity(), parameter), List.of()));
    return calls == null ? null : calls.stream().filter(call -> call.nullArguments().contains(parameter)).toList();
  }

  private static String nullKey(String name, int arity, int index) {
    return name + "/" + arity + "/" + index;
  }

  /** The calls of {@code method} in {@code files}; null when one of them cannot be read or parsed. */
  private List<ProjectCall> callsIn(ProjectMethod method, List<ProjectFile> files) {
    List<ProjectCall> calls = new ArrayList<>();
    for (ProjectFile file : files) {
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
   * Both indexes of the files, {@link #byCalledName} and {@link #byNullArgument}, made once, in one
   * pass over each file's code (comments and literals blanked, see {@link
   * JavaLexicalScanner#codeOnly}; reading and blanking are the work here) on the common pool's
   * threads; {@link #unreadable} when a file cannot be read.
   */
  private void indexFiles() {
    if (byCalledName != null) {
      return;
    }
    List<Keys> found =
        files.parallelStream()
            .map(file -> {
              String text = file.text().get();
              if (text == null) {
                return null;
              }
              String code = JavaLexicalScanner.codeOnly(text);
              return new Keys(calledNames(code), callsWithNullArguments(code));
            })
            .toList();
    byCalledName = new HashMap<>();
    byNullArgument = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      Keys keys = found.get(i);
      if (keys == null) {
        unreadable = true; // its calls are unknown: nothing may be concluded from their absence
        return;
      }
      for (String name : keys.calledNames()) {
        byCalledName.computeIfAbsent(name, k -> new ArrayList<>()).add(files.get(i));
      }
      for (String call : keys.nullArgumentCalls()) {
        byNullArgument.computeIfAbsent(call, k -> new ArrayList<>()).add(files.get(i));
      }
    }
  }

  /** What one file's code is indexed by: {@link #calledNames}, {@link #callsWithNullArguments}. */
  private record Keys(Set<String> calledNames, Set<String> nullArgumentCalls) {}

  /**
   * Every identifier followed by {@code (} in the code, and every one after {@code ::}: the names of
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
      String called = text.charAt(i) == '(' ? nameBefore(text, i) : null;
      if (called != null) {
        names.add(called);
      }
    }
    return names;
  }

  /**
   * The calls of the code (comments and literals blanked) with an argument written {@code null}, as
   * {@code name/arity/position}: a name before {@code (}, the arguments split at the commas outside
   * brackets, in one pass. Code a parser would read otherwise can only add entries, and an entry
   * only makes a file be parsed.
   */
  static Set<String> callsWithNullArguments(String code) {
    Set<String> calls = new HashSet<>();
    if (!code.contains("null")) {
      return calls;
    }
    // per open bracket: the position of its '(' (-1 for '[' and '{'), where its current argument
    // starts, how many arguments it has had, which of them are null (a bit each)
    ArrayDeque<int[]> open = new ArrayDeque<>();
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        open.push(new int[] {c == '(' ? i : -1, i + 1, 0, 0});
      } else if ((c == ',' || c == ')' || c == ']' || c == '}') && !open.isEmpty()) {
        int[] frame = open.peek();
        boolean call = frame[0] >= 0;
        if (call && (c == ',' || c == ')')) {
          if (frame[2] < 31 && code.substring(frame[1], i).strip().equals("null")) {
            frame[3] |= 1 << frame[2];
          }
          frame[2]++;
          frame[1] = i + 1;
        }
        if (c != ',') {
          open.pop();
          if (call && frame[3] != 0) {
            String name = nameBefore(code, frame[0]);
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
}

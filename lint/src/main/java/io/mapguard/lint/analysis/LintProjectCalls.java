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
  private boolean unreadable;
  private final Map<ProjectMethod, List<ProjectCall>> answers = new HashMap<>();

  /** {@code analyzer} parses the files that may call a method; it is used by one thread at a time. */
  public LintProjectCalls(List<ProjectFile> files, FileAnalyzer analyzer) {
    this.files = List.copyOf(files);
    this.analyzer = analyzer;
  }

  /** The findings that stand once the project's calls are known ({@link Analyzer#decide}). */
  public static List<LintFinding> decide(List<LintFinding> findings, ProjectCalls calls) {
    List<LintFinding> standing = new ArrayList<>(findings.size());
    for (LintFinding finding : findings) {
      if (finding.condition() == null) {
        standing.add(finding);
        continue;
      }
      String reason = finding.condition().standing(calls);
      if (reason != null) {
        standing.add(finding.standing(reason));
      }
    }
    return standing;
  }

  @Override
  public synchronized List<ProjectCall> callsOf(ProjectMethod method) {
    if (byCalledName == null) {
      index();
    }
    if (unreadable) {
      return null;
    }
    if (answers.containsKey(method)) {
      return answers.get(method);
    }
    List<ProjectCall> calls = new ArrayList<>();
    for (ProjectFile file : byCalledName.getOrDefault(method.name(), List.of())) {
      String text = file.text().get();
      List<ProjectCall> found = text == null ? null : analyzer.callsOf(method, file.path(), text);
      if (found == null) {
        calls = null;
        break;
      }
      calls.addAll(found);
    }
    answers.put(method, calls);
    return calls;
  }

  private void index() {
    byCalledName = new HashMap<>();
    for (ProjectFile file : files) {
      String text = file.text().get();
      if (text == null) {
        unreadable = true; // its calls are unknown: nothing may be concluded from their absence
        return;
      }
      for (String name : calledNames(text)) {
        byCalledName.computeIfAbsent(name, n -> new ArrayList<>()).add(file);
      }
    }
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
}

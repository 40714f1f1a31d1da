package io.mapguard.lint.analysis;

import io.mapguard.engine.report.Evidence;
import java.util.List;

/**
 * A finding as mapvet reports it: an engine finding placed in its file, or one of mapvet's own
 * (an invalid or unused ignore directive). Lines and columns are 1-based.
 *
 * @param file the path as given on the command line (or found under a given directory)
 * @param fingerprint stable across unrelated edits (no line numbers), for baselines and SARIF
 * @param suggestions the fixes the engine considers safe, as sentences (the Error Prone checks
 *     offer the same fixes as edits)
 * @param evidence the places of the same file the message cites (SARIF related locations)
 */
public record LintFinding(
    String rule,
    String severity,
    String file,
    int line,
    int column,
    int endLine,
    int endColumn,
    String message,
    String fingerprint,
    List<String> suggestions,
    List<Evidence> evidence) {

  /** A finding whose message cites no other place (mapvet's own findings, tests). */
  public LintFinding(
      String rule,
      String severity,
      String file,
      int line,
      int column,
      int endLine,
      int endColumn,
      String message,
      String fingerprint,
      List<String> suggestions) {
    this(rule, severity, file, line, column, endLine, endColumn, message, fingerprint, suggestions, List.of());
  }
}

package io.mapguard.lint.analysis;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.FixHint;
import io.mapguard.lint.fix.Edit;
import java.util.List;

/**
 * A finding as mapvet reports it: an engine finding placed in its file, or one of mapvet's own
 * (an invalid or unused ignore directive). Lines and columns are 1-based.
 *
 * @param file the path as given on the command line (or found under a given directory)
 * @param fingerprint stable across unrelated edits (no line numbers), for baselines and SARIF
 * @param fixes the fixes the engine considers safe (the Error Prone checks offer the same ones)
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
    List<Fix> fixes,
    List<Evidence> evidence) {

  /**
   * A fix of the finding: the engine's hint, the sentence reports print for it, and its edits on the
   * analysed text, empty when no edit is safe for the code's shape (only the sentence is offered).
   */
  public record Fix(FixHint hint, String description, List<Edit> edits) {
    public Fix {
      edits = List.copyOf(edits);
    }
  }

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
      List<Fix> fixes) {
    this(rule, severity, file, line, column, endLine, endColumn, message, fingerprint, fixes, List.of());
  }

  /** The fixes as sentences, for the text and JSON reports and baselines. */
  public List<String> suggestions() {
    return fixes.stream().map(Fix::description).toList();
  }
}

package io.mapguard.lint.analysis;

import io.mapguard.engine.project.PendingFinding;
import io.mapguard.engine.project.ProjectCondition;
import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.report.Rule;
import io.mapguard.lint.fix.Edit;
import java.util.List;
import java.util.Locale;

/**
 * A finding as mapvet reports it: an engine finding placed in its file, or one of mapvet's own
 * (an invalid or unused ignore directive). Lines and columns are 1-based.
 *
 * @param file the path as given on the command line (or found under a given directory)
 * @param fingerprint stable across unrelated edits (no line numbers), for baselines and SARIF
 * @param fixes the fixes the engine considers safe (the Error Prone checks offer the same ones)
 * @param evidence the places of the same file the message cites (SARIF related locations)
 * @param condition what other files must do for the finding to stand (the engine's {@code
 *     Finding#condition}), decided once every file is analysed ({@link LintProjectCalls#decide}); null
 *     for a finding the file alone decides. Never written to a report.
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
    List<Evidence> evidence,
    ProjectCondition condition) {

  /** A finding the file alone decides. */
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
      List<Fix> fixes,
      List<Evidence> evidence) {
    this(rule, severity, file, line, column, endLine, endColumn, message, fingerprint, fixes, evidence, null);
  }

  /** The same finding with another fingerprint. */
  public LintFinding withFingerprint(String newFingerprint) {
    return new LintFinding(
        rule, severity, file, line, column, endLine, endColumn, message, newFingerprint, fixes, evidence, condition);
  }

  /** The finding as a summary keeps it while its condition is undecided (it has one). */
  public PendingFinding pending() {
    return new PendingFinding(rule, file, line, column, fingerprint, message, condition);
  }

  /**
   * A finding of a class this scan did not read, that stood here: at its summary's place, with no
   * fix (the file is not this scan's to edit).
   */
  public static LintFinding fromSummary(PendingFinding finding, Rule rule) {
    int column = Math.max(finding.column(), 1);
    return new LintFinding(
        rule.ruleName(),
        rule.defaultSeverity().toLowerCase(Locale.ROOT),
        finding.file(),
        finding.line(),
        column,
        finding.line(),
        column,
        finding.message(),
        finding.fingerprint(),
        List.of());
  }

  /** The finding once its condition stands: its message says why ({@code Finding#standing}). */
  public LintFinding standing(String reason) {
    return new LintFinding(
        rule, severity, file, line, column, endLine, endColumn, Finding.withReason(message, reason),
        fingerprint, fixes, evidence, null);
  }

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

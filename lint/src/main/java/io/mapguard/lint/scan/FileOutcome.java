package io.mapguard.lint.scan;

import io.mapguard.engine.Analyzer;
import io.mapguard.engine.project.CallSummaries.ClassCalls;
import io.mapguard.engine.project.PendingFinding;
import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.lint.analysis.CallKeys;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.analysis.LintProjectCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the scan produced for one file.
 *
 * @param analysed whether the file was parsed and analysed (possibly with an internal error in one
 *     class); false when it could not be read, decoded or parsed
 * @param findings after {@code mapvet:ignore} directives, including directive findings
 * @param suppressed findings removed by directives
 * @param legacyFingerprints the format 1 fingerprint of each finding whose fingerprint changed in
 *     format 2, by the new one (see {@link io.mapguard.lint.baseline.SourceFingerprints})
 * @param callKeys what the project-wide questions index the file by, kept from its parse; null when
 *     it was not parsed (they are then read from its text, when a question comes)
 * @param unwrittenSummaries the summaries of the file's classes ({@code --summaries-out}) that wait
 *     for its findings that depend on other files to be decided: those that do not stand are written
 *     into them ({@link #summariesWithPending}); empty when they are written already or not asked for
 */
public record FileOutcome(
    String file,
    boolean analysed,
    List<LintFinding> findings,
    List<Diagnostic> diagnostics,
    int suppressed,
    Map<String, String> legacyFingerprints,
    CallKeys callKeys,
    List<ClassCalls> unwrittenSummaries) {

  public FileOutcome {
    findings = List.copyOf(findings);
    diagnostics = List.copyOf(diagnostics);
    legacyFingerprints = Map.copyOf(legacyFingerprints);
    unwrittenSummaries = List.copyOf(unwrittenSummaries);
  }

  /** An outcome without findings. */
  public FileOutcome(String file, boolean analysed, List<Diagnostic> diagnostics) {
    this(file, analysed, List.of(), diagnostics, 0, Map.of(), null, List.of());
  }

  /**
   * Its summaries to write now that its findings are decided: the findings that depend on other
   * files and did not stand against {@code calls} go into the first class's summary ({@link
   * PendingFinding}), for a scan that sees more (another shard, the application) to decide again.
   */
  public List<ClassCalls> summariesWithPending(List<LintFinding> notStanding) {
    if (unwrittenSummaries.isEmpty() || notStanding.isEmpty()) {
      return unwrittenSummaries;
    }
    List<PendingFinding> pending = notStanding.stream().map(LintFinding::pending).toList();
    List<ClassCalls> summaries = new ArrayList<>(unwrittenSummaries);
    summaries.set(0, summaries.get(0).withPending(pending));
    return summaries;
  }

  /**
   * The outcome with its findings that depend on other files decided against {@code calls} (see
   * {@link io.mapguard.lint.analysis.LintProjectCalls}); itself when it has none.
   */
  public Decided decided(ProjectCalls calls) {
    if (findings.stream().allMatch(finding -> finding.condition() == null)) {
      return new Decided(this, List.of());
    }
    Analyzer.Decision<LintFinding> decision = LintProjectCalls.decision(findings, calls);
    return new Decided(
        new FileOutcome(
            file, analysed, decision.standing(), diagnostics, suppressed, legacyFingerprints, callKeys, unwrittenSummaries),
        decision.notStanding());
  }

  /** The outcome once decided, and the findings of it that did not stand. */
  public record Decided(FileOutcome outcome, List<LintFinding> notStanding) {}

  /** The same outcome with {@code more} diagnostics and its summaries written. */
  public FileOutcome withSummariesWritten(List<Diagnostic> more) {
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    all.addAll(more);
    return new FileOutcome(file, analysed, findings, all, suppressed, legacyFingerprints, callKeys, List.of());
  }

  /**
   * Findings of classes this scan did not read, from their summaries ({@link PendingFinding}), under
   * their file's name: an outcome that counts no file as analysed.
   */
  public static FileOutcome fromSummaries(String file, List<LintFinding> findings) {
    return new FileOutcome(file, false, findings, List.of(), 0, Map.of(), null, List.of());
  }

  static FileOutcome failed(String file, Diagnostic diagnostic) {
    return new FileOutcome(file, false, List.of(diagnostic));
  }
}

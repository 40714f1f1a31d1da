package io.mapguard.lint.scan;

import io.mapguard.lint.analysis.CallKeys;
import io.mapguard.lint.analysis.LintFinding;
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
 */
public record FileOutcome(
    String file,
    boolean analysed,
    List<LintFinding> findings,
    List<Diagnostic> diagnostics,
    int suppressed,
    Map<String, String> legacyFingerprints,
    CallKeys callKeys) {

  public FileOutcome {
    findings = List.copyOf(findings);
    diagnostics = List.copyOf(diagnostics);
    legacyFingerprints = Map.copyOf(legacyFingerprints);
  }

  /** An outcome without findings. */
  public FileOutcome(String file, boolean analysed, List<Diagnostic> diagnostics) {
    this(file, analysed, List.of(), diagnostics, 0, Map.of(), null);
  }

  /**
   * The outcome with its findings that depend on other files decided against {@code calls} (see
   * {@link io.mapguard.lint.analysis.LintProjectCalls}); itself when it has none.
   */
  public FileOutcome decided(io.mapguard.engine.project.ProjectCalls calls) {
    if (findings.stream().allMatch(finding -> finding.condition() == null)) {
      return this;
    }
    return new FileOutcome(
        file,
        analysed,
        io.mapguard.lint.analysis.LintProjectCalls.decide(findings, calls),
        diagnostics,
        suppressed,
        legacyFingerprints,
        callKeys);
  }

  static FileOutcome failed(String file, Diagnostic diagnostic) {
    return new FileOutcome(file, false, List.of(diagnostic));
  }
}

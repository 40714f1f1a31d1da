package io.mapguard.lint.report;

import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.scan.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a reporter writes: the findings that survived directives and the baseline, in report order,
 * and the input diagnostics (which SARIF carries as tool notifications).
 *
 * @param workingDir the directory relative paths are relative to ({@code %SRCROOT%} in SARIF)
 * @param executionSuccessful false when the run ends with exit code 2 although it wrote a report
 *     (with {@code --strict}, some input could not be analysed)
 * @param legacyFingerprints the format 1 fingerprint of each finding whose fingerprint changed, by
 *     the new one
 */
public record Report(
    List<LintFinding> findings,
    List<Diagnostic> diagnostics,
    Path workingDir,
    String toolVersion,
    boolean executionSuccessful,
    Map<String, String> legacyFingerprints) {

  public Report {
    findings = findings.stream().sorted(FindingOrder.INSTANCE).toList();
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    legacyFingerprints = Map.copyOf(legacyFingerprints);
  }

  /** The fingerprint {@code finding} had before fingerprints ignored white space. */
  public String legacyFingerprint(LintFinding finding) {
    return legacyFingerprints.getOrDefault(finding.fingerprint(), finding.fingerprint());
  }
}

package io.mapguard.lint.report;

import io.mapguard.lint.frontend.LintFinding;
import io.mapguard.lint.scan.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What a reporter writes: the findings that survived directives and the baseline, in report order,
 * and the input diagnostics (which SARIF carries as tool notifications).
 *
 * @param workingDir the directory relative paths are relative to ({@code %SRCROOT%} in SARIF)
 * @param analysisRan whether at least one file was analysed
 */
public record Report(
    List<LintFinding> findings,
    List<Diagnostic> diagnostics,
    Path workingDir,
    String toolVersion,
    boolean analysisRan) {

  public Report {
    findings = findings.stream().sorted(FindingOrder.INSTANCE).toList();
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
  }
}

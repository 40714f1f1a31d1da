package io.mapguard.lint.scan;

import io.mapguard.lint.frontend.LintFinding;
import java.util.List;

/**
 * What the scan produced for one file.
 *
 * @param analysed whether the file was parsed and analysed (possibly with an internal error in one
 *     class); false when it could not be read, decoded or parsed
 * @param findings after {@code mapvet:ignore} directives, including directive findings
 * @param suppressed findings removed by directives
 */
public record FileOutcome(
    String file,
    boolean analysed,
    List<LintFinding> findings,
    List<Diagnostic> diagnostics,
    int suppressed) {

  public FileOutcome {
    findings = List.copyOf(findings);
    diagnostics = List.copyOf(diagnostics);
  }

  static FileOutcome failed(String file, Diagnostic diagnostic) {
    return new FileOutcome(file, false, List.of(), List.of(diagnostic), 0);
  }
}

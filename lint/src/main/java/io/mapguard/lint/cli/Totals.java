package io.mapguard.lint.cli;

import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.scan.Diagnostic;
import io.mapguard.lint.scan.FileOutcome;
import io.mapguard.lint.scan.InputCollector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The scan's results summed over files. */
record Totals(
    List<LintFinding> findings,
    List<Diagnostic> diagnostics,
    Map<String, String> legacyFingerprints,
    Set<String> analysedFiles,
    int files,
    int ignored,
    Summary.Gaps gaps) {

  static Totals of(InputCollector.Inputs inputs, List<FileOutcome> outcomes) {
    List<LintFinding> findings = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>(inputs.diagnostics());
    Map<String, String> legacyFingerprints = new HashMap<>();
    Set<String> analysedFiles = new HashSet<>();
    int ignored = 0;
    int partlyAnalysed = 0;
    for (FileOutcome outcome : outcomes) {
      findings.addAll(outcome.findings());
      diagnostics.addAll(outcome.diagnostics());
      legacyFingerprints.putAll(outcome.legacyFingerprints());
      if (outcome.analysed()) {
        analysedFiles.add(outcome.file().replace('\\', '/'));
      }
      ignored += outcome.suppressed();
      if (outcome.analysed() && outcome.diagnostics().stream().anyMatch(Diagnostic::isError)) {
        partlyAnalysed++;
      }
    }
    int files = inputs.files().size();
    int unreadablePaths = (int) inputs.diagnostics().stream().filter(Diagnostic::isError).count();
    Summary.Gaps gaps =
        new Summary.Gaps(files - analysedFiles.size(), partlyAnalysed, unreadablePaths);
    return new Totals(
        findings, diagnostics, legacyFingerprints, analysedFiles, files, ignored, gaps);
  }

  Summary summary(BaselineCheck.Outcome baselined) {
    int errors = (int) diagnostics.stream().filter(Diagnostic::isError).count();
    return new Summary(
        baselined.reported().size(),
        analysedFiles.size(),
        files,
        errors,
        ignored,
        baselined.baselined(),
        baselined.stale(),
        gaps);
  }
}

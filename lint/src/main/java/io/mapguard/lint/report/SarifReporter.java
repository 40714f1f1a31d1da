package io.mapguard.lint.report;

import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.fix.Edit;
import io.mapguard.lint.rules.RuleCatalog;
import io.mapguard.lint.rules.RuleDocs;
import io.mapguard.lint.rules.RuleInfo;
import io.mapguard.lint.scan.Diagnostic;
import io.mapguard.report.Sarif;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers), in the
 * format the compiler plugins' report file shares ({@link Sarif}): rule metadata with the rule pages
 * as help, results with relative URIs under {@code %SRCROOT%} and {@code partialFingerprints} so
 * that alerts are tracked across commits, the suggested fixes' edits as {@code fixes}, and input
 * problems as tool execution notifications.
 */
final class SarifReporter implements Reporter {
  /** The engine's fingerprint, kept so that code scanning goes on tracking existing alerts. */
  static final String FINGERPRINT_KEY = "mapvetFingerprint/v1";

  /** The fingerprint baselines match on, which ignores white space. */
  static final String FINGERPRINT_V2_KEY = "mapvetFingerprint/v2";

  @Override
  public void write(Report report, Writer out) throws IOException {
    Sarif.write(run(report), out);
  }

  static Sarif.Run run(Report report) {
    List<Sarif.RuleDescriptor> rules = new ArrayList<>();
    for (RuleInfo rule : RuleCatalog.all()) {
      rules.add(
          Sarif.RuleDescriptor.of(
              rule.name(),
              rule.summary(),
              RuleDocs.firstParagraph(rule.name()).orElse(rule.summary()),
              RuleDocs.page(rule.name()).orElse(null),
              rule.helpUri(),
              rule.enabledByDefault(),
              rule.severity()));
    }
    List<Sarif.Result> results = new ArrayList<>();
    for (LintFinding finding : report.findings()) {
      results.add(result(finding, report.legacyFingerprint(finding)));
    }
    List<Sarif.Notification> notifications = new ArrayList<>();
    for (Diagnostic diagnostic : report.diagnostics()) {
      notifications.add(notification(diagnostic));
    }
    return new Sarif.Run(
        "mapvet",
        report.toolVersion(),
        RuleCatalog.MAPVET_DOCS_URL,
        rules,
        report.workingDir(),
        report.executionSuccessful(),
        notifications,
        results);
  }

  private static Sarif.Result result(LintFinding finding, String legacyFingerprint) {
    int startLine = Math.max(1, finding.line());
    int startColumn = Math.max(1, finding.column());
    int endLine = Math.max(startLine, finding.endLine());
    // mapvet's end column is inclusive, SARIF's exclusive.
    int endColumn = finding.endColumn() + 1;
    if (endLine == startLine && endColumn <= startColumn) {
      endColumn = startColumn + 1;
    }
    return new Sarif.Result(
        finding.rule(),
        Sarif.level(finding.severity()),
        finding.message(),
        new Sarif.Location(
            finding.file(), Sarif.Region.lines(startLine, startColumn, endLine, endColumn), null),
        Sarif.Location.related(finding.file(), finding.evidence()),
        fixes(finding),
        Map.of(FINGERPRINT_KEY, legacyFingerprint, FINGERPRINT_V2_KEY, finding.fingerprint()),
        finding.suggestions());
  }

  /**
   * The finding's fixes that have edits, as SARIF fixes: mapvet's 0-based, end-exclusive positions
   * are SARIF's 1-based lines and columns (UTF-16 code units both).
   */
  private static List<Sarif.Fix> fixes(LintFinding finding) {
    List<Sarif.Fix> fixes = new ArrayList<>();
    for (LintFinding.Fix fix : finding.fixes()) {
      if (fix.edits().isEmpty()) {
        continue;
      }
      List<Sarif.Replacement> replacements = new ArrayList<>();
      for (Edit edit : fix.edits()) {
        replacements.add(
            new Sarif.Replacement(
                Sarif.Region.lines(
                    edit.startLine() + 1,
                    edit.startCharacter() + 1,
                    edit.endLine() + 1,
                    edit.endCharacter() + 1),
                edit.newText()));
      }
      fixes.add(new Sarif.Fix(fix.description(), finding.file(), replacements));
    }
    return fixes;
  }

  private static Sarif.Notification notification(Diagnostic diagnostic) {
    Sarif.Region region =
        diagnostic.line() > 0
            ? Sarif.Region.lines(diagnostic.line(), Math.max(1, diagnostic.column()), null, null)
            : null;
    return new Sarif.Notification(
        diagnostic.isError()
            ? "error"
            : diagnostic.kind() == Diagnostic.Kind.WARNING ? "warning" : "note",
        diagnostic.kind().label() + ": " + diagnostic.message(),
        new Sarif.Location(diagnostic.file(), region, null));
  }
}

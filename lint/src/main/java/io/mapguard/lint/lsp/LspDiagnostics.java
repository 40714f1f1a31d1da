package io.mapguard.lint.lsp;

import io.mapguard.engine.report.Evidence;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.fix.SourceText;
import io.mapguard.lint.rules.RuleCatalog;
import io.mapguard.lint.rules.RuleInfo;
import io.mapguard.lint.scan.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * mapvet's findings as LSP diagnostics: the finding's range, the rule's severity, {@code source}
 * "mapvet", the rule as {@code code} with its page as {@code codeDescription} (the SARIF report's
 * help URI), the evidence as related information (the SARIF report's related locations), and the
 * suggested fixes at the end of the message, as the text report prints them.
 */
final class LspDiagnostics {
  static final String SOURCE = "mapvet";

  private LspDiagnostics() {}

  static org.eclipse.lsp4j.Diagnostic of(LintFinding finding, String uri, SourceText text) {
    org.eclipse.lsp4j.Diagnostic diagnostic = new org.eclipse.lsp4j.Diagnostic();
    diagnostic.setRange(range(finding));
    diagnostic.setSeverity(severity(finding.severity()));
    diagnostic.setSource(SOURCE);
    diagnostic.setCode(finding.rule());
    Optional<RuleInfo> rule = RuleCatalog.byName(finding.rule());
    rule.ifPresent(info -> diagnostic.setCodeDescription(new DiagnosticCodeDescription(info.helpUri())));
    StringBuilder message = new StringBuilder(finding.message());
    for (String suggestion : finding.suggestions()) {
      message.append("\nsuggested fix: ").append(suggestion);
    }
    diagnostic.setMessage(message.toString());
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (Evidence evidence : finding.evidence()) {
      related.add(
          new DiagnosticRelatedInformation(
              new Location(uri, text.place(evidence.line(), evidence.column())),
              evidence.description()));
    }
    if (!related.isEmpty()) {
      diagnostic.setRelatedInformation(related);
    }
    diagnostic.setData(finding.fingerprint());
    return diagnostic;
  }

  /**
   * Why the file has no findings now: it does not parse (mid-edit, usually) or could not be
   * analysed. Information, not an error: the compiler reports the code's errors, mapvet only says
   * why it is silent.
   */
  static org.eclipse.lsp4j.Diagnostic notAnalysed(Diagnostic problem, SourceText text) {
    org.eclipse.lsp4j.Diagnostic diagnostic = new org.eclipse.lsp4j.Diagnostic();
    Range range =
        problem.line() > 0
            ? text.place(problem.line(), Math.max(1, problem.column()))
            : new Range(new Position(0, 0), new Position(0, 0));
    diagnostic.setRange(range);
    diagnostic.setSeverity(DiagnosticSeverity.Information);
    diagnostic.setSource(SOURCE);
    diagnostic.setMessage("not analysed (" + problem.kind().label() + "): " + problem.message());
    return diagnostic;
  }

  /** mapvet's inclusive end column is LSP's exclusive end character; an empty range gets one. */
  static Range range(LintFinding finding) {
    Position start = SourceText.start(finding.line(), finding.column());
    Position end = SourceText.endAfter(Math.max(finding.line(), finding.endLine()), finding.endColumn());
    if (SourceText.compare(end, start) <= 0) {
      end = new Position(start.getLine(), start.getCharacter() + 1);
    }
    return new Range(start, end);
  }

  static DiagnosticSeverity severity(String severity) {
    switch (severity.toLowerCase(Locale.ROOT)) {
      case "error":
        return DiagnosticSeverity.Error;
      case "warning":
        return DiagnosticSeverity.Warning;
      case "note":
      case "info":
        return DiagnosticSeverity.Information;
      default:
        return DiagnosticSeverity.Hint;
    }
  }
}

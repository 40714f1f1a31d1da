package io.mapguard.lint.report;

import io.mapguard.lint.frontend.LintFinding;
import java.io.IOException;
import java.io.Writer;

/**
 * go vet's format, one finding a line: {@code path:line:col: message [Rule]}. Editors and CI log
 * parsers link {@code path:line:col:} to the source, so the message is kept on one line. A fix the
 * engine considers safe follows on its own indented line, {@code \tsuggested fix: …}, which such
 * parsers skip as they skip compiler context lines.
 */
final class TextReporter implements Reporter {
  @Override
  public void write(Report report, Writer out) throws IOException {
    for (LintFinding finding : report.findings()) {
      out.write(format(finding));
      out.write('\n');
      for (String suggestion : finding.suggestions()) {
        out.write("\tsuggested fix: " + suggestion.replaceAll("\\s*(\r\n|\r|\n)\\s*", " ") + "\n");
      }
    }
  }

  static String format(LintFinding finding) {
    return finding.file()
        + ":"
        + finding.line()
        + ":"
        + finding.column()
        + ": "
        + finding.message().replaceAll("\\s*(\r\n|\r|\n)\\s*", " ")
        + " ["
        + finding.rule()
        + "]";
  }
}

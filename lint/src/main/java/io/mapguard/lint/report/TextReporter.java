package io.mapguard.lint.report;

import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.text.ControlCharacters;
import java.io.IOException;
import java.io.Writer;

/**
 * go vet's format, one finding a line: {@code path:line:col: message [Rule]}. Editors and CI log
 * parsers link {@code path:line:col:} to the source, so the message is kept on one line. A fix the
 * engine considers safe follows on its own indented line, {@code \tsuggested fix: …}, which such
 * parsers skip as they skip compiler context lines. Control characters in file names and messages
 * are escaped, so that every line is one the reporter meant to write.
 */
final class TextReporter implements Reporter {
  @Override
  public void write(Report report, Writer out) throws IOException {
    for (LintFinding finding : report.findings()) {
      out.write(format(finding));
      out.write('\n');
      for (String suggestion : finding.suggestions()) {
        out.write("\tsuggested fix: " + oneLine(suggestion) + "\n");
      }
    }
  }

  static String format(LintFinding finding) {
    return ControlCharacters.escape(finding.file())
        + ":"
        + finding.line()
        + ":"
        + finding.column()
        + ": "
        + oneLine(finding.message())
        + " ["
        + finding.rule()
        + "]";
  }

  /** A message's own line breaks (from a text block, say) become spaces; other controls escapes. */
  private static String oneLine(String text) {
    return ControlCharacters.escape(text.replaceAll("\\s*(\r\n|\r|\n)\\s*", " "));
  }
}

package io.mapguard.lint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mapguard.lint.analysis.LintFinding;
import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object a line (JSON Lines), so that results can be streamed through {@code jq} or {@code
 * grep}. Fields come in a fixed order; end positions are inclusive, as in the text format.
 */
final class JsonLinesReporter implements Reporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void write(Report report, Writer out) throws IOException {
    for (LintFinding finding : report.findings()) {
      out.write(JSON.writeValueAsString(toJson(finding)));
      out.write('\n');
    }
  }

  static ObjectNode toJson(LintFinding finding) {
    ObjectNode node = JSON.createObjectNode();
    node.put("rule", finding.rule());
    node.put("severity", finding.severity());
    node.put("file", finding.file().replace('\\', '/'));
    node.put("line", finding.line());
    node.put("column", finding.column());
    node.put("endLine", finding.endLine());
    node.put("endColumn", finding.endColumn());
    node.put("message", finding.message());
    node.put("fingerprint", finding.fingerprint());
    var suggestions = node.putArray("suggestions");
    finding.suggestions().forEach(suggestions::add);
    return node;
  }
}

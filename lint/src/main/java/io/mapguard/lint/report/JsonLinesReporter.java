package io.mapguard.lint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mapguard.lint.analysis.LintFinding;
import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object a line (JSON Lines), so that results can be streamed through {@code jq} or {@code
 * grep}. Fields come in a fixed order; end positions are inclusive, as in the text format; {@code
 * related} lists the places of the same file the message cites.
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
    // the places the message cites: the task, the lock, a race's other accesses (SARIF's related locations)
    var related = node.putArray("related");
    for (var place : finding.evidence()) {
      ObjectNode at = related.addObject();
      at.put("line", place.line());
      at.put("column", place.column());
      at.put("message", place.description());
    }
    return node;
  }
}

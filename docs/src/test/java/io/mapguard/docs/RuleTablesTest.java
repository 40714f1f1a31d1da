package io.mapguard.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mapguard.engine.report.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rule tables written into the README, the user guide and mapvet's page list every rule of the
 * catalogue, in its order, with its default (on/off), and mapvet's {@code --list-checks} sample
 * prints each rule's summary as the catalogue defines it. A rule added, renamed, reordered or turned
 * off by default fails here until every table says so.
 */
class RuleTablesTest {
  private static List<String> catalogue(boolean withSummary) {
    List<String> rows = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      rows.add(rule.ruleName() + " " + (rule.enabledByDefault() ? "on" : "off")
          + (withSummary ? " " + rule.summary() : ""));
    }
    return rows;
  }

  private static List<String> rows(String file, Pattern row, boolean withSummary) throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(file))) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        rows.add(m.group(1) + " " + m.group(2) + (withSummary ? " " + m.group(3) : ""));
      }
    }
    return rows;
  }

  @Test
  void readmeRuleTable() throws IOException {
    Pattern row = Pattern.compile("\\| \\[(\\w+)\\]\\(docs/rules/\\1\\.md\\) \\|.*\\| (on|off) \\|");
    assertEquals(catalogue(false), rows("../README.md", row, false));
  }

  @Test
  void userGuideRuleTable() throws IOException {
    List<String> rows = new ArrayList<>();
    Pattern row = Pattern.compile("\\| \\[(\\w+)\\]\\(rules/\\1\\.md\\)( \\(off by default\\))? \\|.*");
    for (String line : Files.readAllLines(Path.of("user-guide.md"))) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        rows.add(m.group(1) + " " + (m.group(2) == null ? "on" : "off"));
      }
    }
    assertEquals(catalogue(false), rows);
  }

  @Test
  void mapvetListChecksSample() throws IOException {
    Pattern row = Pattern.compile("(\\w+) +(on|off)  +(.+)");
    assertEquals(catalogue(true), rows("mapvet.md", row, true));
  }
}

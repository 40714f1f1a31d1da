package io.mapguard.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.report.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the catalogue has its page, with the sections users rely on, in order. */
class RulePagesTest {
  private static final List<String> SECTIONS =
      List.of(
          "## What it reports",
          "## Why it breaks at run time",
          "## Example",
          "## Fix",
          "## What it does not report",
          "## How to suppress");

  @ParameterizedTest
  @MethodSource("io.mapguard.engine.rules.Rules#all")
  void pageExistsWithAllSections(Rule rule) throws IOException {
    Path page = Path.of("rules", rule.ruleName() + ".md");
    assertTrue(Files.exists(page), "missing " + page.toAbsolutePath());
    List<String> lines = Files.readAllLines(page);
    assertEquals("# " + rule.ruleName(), lines.get(0));
    List<String> headings =
        lines.stream().filter(l -> l.startsWith("## ")).collect(Collectors.toList());
    assertEquals(SECTIONS, headings, page + " sections");
    String text = String.join("\n", lines);
    assertTrue(text.contains("@SuppressWarnings(\"" + rule.ruleName() + "\")"), page + " suppression");
    assertTrue(rule.docsUrl().endsWith("docs/rules/" + rule.ruleName() + ".md"));
  }
}

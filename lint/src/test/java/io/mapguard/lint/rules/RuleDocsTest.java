package io.mapguard.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every rule mapvet reports has its page packaged, so --explain and SARIF help never come up empty.
 */
class RuleDocsTest {
  @Test
  void everyRuleHasAPackagedPage() {
    for (RuleInfo rule : RuleCatalog.all()) {
      String page =
          RuleDocs.page(rule.name())
              .orElseThrow(() -> new AssertionError("no page for " + rule.name()));
      assertTrue(page.startsWith("# " + rule.name() + "\n"), rule.name());
      assertFalse(RuleDocs.firstParagraph(rule.name()).orElse("").isEmpty(), rule.name());
    }
  }

  @Test
  void firstParagraphJoinsLinesAfterTheTitle() {
    assertEquals(
        "One two three.", RuleDocs.firstParagraphOf("# Title\n\nOne two\nthree.\n\nNext.\n"));
  }

  @Test
  void unknownAndOddNamesHaveNoPage() {
    assertEquals(Optional.empty(), RuleDocs.page("Nope"));
    assertEquals(Optional.empty(), RuleDocs.page("../../etc/passwd"));
  }

  @Test
  void catalogLooksUpEnumStyleNames() {
    assertEquals("GuardedMapEscape", RuleCatalog.byName("GUARDED_MAP_ESCAPE").orElseThrow().name());
    assertEquals("UnusedIgnore", RuleCatalog.byName("UnusedIgnore").orElseThrow().name());
  }
}

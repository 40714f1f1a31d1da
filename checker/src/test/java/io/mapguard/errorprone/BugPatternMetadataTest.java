package io.mapguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.BugPattern;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated @BugPattern of each check says what the rule catalogue says, and carries the
 * attributes the hand-written checks had (a custom link to the rule's page; MapCapacityHint tagged a
 * performance hint, the others fragile code).
 */
class BugPatternMetadataTest {
  @ParameterizedTest
  @MethodSource("io.mapguard.engine.rules.Rules#all")
  void bugPatternMatchesTheCatalogue(Rule rule) {
    Class<?> check = FixtureErrorProneTest.checkOf(rule);
    BugPattern pattern = check.getAnnotation(BugPattern.class);
    assertEquals(rule.ruleName(), pattern.name());
    assertEquals(rule.summary(), pattern.summary());
    assertEquals(BugPattern.LinkType.CUSTOM, pattern.linkType());
    assertEquals(rule.docsUrl(), pattern.link());
    assertEquals(rule.defaultSeverity(), pattern.severity().name());
    assertEquals(rule.ruleName(), check.getSimpleName());
    assertEquals(
        List.of(
            rule.equals(Rules.MAP_CAPACITY_HINT)
                ? BugPattern.StandardTags.PERFORMANCE
                : BugPattern.StandardTags.FRAGILE_CODE),
        List.of(pattern.tags()));
    assertEquals(0, pattern.altNames().length);
  }
}

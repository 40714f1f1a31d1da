package io.mapguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.BugPattern;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.RuleDefinition;
import io.mapguard.engine.rules.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated @BugPattern of each check says what the catalogue and the rule's definition say,
 * with the attributes the hand-written checks had: a custom link to the rule's page, no other names.
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
    RuleDefinition definition = Rules.checkOf(rule).getClass().getAnnotation(RuleDefinition.class);
    assertEquals(List.of(definition.tags()), List.of(pattern.tags()));
    assertEquals(0, pattern.altNames().length);
  }

  /** The tags of 0.2.0's checks: a performance hint, and fragile code. */
  @Test
  void tagsAreThoseOfTheHandWrittenChecks() {
    assertEquals(
        List.of(BugPattern.StandardTags.PERFORMANCE),
        List.of(MapCapacityHint.class.getAnnotation(BugPattern.class).tags()));
    assertEquals(
        List.of(BugPattern.StandardTags.FRAGILE_CODE),
        List.of(UnsynchronizedSharedMap.class.getAnnotation(BugPattern.class).tags()));
  }
}

package io.mapguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.BugPattern;
import io.mapguard.engine.report.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The @BugPattern of each check says what the rule catalogue says. */
class BugPatternMetadataTest {
  @ParameterizedTest
  @EnumSource(Rule.class)
  void bugPatternMatchesTheCatalogue(Rule rule) {
    BugPattern pattern = FixtureErrorProneTest.CHECKS.get(rule).getAnnotation(BugPattern.class);
    assertEquals(rule.ruleName(), pattern.name());
    assertEquals(rule.summary(), pattern.summary());
    assertEquals(rule.docsUrl(), pattern.link());
    assertEquals(rule.defaultSeverity(), pattern.severity().name());
    assertEquals(rule.ruleName(), FixtureErrorProneTest.CHECKS.get(rule).getSimpleName());
  }
}

package io.mapguard.lint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckSelectionTest {
  private static Set<Rule> allBut(Rule rule) {
    Set<Rule> rules = new HashSet<>(Rules.all());
    rules.remove(rule);
    return rules;
  }

  @Test
  void emptySpecIsTheDefaultSet() throws ConfigException {
    assertEquals(CheckSelection.defaults(), CheckSelection.parse(""));
    assertEquals(CheckSelection.defaults(), CheckSelection.parse(" , "));
  }

  @Test
  void termsApplyLeftToRight() throws ConfigException {
    assertEquals(
        Set.of(Rules.GUARDED_MAP_ESCAPE), CheckSelection.parse("-all, GuardedMapEscape"));
    assertEquals(Set.of(), CheckSelection.parse("GuardedMapEscape,-all"));
    assertEquals(
        allBut(Rules.UNSAFE_MAP_PUBLICATION),
        CheckSelection.parse("all,-UnsafeMapPublication"));
    assertEquals(
        Set.of(Rules.MAP_WRITE_UNDER_READ_LOCK),
        CheckSelection.parse("-all,MAP_WRITE_UNDER_READ_LOCK"));
  }

  @Test
  void unknownNameIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> CheckSelection.parse("-Typo"));

    assertEquals(
        "unknown check 'Typo' (checks: all, " + io.mapguard.lint.EngineRules.NAMES + ")",
        e.getMessage());
  }
}

package io.mapguard.lint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mapguard.engine.report.Rule;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CheckSelectionTest {
  @Test
  void emptySpecIsTheDefaultSet() throws ConfigException {
    assertEquals(CheckSelection.defaults(), CheckSelection.parse(""));
    assertEquals(CheckSelection.defaults(), CheckSelection.parse(" , "));
  }

  @Test
  void termsApplyLeftToRight() throws ConfigException {
    assertEquals(
        EnumSet.of(Rule.GUARDED_MAP_ESCAPE), CheckSelection.parse("-all, GuardedMapEscape"));
    assertEquals(EnumSet.noneOf(Rule.class), CheckSelection.parse("GuardedMapEscape,-all"));
    assertEquals(
        EnumSet.complementOf(EnumSet.of(Rule.UNSAFE_MAP_PUBLICATION)),
        CheckSelection.parse("all,-UnsafeMapPublication"));
    assertEquals(
        EnumSet.of(Rule.MAP_WRITE_UNDER_READ_LOCK),
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

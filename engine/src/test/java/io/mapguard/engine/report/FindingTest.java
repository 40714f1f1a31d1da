package io.mapguard.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mapguard.engine.model.Site;
import io.mapguard.engine.rules.Rules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where a race's fix edits the code, and how its sentence says so. */
class FindingTest {
  private static final Rule RULE = Rules.byName("InconsistentMapLocking").orElseThrow();
  private static final FixHint WRAP = new FixHint(FixHint.Kind.WRAP_SYNCHRONIZED, "lock");
  private static final FixHint GUARDED_BY = new FixHint(FixHint.Kind.ADD_GUARDED_BY, "lock");

  private static Finding access(int line, FixHint... fixes) {
    return new Finding(
        RULE, "A.java", new Site(line, 5, "A#m()", "statement", Set.of(), null), "m", null, List.of(fixes),
        Fingerprint.known("f" + line), List.of(), null, List.of());
  }

  private static Finding race(Finding... places) {
    Finding first = places[0];
    return new Finding(
        RULE, first.file(), first.site(), "race", null, List.of(WRAP, GUARDED_BY), first.identity(), List.of(),
        null, List.of(places));
  }

  @Test
  void aFixAtTheAccessEditsEveryAccessOfTheRace() {
    Finding race = race(access(10, WRAP, GUARDED_BY), access(12, WRAP), access(14, WRAP));

    assertEquals(List.of(10, 12, 14), race.fixPlaces(WRAP).stream().map(f -> f.site().line()).toList());
    assertEquals(
        "Wrap the statement in synchronized (lock) { … }. Likewise at lines 12 and 14.",
        race.suggestion(WRAP, "m"));
    // the field's annotation is one edit, at the finding
    assertEquals(List.of(10), race.fixPlaces(GUARDED_BY).stream().map(f -> f.site().line()).toList());
  }

  @Test
  void noFixWhenAnAccessOfTheRaceCannotTakeIt() {
    Finding race = race(access(10, WRAP), access(12));

    assertEquals(List.of(), race.fixPlaces(WRAP));
  }

  @Test
  void aFindingOfOnePlaceIsFixedThere() {
    Finding one = access(10, WRAP, GUARDED_BY);

    assertEquals(List.of(GUARDED_BY), one.fixPlaces(GUARDED_BY).get(0).fixes());
    assertEquals("Wrap the statement in synchronized (lock) { … }.", one.suggestion(WRAP, "m"));
  }

  @Test
  void theReasonAConditionStoodForComesBeforeTheRacesOtherAccesses() {
    assertEquals(
        "'m' is written here without a lock, but it is shared: it is written in the task submitted at B.java:4."
            + " Also unguarded: line 12 (read).",
        Finding.withReason(
            "'m' is written here without a lock, but it is shared:" + Finding.ALSO_UNGUARDED + "line 12 (read).",
            "it is written in the task submitted at B.java:4."));
    assertEquals("m stands. why", Finding.withReason("m stands.", "why"));
    assertEquals("m stands.", Finding.withReason("m stands.", ""));
  }
}

package io.mapguard.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the callers of a method returning a guarded map decide, with hand-written calls. */
class ReturnedPastGuardTest {
  private static final ProjectMethod GETTER = method("p.Table", "getWatches", 0);
  private static final ProjectMethod OVERRIDE = method("p.DataRegistration", "getWatches", 1);
  private static final ProjectMethod REGISTER = method("p.Registration", "register", 1);

  private static ProjectMethod method(String owner, String name, int arity) {
    return new ProjectMethod(List.of(owner, "java.lang.Object"), name, arity);
  }

  private static ProjectCall call(ProjectMethod caller, boolean open, ResultUse use, int line) {
    return new ProjectCall(caller, open, use, "src/p/Caller.java", line);
  }

  private static ProjectCalls calls(Map<ProjectMethod, List<ProjectCall>> byMethod) {
    return method -> byMethod.getOrDefault(method, List.of());
  }

  @Test
  void noCallerKeepsTheMapGuarded() {
    assertNull(new ReturnedPastGuard(GETTER, true).standing(calls(Map.of())));
  }

  @Test
  void callersThatLockTheMapThroughAnOverrideKeepItGuarded() {
    ProjectCalls calls =
        calls(
            Map.of(
                GETTER, List.of(call(OVERRIDE, false, ResultUse.RETURNED, 12), call(REGISTER, false, ResultUse.DISCARDED, 3)),
                OVERRIDE, List.of(call(REGISTER, false, ResultUse.LOCKED, 20))));
    assertNull(new ReturnedPastGuard(GETTER, true).standing(calls));
  }

  @Test
  void lockingTheMapIsNotHoldingAnotherGuard() {
    ProjectCalls calls = calls(Map.of(GETTER, List.of(call(REGISTER, false, ResultUse.LOCKED, 20))));
    assertEquals(
        "It is used holding the map's own monitor, which is not its guard, by Registration.register (Caller.java:20).",
        new ReturnedPastGuard(GETTER, false).standing(calls));
  }

  @Test
  void anUnlockedUseAnywhereAlongTheChainStands() {
    ProjectCalls calls =
        calls(
            Map.of(
                GETTER, List.of(call(OVERRIDE, false, ResultUse.RETURNED, 12)),
                OVERRIDE, List.of(call(REGISTER, false, ResultUse.LOCKED, 20), call(REGISTER, false, ResultUse.OTHER, 31))));
    assertEquals(
        "It is used without the lock by Registration.register (Caller.java:31).",
        new ReturnedPastGuard(GETTER, true).standing(calls));
  }

  @Test
  void aMethodOutsideCodeCanCallHandsItOn() {
    ProjectCalls calls = calls(Map.of(GETTER, List.of(call(REGISTER, true, ResultUse.RETURNED, 7))));
    assertEquals(
        "It is handed on by Registration.register (Caller.java:7), which code outside the project can call.",
        new ReturnedPastGuard(GETTER, true).standing(calls));
  }

  @Test
  void aFrontEndThatCannotListCallsLeavesTheFindingStanding() {
    assertEquals("", new ReturnedPastGuard(GETTER, true).standing(ProjectCalls.UNKNOWN));
  }

  @Test
  void aChainThatReturnsToItselfEnds() {
    ProjectCalls calls =
        calls(
            Map.of(
                GETTER, List.of(call(OVERRIDE, false, ResultUse.RETURNED, 1)),
                OVERRIDE, List.of(call(GETTER, false, ResultUse.RETURNED, 2))));
    assertNull(new ReturnedPastGuard(GETTER, true).standing(calls));
  }
}

package io.mapguard.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whether another class writes an instance map through a field of its own in a task and uses it
 * through the same field on another thread, with hand-written calls.
 */
class WrittenThroughSharedFieldByTaskTest {
  private static final ProjectMethod RESERVE = method("p.Inventory", "reserve", 2);
  private static final ProjectMethod RESERVED_OF = method("p.Inventory", "reservedOf", 1);
  private static final ProjectMethod PENDING = method("p.Orders", "pending", 1);
  private static final ProjectMethod HELPER = method("p.Orders", "reserveAll", 0);
  private static final ProjectMethod CONSTRUCTOR = method("p.Orders", "<init>", 0);
  private static final String FIELD = "p.Orders#inventory";
  private static final String TASK = "the task submitted at Orders.java:15";
  private static final String FIX = "Guard every access with one lock.";

  private static ProjectMethod method(String owner, String name, int arity) {
    return new ProjectMethod(List.of(owner, "java.lang.Object"), name, arity);
  }

  private static ProjectCall call(
      ProjectMethod caller, boolean open, String thread, int line, boolean callerMonitorHeld, String field) {
    return call(ProjectCall.Target.RESOLVED, caller, open, thread, line, callerMonitorHeld, field);
  }

  private static ProjectCall call(
      ProjectCall.Target target, ProjectMethod caller, boolean open, String thread, int line, boolean callerMonitorHeld,
      String field) {
    return new ProjectCall(
        caller, open, ResultUse.DISCARDED, "src/p/Orders.java", line, false, false, Set.of(), target, Set.of(),
        thread, Set.of(), callerMonitorHeld, field, null, null);
  }

  private static ProjectCall inTask(String task, int line, String serialExecutor) {
    return new ProjectCall(
        null, true, ResultUse.DISCARDED, "src/p/Orders.java", line, false, false, Set.of(), ProjectCall.Target.RESOLVED, Set.of(),
        task, Set.of(), false, FIELD, serialExecutor, null);
  }

  private static ProjectCall copiesOfTask(boolean callerMonitorHeld) {
    return new ProjectCall(
        null, true, ResultUse.DISCARDED, "src/p/Orders.java", 15, false, false, Set.of(), ProjectCall.Target.RESOLVED, Set.of(),
        TASK, Set.of(), callerMonitorHeld, FIELD, null,
        "Orders.process hands one to 'pool', an executor of several threads, on every call");
  }

  private static ProjectCalls calls(Map<ProjectMethod, List<ProjectCall>> byMethod) {
    return method -> byMethod.getOrDefault(method, List.of());
  }

  private static String standing(ProjectCalls calls) {
    return new WrittenThroughSharedFieldByTask(List.of(RESERVE), List.of(RESERVE, RESERVED_OF), FIX).standing(calls);
  }

  @Test
  void aTaskWritingThroughAFieldAndACallerReadingThroughItStands() {
    ProjectCalls calls =
        calls(
            Map.of(
                RESERVE, List.of(call(null, true, TASK, 15, false, FIELD)),
                RESERVED_OF, List.of(call(PENDING, true, null, 19, false, FIELD))));
    assertEquals(
        "it is written in the task submitted at Orders.java:15, through Inventory.reserve on Orders's field"
            + " 'inventory' (Orders.java:15), and Orders.pending (Orders.java:19) reads it through the same field on"
            + " its callers' threads. Guard every access with one lock.",
        standing(calls));
  }

  @Test
  void callsThroughAFieldOfAnInterfaceTheClassImplementsStandButUntypedOnesDoNot() {
    ProjectCalls throughInterface =
        calls(
            Map.of(
                RESERVE, List.of(call(ProjectCall.Target.SUPERTYPE, null, true, TASK, 15, false, FIELD)),
                RESERVED_OF, List.of(call(ProjectCall.Target.SUPERTYPE, PENDING, true, null, 19, false, FIELD))));
    assertEquals(
        "it is written in the task submitted at Orders.java:15, through Inventory.reserve on Orders's field"
            + " 'inventory' (Orders.java:15), and Orders.pending (Orders.java:19) reads it through the same field on"
            + " its callers' threads. Guard every access with one lock.",
        standing(throughInterface));
    ProjectCalls untyped =
        calls(
            Map.of(
                RESERVE, List.of(call(ProjectCall.Target.UNKNOWN, null, true, TASK, 15, false, FIELD)),
                RESERVED_OF, List.of(call(PENDING, true, null, 19, false, FIELD))));
    assertNull(standing(untyped));
  }

  @Test
  void copiesOfTheTaskStandWithoutAnotherUseUnlessTheyHoldAMonitor() {
    assertEquals(
        "it is written in the task submitted at Orders.java:15, through Inventory.reserve on Orders's field"
            + " 'inventory' (Orders.java:15), and copies of that task run at once: Orders.process hands one to"
            + " 'pool', an executor of several threads, on every call. Guard every access with one lock.",
        standing(calls(Map.of(RESERVE, List.of(copiesOfTask(false))))));
    assertNull(standing(calls(Map.of(RESERVE, List.of(copiesOfTask(true))))));
  }

  @Test
  void tasksOfOneSingleThreadExecutorRunOneAtATime() {
    String serial = "p.Orders#serial";
    String otherTask = "the task submitted at Orders.java:16";
    ProjectCalls oneExecutor =
        calls(Map.of(RESERVE, List.of(inTask(TASK, 15, serial)), RESERVED_OF, List.of(inTask(otherTask, 16, serial))));
    assertNull(standing(oneExecutor));
    ProjectCalls twoExecutors =
        calls(
            Map.of(
                RESERVE, List.of(inTask(TASK, 15, serial)),
                RESERVED_OF, List.of(inTask(otherTask, 16, "p.Orders#reports"))));
    assertEquals(
        "it is written in the task submitted at Orders.java:15, through Inventory.reserve on Orders's field"
            + " 'inventory' (Orders.java:15), and Orders.java:16, in the task submitted at Orders.java:16, reads it"
            + " through the same field. Guard every access with one lock.",
        standing(twoExecutors));
  }

  @Test
  void aWriteFromAMethodTheTaskCallsIsNotFollowed() {
    ProjectCalls calls =
        calls(
            Map.of(
                RESERVE, List.of(call(HELPER, false, null, 22, false, FIELD)),
                HELPER, List.of(call(null, true, TASK, 15, false, null)),
                RESERVED_OF, List.of(call(PENDING, true, null, 19, false, FIELD))));
    assertNull(standing(calls));
  }

  @Test
  void anotherFieldAConstructorAMethodOnlyTheProjectCallsOrACommonMonitorDoNotStand() {
    ProjectCall write = call(null, true, TASK, 15, false, FIELD);
    List<ProjectCall> quietUses =
        List.of(
            call(PENDING, true, null, 19, false, "p.Orders#archive"),
            call(CONSTRUCTOR, true, null, 9, false, FIELD),
            call(PENDING, false, null, 19, false, FIELD),
            call(null, true, TASK, 16, false, FIELD));
    assertNull(standing(calls(Map.of(RESERVE, List.of(write), RESERVED_OF, quietUses))));

    ProjectCall lockedWrite = call(null, true, TASK, 15, true, FIELD);
    ProjectCall lockedRead = call(PENDING, true, null, 19, true, FIELD);
    assertNull(standing(calls(Map.of(RESERVE, List.of(lockedWrite), RESERVED_OF, List.of(lockedRead)))));
  }

  @Test
  void aWriteOnNoFieldOrOnCallersThreadsOnlyDoesNotStand() {
    ProjectCall read = call(PENDING, true, null, 19, false, FIELD);
    assertNull(standing(calls(Map.of(RESERVE, List.of(call(null, true, TASK, 15, false, null)), RESERVED_OF, List.of(read)))));
    assertNull(standing(calls(Map.of(RESERVE, List.of(call(PENDING, true, null, 18, false, FIELD)), RESERVED_OF, List.of(read)))));
  }

  @Test
  void callsTheFrontEndCannotListDoNotStand() {
    assertNull(standing(ProjectCalls.UNKNOWN));
  }
}

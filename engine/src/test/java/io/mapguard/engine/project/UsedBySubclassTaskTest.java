package io.mapguard.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whether a subclass's task uses an inherited map while a method of the declaring class uses it on
 * another thread, with hand-written uses and calls.
 */
class UsedBySubclassTaskTest {
  private static final String FIELD = "p.Shelf#onHand";
  private static final ProjectMethod AVAILABLE = method("available", 1);
  private static final ProjectMethod RESTOCK = method("restock", 2);
  private static final String TASK = "the task submitted at Receiving.java:12";
  private static final String FIX = "Guard every access with one lock, the subclass's too.";

  private static ProjectMethod method(String name, int arity) {
    return new ProjectMethod(List.of("p.Shelf", "java.lang.Object"), name, arity);
  }

  private static FieldUse use(boolean write, String serialExecutor) {
    return new FieldUse(FIELD, "src/p/Receiving.java", 13, write, false, TASK, serialExecutor, null);
  }

  private static ProjectCall call(ProjectMethod caller, String thread, String serialExecutor) {
    return new ProjectCall(
        caller, false, ResultUse.OTHER, "src/p/Dashboard.java", 20, false, false, Set.of(), ProjectCall.Target.RESOLVED, Set.of(), thread,
        Set.of(), false, null, serialExecutor, null);
  }

  private static ProjectCalls calls(List<FieldUse> uses, Map<ProjectMethod, List<ProjectCall>> byMethod) {
    return new ProjectCalls() {
      @Override
      public List<ProjectCall> callsOf(ProjectMethod method) {
        return byMethod.getOrDefault(method, List.of());
      }

      @Override
      public List<FieldUse> inheritedFieldUsesInTasks(String field) {
        return field.equals(FIELD) ? uses : List.of();
      }
    };
  }

  private static UsedBySubclassTask readOnly(List<ProjectMethod> open) {
    return new UsedBySubclassTask(FIELD, List.of(AVAILABLE), List.of(), open, FIX);
  }

  @Test
  void aSubclassTaskWritingItWhileCallersReadItStands() {
    assertEquals(
        "it is written in " + TASK + ", where a subclass uses it as its own (Receiving.java:13), and"
            + " Shelf.available reads it on its callers' threads. " + FIX,
        readOnly(List.of(AVAILABLE)).standing(calls(List.of(use(true, null)), Map.of())));
  }

  @Test
  void twoReadsAreNoRace() {
    assertNull(readOnly(List.of(AVAILABLE)).standing(calls(List.of(use(false, null)), Map.of())));
  }

  @Test
  void aTaskReadingWhatTheClassWritesStandsOnTheWriter() {
    UsedBySubclassTask condition =
        new UsedBySubclassTask(FIELD, List.of(AVAILABLE, RESTOCK), List.of(RESTOCK), List.of(AVAILABLE, RESTOCK), FIX);
    assertEquals(
        "it is read in " + TASK + ", where a subclass uses it as its own (Receiving.java:13), and"
            + " Shelf.restock writes it on its callers' threads. " + FIX,
        condition.standing(calls(List.of(use(false, null)), Map.of())));
  }

  @Test
  void aMethodOnlyTheProjectCallsStandsOnACallElsewhereThanTheTask() {
    ProjectMethod show = new ProjectMethod(List.of("p.Dashboard"), "show", 0);
    assertEquals(
        "it is written in " + TASK + ", where a subclass uses it as its own (Receiving.java:13), and"
            + " Dashboard.show (Dashboard.java:20) calls Shelf.available, which reads it. " + FIX,
        readOnly(List.of()).standing(calls(List.of(use(true, null)), Map.of(AVAILABLE, List.of(call(show, null, null))))));
    // called in the same task only: one thread
    assertNull(
        readOnly(List.of()).standing(calls(List.of(use(true, null)), Map.of(AVAILABLE, List.of(call(null, TASK, null))))));
    // called in another task of the same single-thread executor: one at a time
    assertNull(
        readOnly(List.of())
            .standing(
                calls(
                    List.of(use(true, "p.Receiving#serial")),
                    Map.of(AVAILABLE, List.of(call(null, "the task submitted at Receiving.java:30", "p.Receiving#serial"))))));
    // not called at all
    assertNull(readOnly(List.of()).standing(calls(List.of(use(true, null)), Map.of())));
  }

  @Test
  void usesThatCannotBeListedKeepItQuiet() {
    assertNull(readOnly(List.of(AVAILABLE)).standing(ProjectCalls.UNKNOWN));
  }
}

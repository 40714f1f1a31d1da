package io.mapguard.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whether a task of another class reaches the writers of a static map, with hand-written calls. */
class WrittenByTaskElsewhereTest {
  private static final ProjectMethod RECORD = method("p.Versions", "record", 2);
  private static final ProjectMethod INSTALL = method("p.Loader", "install", 1);
  private static final ProjectMethod MAIN = method("p.Main", "main", 1);
  private static final String FIX = "Guard every access with one lock.";

  private static ProjectMethod method(String owner, String name, int arity) {
    return new ProjectMethod(List.of(owner, "java.lang.Object"), name, arity);
  }

  private static ProjectCall call(ProjectMethod caller, boolean resolved, String thread, String file, int line) {
    return new ProjectCall(
        caller, false, ResultUse.DISCARDED, file, line, false, false, Set.of(), resolved, Set.of(), thread, Set.of(), false, null, null, null);
  }

  private static ProjectCalls calls(Map<ProjectMethod, List<ProjectCall>> byMethod) {
    return method -> byMethod.getOrDefault(method, List.of());
  }

  @Test
  void aTaskThatCallsAWriterThroughAnotherMethodStandsNamingTheWay() {
    ProjectCalls calls =
        calls(
            Map.of(
                RECORD, List.of(call(MAIN, true, null, "src/p/Main.java", 4), call(INSTALL, true, null, "src/p/Loader.java", 22)),
                INSTALL, List.of(call(null, true, "the task submitted at Loader.java:17", "src/p/Loader.java", 17))));
    assertEquals(
        "it is written in the task submitted at Loader.java:17, which calls Loader.install (Loader.java:17), then"
            + " Versions.record (Loader.java:22). Guard every access with one lock.",
        new WrittenByTaskElsewhere(List.of(RECORD), FIX).standing(calls));
  }

  @Test
  void callsOnlyFromCallersThreadsDoNotStand() {
    ProjectCalls calls = calls(Map.of(RECORD, List.of(call(MAIN, true, null, "src/p/Main.java", 4))));
    assertNull(new WrittenByTaskElsewhere(List.of(RECORD), FIX).standing(calls));
  }

  @Test
  void aTasksCallTheFrontEndDidNotResolveIsNoEvidence() {
    ProjectCalls calls =
        calls(Map.of(RECORD, List.of(call(null, false, "the task submitted at Loader.java:17", "src/p/Loader.java", 17))));
    assertNull(new WrittenByTaskElsewhere(List.of(RECORD), FIX).standing(calls));
  }

  @Test
  void callsTheFrontEndCannotListDoNotStand() {
    assertNull(new WrittenByTaskElsewhere(List.of(RECORD), FIX).standing(ProjectCalls.UNKNOWN));
  }

  @Test
  void aWalkThatWouldReadTooManyFilesGivesUp() {
    ProjectCalls calls =
        new ProjectCalls() {
          @Override
          public List<ProjectCall> callsOf(ProjectMethod method) {
            return method.equals(RECORD)
                ? List.of(call(null, true, "the task submitted at Loader.java:17", "src/p/Loader.java", 17))
                : List.of();
          }

          @Override
          public int filesToRead(ProjectMethod method) {
            return CallerChains.MAX_FILES + 1; // a name half the tree calls
          }
        };
    assertNull(new WrittenByTaskElsewhere(List.of(RECORD), FIX).standing(calls));
  }

  @Test
  void theWalkStopsAfterItsBoundAndACycleEndsIt() {
    Map<ProjectMethod, List<ProjectCall>> byMethod = new HashMap<>();
    List<ProjectMethod> chain = new ArrayList<>();
    for (int i = 0; i <= CallerChains.MAX_METHODS; i++) {
      chain.add(method("p.Step" + i, "step", 0));
    }
    for (int i = 0; i < chain.size() - 1; i++) {
      byMethod.put(chain.get(i), List.of(call(chain.get(i + 1), true, null, "src/p/Step.java", i)));
    }
    byMethod.put(
        chain.get(chain.size() - 1),
        List.of(call(null, true, "the task submitted at Far.java:1", "src/p/Far.java", 1)));
    assertNull(new WrittenByTaskElsewhere(List.of(chain.get(0)), FIX).standing(calls(byMethod)));
    byMethod.put(chain.get(1), List.of(call(chain.get(0), true, null, "src/p/Step.java", 9)));
    assertNull(new WrittenByTaskElsewhere(List.of(chain.get(0)), FIX).standing(calls(byMethod)));
  }
}

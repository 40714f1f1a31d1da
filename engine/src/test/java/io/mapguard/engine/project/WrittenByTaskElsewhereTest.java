package io.mapguard.engine.project;

import static io.mapguard.engine.project.ProjectCall.Target.RESOLVED;
import static io.mapguard.engine.project.ProjectCall.Target.SUPERTYPE;
import static io.mapguard.engine.project.ProjectCall.Target.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.model.ThreadRoot;
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

  private static final ProjectMethod LOOKUP = method("p.Versions", "lookup", 1);
  private static final String LOOP = ThreadRoot.sharedExecutor("p.EventLoop", "LOOP");

  private static ProjectCall call(ProjectMethod caller, ProjectCall.Target target, String thread, String file, int line) {
    return call(caller, target, thread, null, file, line);
  }

  /** A resolved call in a task handed to the single-thread executor {@code executor}. */
  private static ProjectCall onExecutor(ProjectMethod caller, String thread, String executor, String file, int line) {
    return call(caller, RESOLVED, thread, executor, file, line);
  }

  private static ProjectCall call(
      ProjectMethod caller, ProjectCall.Target target, String thread, String executor, String file, int line) {
    return new ProjectCall(
        caller, false, ResultUse.DISCARDED, file, line, false, false, Set.of(), target, Set.of(), thread, Set.of(),
        false, null, executor, null);
  }

  /** The condition for a map only {@code writer} uses. */
  private static WrittenByTaskElsewhere writtenBy(ProjectMethod writer) {
    return new WrittenByTaskElsewhere(List.of(writer), List.of(writer), List.of(), FIX);
  }

  private static ProjectCalls calls(Map<ProjectMethod, List<ProjectCall>> byMethod) {
    return method -> byMethod.getOrDefault(method, List.of());
  }

  @Test
  void aTaskThatCallsAWriterThroughAnotherMethodStandsNamingTheWay() {
    ProjectCalls calls =
        calls(
            Map.of(
                RECORD, List.of(call(MAIN, RESOLVED, null, "src/p/Main.java", 4), call(INSTALL, RESOLVED, null, "src/p/Loader.java", 22)),
                INSTALL, List.of(call(null, RESOLVED, "the task submitted at Loader.java:17", "src/p/Loader.java", 17))));
    assertEquals(
        "it is written in the task submitted at Loader.java:17, which calls Loader.install (Loader.java:17), then"
            + " Versions.record (Loader.java:22). Guard every access with one lock.",
        writtenBy(RECORD).standing(calls));
  }

  @Test
  void callsOnlyFromCallersThreadsDoNotStand() {
    ProjectCalls calls = calls(Map.of(RECORD, List.of(call(MAIN, RESOLVED, null, "src/p/Main.java", 4))));
    assertNull(writtenBy(RECORD).standing(calls));
  }

  @Test
  void aTasksCallTheFrontEndDidNotResolveIsNoEvidence() {
    ProjectCalls calls =
        calls(Map.of(RECORD, List.of(call(null, UNKNOWN, "the task submitted at Loader.java:17", "src/p/Loader.java", 17))));
    assertNull(writtenBy(RECORD).standing(calls));
  }

  @Test
  void aTasksCallOfASupertypesMethodTheWriterOverridesStandsNamingTheWay() {
    // a hook: the task starts a component through its interface, whose template method runs the
    // class's override
    ProjectMethod initHook = new ProjectMethod(List.of("p.Context", "p.Component", "java.lang.Object"), "init", 0);
    ProjectMethod start = method("p.Component", "start", 0);
    ProjectCalls calls =
        calls(
            Map.of(
                RECORD, List.of(call(initHook, RESOLVED, null, "src/p/Context.java", 8)),
                initHook, List.of(call(start, SUPERTYPE, null, "src/p/Component.java", 5)),
                start, List.of(call(null, SUPERTYPE, "the task submitted at Host.java:12", "src/p/Host.java", 12))));
    assertEquals(
        "it is written in the task submitted at Host.java:12, which calls Component.start (Host.java:12), then"
            + " Context.init (Component.java:5), then Versions.record (Context.java:8). Guard every access with one lock.",
        writtenBy(RECORD).standing(calls));
  }

  @Test
  void callsTheFrontEndCannotListDoNotStand() {
    assertNull(writtenBy(RECORD).standing(ProjectCalls.UNKNOWN));
  }

  @Test
  void aWalkThatWouldReadTooManyFilesGivesUp() {
    ProjectCalls calls =
        new ProjectCalls() {
          @Override
          public List<ProjectCall> callsOf(ProjectMethod method) {
            return method.equals(RECORD)
                ? List.of(call(null, RESOLVED, "the task submitted at Loader.java:17", "src/p/Loader.java", 17))
                : List.of();
          }

          @Override
          public int filesToRead(ProjectMethod method) {
            return CallerChains.MAX_FILES + 1; // a name half the tree calls
          }
        };
    assertNull(writtenBy(RECORD).standing(calls));
  }

  @Test
  void theWalkStopsAfterItsBoundAndACycleEndsIt() {
    Map<ProjectMethod, List<ProjectCall>> byMethod = new HashMap<>();
    List<ProjectMethod> chain = new ArrayList<>();
    for (int i = 0; i <= CallerChains.MAX_METHODS; i++) {
      chain.add(method("p.Step" + i, "step", 0));
    }
    for (int i = 0; i < chain.size() - 1; i++) {
      byMethod.put(chain.get(i), List.of(call(chain.get(i + 1), RESOLVED, null, "src/p/Step.java", i)));
    }
    byMethod.put(
        chain.get(chain.size() - 1),
        List.of(call(null, RESOLVED, "the task submitted at Far.java:1", "src/p/Far.java", 1)));
    assertNull(writtenBy(chain.get(0)).standing(calls(byMethod)));
    byMethod.put(chain.get(1), List.of(call(chain.get(0), RESOLVED, null, "src/p/Step.java", 9)));
    assertNull(writtenBy(chain.get(0)).standing(calls(byMethod)));
  }

  @Test
  void tasksOfOneStaticSingleThreadExecutorUsingTheMapInEveryClassDoNotStand() {
    ProjectCalls calls =
        calls(
            Map.of(
                RECORD, List.of(onExecutor(null, "the task submitted at Loader.java:17", LOOP, "src/p/Loader.java", 17)),
                LOOKUP, List.of(onExecutor(null, "the task submitted at Viewer.java:8", LOOP, "src/p/Viewer.java", 8))));
    WrittenByTaskElsewhere condition =
        new WrittenByTaskElsewhere(List.of(RECORD), List.of(RECORD, LOOKUP), List.of(), FIX);
    assertNull(condition.standing(calls));
  }

  @Test
  void aUseOffThatExecutorStandsNamingIt() {
    String loaderTask = "the task submitted at Loader.java:17";
    ProjectCall write = onExecutor(null, loaderTask, LOOP, "src/p/Loader.java", 17);
    String written =
        "it is written in " + loaderTask + ", which calls Versions.record (Loader.java:17); the tasks of EventLoop.LOOP"
            + " run one at a time, but ";
    assertEquals(
        written + "Versions.lookup reads it on its callers' threads. " + FIX,
        new WrittenByTaskElsewhere(List.of(RECORD), List.of(RECORD, LOOKUP), List.of(LOOKUP), FIX)
            .standing(calls(Map.of(RECORD, List.of(write)))));
    WrittenByTaskElsewhere condition =
        new WrittenByTaskElsewhere(List.of(RECORD), List.of(RECORD, LOOKUP), List.of(), FIX);
    Map<ProjectMethod, List<ProjectCall>> byMethod = new HashMap<>(Map.of(RECORD, List.of(write)));
    byMethod.put(
        LOOKUP, List.of(onExecutor(null, "the task submitted at Viewer.java:8", "p.Viewer#serial", "src/p/Viewer.java", 8)));
    assertEquals(
        written + "Viewer.java:8, in the task submitted at Viewer.java:8, leads to Versions.lookup, which reads it. " + FIX,
        condition.standing(calls(byMethod)));
    byMethod.put(LOOKUP, List.of(call(MAIN, RESOLVED, null, "src/p/Main.java", 4)));
    assertNull(condition.standing(calls(byMethod))); // a method nothing calls: no other thread
    byMethod.put(MAIN, List.of(new ProjectCall(null, true, ResultUse.DISCARDED, "src/p/Boot.java", 3)));
    assertEquals(
        written + "Boot.java:3, on its callers' threads, leads to Versions.lookup, which reads it. " + FIX,
        condition.standing(calls(byMethod)));
    assertEquals(
        written + "Versions.lookup reads it where the calls cannot all be listed. " + FIX,
        condition.standing(method -> method.equals(RECORD) ? List.of(write) : null));
  }

  @Test
  void aReaderTooManyFilesMayCallIsTakenForOneCalledAnywhere() {
    ProjectCall write = onExecutor(null, "the task submitted at Loader.java:17", LOOP, "src/p/Loader.java", 17);
    ProjectCalls calls =
        new ProjectCalls() {
          @Override
          public List<ProjectCall> callsOf(ProjectMethod method) {
            return method.equals(RECORD) ? List.of(write) : List.of();
          }

          @Override
          public int filesToRead(ProjectMethod method) {
            return method.equals(LOOKUP) ? CallerChains.MAX_FILES + 1 : 1;
          }
        };
    String standing =
        new WrittenByTaskElsewhere(List.of(RECORD), List.of(RECORD, LOOKUP), List.of(), FIX).standing(calls);
    assertTrue(standing != null && standing.contains("Versions.lookup reads it where the calls cannot all be listed"), standing);
  }

  @Test
  void anInstanceFieldsSingleThreadExecutorIsOnePerObjectAndStands() {
    String serial = "p.Loader#serial"; // two loaders, two threads
    ProjectCalls calls =
        calls(Map.of(RECORD, List.of(onExecutor(null, "the task submitted at Loader.java:17", serial, "src/p/Loader.java", 17))));
    assertEquals(
        "it is written in the task submitted at Loader.java:17, which calls Versions.record (Loader.java:17). " + FIX,
        writtenBy(RECORD).standing(calls));
  }
}

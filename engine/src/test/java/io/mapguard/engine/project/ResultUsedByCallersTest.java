package io.mapguard.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whether a caller in the project uses what a getter returns in a given way, with hand-written calls. */
class ResultUsedByCallersTest {
  private static final ProjectMethod TAGS_OF = method("p.Sessions", "tagsOf", 1);
  private static final ProjectMethod CURRENT_TAGS = method("p.Requests", "currentTags", 0);
  private static final ProjectMethod TAG = method("p.Tagger", "tag", 2);
  private static final ResultUsedByCallers CONDITION =
      new ResultUsedByCallers(
          TAGS_OF,
          Map.of("add", " changes it (add)", "remove", " changes it (remove)", "clear", " changes it (clear)"),
          " with no lock held: two threads that get one key's value change it at once.",
          "Store thread-safe values.");

  private static ProjectMethod method(String owner, String name, int arity) {
    return new ProjectMethod(List.of(owner, "java.lang.Object"), name, arity);
  }

  private static ProjectCall call(
      ProjectMethod caller, ResultUse use, boolean resolved, Set<String> resultUses, String file, int line) {
    return new ProjectCall(
        caller, false, use, file, line, false, false, Set.of(), resolved ? ProjectCall.Target.RESOLVED : ProjectCall.Target.UNKNOWN, Set.of(), null, resultUses, false, null, null, null);
  }

  private static ProjectCalls calls(Map<ProjectMethod, List<ProjectCall>> byMethod) {
    return method -> byMethod.getOrDefault(method, List.of());
  }

  @Test
  void aResolvedCallerThatChangesTheResultStandsNamingIt() {
    ProjectCalls calls =
        calls(Map.of(TAGS_OF, List.of(call(TAG, ResultUse.OTHER, true, Set.of("contains", "add"), "src/p/Tagger.java", 9))));
    assertEquals(
        "Tagger.tag (Tagger.java:9) changes it (add) with no lock held: two threads that get one key's value change"
            + " it at once. Store thread-safe values.",
        CONDITION.standing(calls));
  }

  @Test
  void readsAndCallsNotResolvedToTheGetterDoNotStand() {
    ProjectCalls calls =
        calls(
            Map.of(
                TAGS_OF,
                List.of(
                    call(TAG, ResultUse.OTHER, true, Set.of("contains", "size"), "src/p/Tagger.java", 9),
                    call(TAG, ResultUse.OTHER, false, Set.of("add"), "src/p/Tagger.java", 12))));
    assertNull(CONDITION.standing(calls));
  }

  @Test
  void aMethodThatReturnsTheValueOnHandsTheQuestionToItsCallers() {
    ProjectCalls calls =
        calls(
            Map.of(
                TAGS_OF, List.of(call(CURRENT_TAGS, ResultUse.RETURNED, true, Set.of(), "src/p/Requests.java", 20)),
                CURRENT_TAGS, List.of(call(TAG, ResultUse.OTHER, true, Set.of("clear"), "src/p/Tagger.java", 31))));
    assertEquals(
        "Tagger.tag (Tagger.java:31) changes it (clear) with no lock held: two threads that get one key's value"
            + " change it at once. Store thread-safe values.",
        CONDITION.standing(calls));
  }

  @Test
  void callsThatCannotBeListedDoNotStand() {
    assertNull(CONDITION.standing(ProjectCalls.UNKNOWN));
  }
}

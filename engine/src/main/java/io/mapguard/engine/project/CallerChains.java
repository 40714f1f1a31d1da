package io.mapguard.engine.project;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The walk the conditions about a method's callers share: from the method up through the callers
 * that pass the question on to their own callers, until a call settles it.
 */
final class CallerChains {
  private CallerChains() {}

  /** What one call means for the question. */
  enum Step {
    /** It keeps the finding from standing (it holds the lock, throws the map away…). */
    SAFE,
    /**
     * Its caller's own callers decide (the caller returns the map, or calls on its own object): a
     * call from code whose callers are not all known makes the finding stand.
     */
    FOLLOW,
    /** It makes the finding stand. */
    STANDS
  }

  /** Stands for "the front end could not list the calls". */
  static final ProjectCall UNANSWERED = new ProjectCall(null, true, ResultUse.OTHER, "", 0);

  /**
   * The first call, up from {@code method}, that makes the finding stand; {@link #UNANSWERED} when
   * the calls of a method on the way cannot be listed; null when every call is safe.
   */
  static ProjectCall firstStanding(ProjectCalls calls, ProjectMethod method, Function<ProjectCall, Step> step) {
    Deque<ProjectMethod> reached = new ArrayDeque<>(List.of(method));
    Set<ProjectMethod> seen = new HashSet<>(reached);
    while (!reached.isEmpty()) {
      List<ProjectCall> callers = calls.callsOf(reached.pop());
      if (callers == null) {
        return UNANSWERED;
      }
      for (ProjectCall call : callers) {
        switch (step.apply(call)) {
          case SAFE:
            break;
          case FOLLOW:
            if (call.caller() == null || call.callerOpen()) {
              return call;
            }
            if (seen.add(call.caller())) {
              reached.push(call.caller());
            }
            break;
          default:
            return call;
        }
      }
    }
    return null;
  }
}

package io.mapguard.engine.project;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A guarded map returned from a method whose callers are all in the project: the map escapes its
 * lock only when some caller, directly or through methods that return it on, uses it without the
 * lock. A caller that takes the map's own monitor around every use of it ({@code synchronized (m)},
 * when the map is its own guard) or throws the result away keeps it guarded; so does the absence of
 * any caller (a getter only tests use).
 *
 * @param method the method that returns the map
 * @param guardIsTheMap whether the guard is the map's own monitor, which a caller's
 *     {@code synchronized (map)} takes
 */
public record ReturnedPastGuard(ProjectMethod method, boolean guardIsTheMap) implements ProjectCondition {
  @Override
  public String standing(ProjectCalls calls) {
    ProjectCall use = firstUnguardedUse(calls);
    if (use == null) {
      return null;
    }
    if (use == UNANSWERED) {
      return "";
    }
    if (use.caller() != null && use.use() == ResultUse.RETURNED) {
      return "It is handed on by " + use.caller().display() + " (" + use.place() + "), which code outside the project can call.";
    }
    String where = use.caller() != null ? "by " + use.caller().display() + " (" + use.place() + ")" : "at " + use.place();
    return use.use() == ResultUse.LOCKED
        ? "It is used holding the map's own monitor, which is not its guard, " + where + "."
        : "It is used without the lock " + where + ".";
  }

  /**
   * The first call found that takes the map past its lock, or null when every caller keeps it
   * guarded. A call that lets code outside the project have it is such a call.
   */
  public ProjectCall firstUnguardedUse(ProjectCalls calls) {
    Deque<ProjectMethod> returning = new ArrayDeque<>(List.of(method));
    Set<ProjectMethod> seen = new HashSet<>(returning);
    while (!returning.isEmpty()) {
      List<ProjectCall> callers = calls.callsOf(returning.pop());
      if (callers == null) {
        return UNANSWERED;
      }
      for (ProjectCall call : callers) {
        switch (call.use()) {
          case DISCARDED:
            break;
          case LOCKED:
            if (!guardIsTheMap) {
              return call;
            }
            break;
          case RETURNED:
            if (call.caller() == null || call.callerOpen()) {
              return call;
            }
            if (seen.add(call.caller())) {
              returning.push(call.caller());
            }
            break;
          default:
            return call;
        }
      }
    }
    return null;
  }

  /** Stands for "the front end could not list the calls": the finding stays. */
  private static final ProjectCall UNANSWERED = new ProjectCall(null, true, ResultUse.OTHER, "", 0);
}

package io.mapguard.engine.project;

import java.util.Objects;

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

  /**
   * Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why (conditions key the
   * tables that decide each once); the generated hash's value.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof ReturnedPastGuard that
            && Objects.equals(method, that.method)
            && guardIsTheMap == that.guardIsTheMap;
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(method) + Boolean.hashCode(guardIsTheMap);
  }

  @Override
  public String standing(ProjectCalls calls) {
    ProjectCall use = CallerChains.firstStanding(calls, method, this::step);
    if (use == null) {
      return null;
    }
    if (use == CallerChains.UNANSWERED) {
      return "";
    }
    if (use.caller() != null && use.use() == ResultUse.RETURNED) {
      return "It is handed on by " + use.who() + ", which code outside the project can call.";
    }
    String where = (use.caller() != null ? "by " : "at ") + use.who();
    return use.use() == ResultUse.LOCKED
        ? "It is used holding the map's own monitor, which is not its guard, " + where + "."
        : "It is used without the lock " + where + ".";
  }

  /**
   * A caller that throws the map away, or locks it when it is its own guard, keeps it guarded; one
   * that returns it hands the question to its own callers; any other use takes it past its lock.
   */
  private CallerChains.Step step(ProjectCall call) {
    switch (call.use()) {
      case DISCARDED:
        return CallerChains.Step.SAFE;
      case LOCKED:
        return guardIsTheMap ? CallerChains.Step.SAFE : CallerChains.Step.STANDS;
      case RETURNED:
        return CallerChains.Step.FOLLOW;
      default:
        return CallerChains.Step.STANDS;
    }
  }
}

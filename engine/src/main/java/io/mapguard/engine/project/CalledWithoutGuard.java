package io.mapguard.engine.project;

import java.util.Objects;

/**
 * An access that misses its guard in a method whose callers are all in the project: it races only
 * when some call reaches the method without the guard. A call holds it when the guard's monitor is
 * held around the call (the receiver's monitor for {@code this}, the class's for {@code Foo.class}),
 * or when the call is made in a method of the same kind whose own callers all hold it ({@code this}
 * passes on only through calls on the caller's own object). A method nothing in the project calls
 * is never run concurrently with its class's other code by the project.
 *
 * @param method the method the access is in
 * @param classLock the simple name of the class whose {@code .class} monitor is the guard, or null
 *     when the guard is {@code this}
 * @param guard the guard as messages name it
 */
public record CalledWithoutGuard(ProjectMethod method, String classLock, String guard) implements ProjectCondition {

  /**
   * Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why (conditions key the
   * tables that decide each once); the generated hash's value.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof CalledWithoutGuard that
            && Objects.equals(method, that.method)
            && Objects.equals(classLock, that.classLock)
            && Objects.equals(guard, that.guard);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Objects.hashCode(method) + Objects.hashCode(classLock)) + Objects.hashCode(guard);
  }

  @Override
  public String standing(ProjectCalls calls) {
    ProjectCall call = CallerChains.firstStanding(calls, method, this::step);
    if (call == CallerChains.UNANSWERED) {
      return "";
    }
    return call == null ? null : "It is reached without '" + guard + "' from " + call.who() + ".";
  }

  @Override
  public String whenListed() {
    return "unless every caller holds '" + guard + "'";
  }

  /**
   * A call that holds the guard is safe; one that does not passes the question to its caller's
   * callers when the guard would pass with it (a class's monitor always, {@code this} only for a
   * call on the caller's own object); else the access is reached without the guard.
   */
  private CallerChains.Step step(ProjectCall call) {
    boolean holds = classLock == null ? call.receiverMonitorHeld() : call.classMonitorsHeld().contains(classLock);
    if (holds) {
      return CallerChains.Step.SAFE;
    }
    return classLock != null || call.receiverIsThis() ? CallerChains.Step.FOLLOW : CallerChains.Step.STANDS;
  }
}

package io.mapguard.engine.knowledge;

import java.util.List;

/**
 * Code that runs once no other code can use an object, so that what it does to the object's maps
 * races with nothing: the action a {@link java.lang.ref.Cleaner} runs when the object it was
 * registered for has become phantom reachable, and a finalizer ({@code finalize()}). Front ends
 * give such a method the constructor's role (the analysis leaves it out of the object's concurrent
 * life). An action whose {@code Cleanable} is kept may be run early by {@code clean()}, on any
 * thread, while others still use the object: only a registration whose result is thrown away
 * counts.
 */
public final class TeardownMethods {
  /**
   * A call that registers a cleaning action for an object.
   *
   * @param action the position of the action among the call's arguments
   */
  public record Registration(MethodRef method, int action) {}

  public static final List<Registration> REGISTRATIONS =
      List.of(new Registration(new MethodRef("java.lang.ref.Cleaner", "register"), 1));

  /** The method a registered action object runs: {@code Runnable.run()}. */
  public static final String ACTION_METHOD = "run";

  /** The method the garbage collector runs once the object is unreachable. */
  public static final String FINALIZER = "finalize";

  private TeardownMethods() {}

  /** Whether a call of this name may be a registration: the callee is resolved only then. */
  public static boolean mayRegister(String name) {
    for (Registration registration : REGISTRATIONS) {
      if (registration.method().name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}

package io.mapguard.engine.project;

import java.util.List;
import java.util.Objects;

/**
 * A parameter with no {@code @Nullable} reaching a map that rejects null: it is null where a caller
 * passes null. The finding stands when a call of the project that resolves to the method passes the
 * literal {@code null} there, and names it. Unlike the other conditions this one adds a finding the
 * class alone would not make: when the project's calls cannot be listed, it does not stand.
 *
 * @param method the method whose parameter it is
 * @param parameter its position
 */
public record NullPassedByCaller(ProjectMethod method, int parameter) implements ProjectCondition {

  /**
   * Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why (conditions key the
   * tables that decide each once); the generated hash's value.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof NullPassedByCaller that
            && Objects.equals(method, that.method)
            && parameter == that.parameter;
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(method) + parameter;
  }

  @Override
  public String standing(ProjectCalls calls) {
    List<ProjectCall> callers = method == null ? null : calls.callsPassingNull(method, parameter);
    if (callers == null) {
      return null;
    }
    for (ProjectCall call : callers) {
      if (call.resolved() && call.nullArguments().contains(parameter)) {
        String who = call.who();
        return who.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + who.substring(1) + " passes null for it.";
      }
    }
    return null;
  }
}

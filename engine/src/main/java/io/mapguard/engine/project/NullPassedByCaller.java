package io.mapguard.engine.project;

import java.util.List;

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

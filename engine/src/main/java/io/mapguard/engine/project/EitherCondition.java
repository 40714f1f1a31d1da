package io.mapguard.engine.project;

import java.util.Objects;

/**
 * A finding that stands on either of two conditions, the first asked first: one access of a map
 * that two kinds of evidence from other classes may show shared is reported once, with the reason
 * of the first that holds.
 */
public record EitherCondition(ProjectCondition first, ProjectCondition second) implements ProjectCondition {

  /**
   * Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why (conditions key the
   * tables that decide each once); the generated hash's value.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof EitherCondition that
            && Objects.equals(first, that.first)
            && Objects.equals(second, that.second);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(first) + Objects.hashCode(second);
  }

  @Override
  public String standing(ProjectCalls calls) {
    String reason = first.standing(calls);
    return reason != null ? reason : second.standing(calls);
  }

  /** Both conditions as one; {@code first} alone when {@code second} is null, and the other way. */
  public static ProjectCondition of(ProjectCondition first, ProjectCondition second) {
    return first == null ? second : second == null ? first : new EitherCondition(first, second);
  }
}

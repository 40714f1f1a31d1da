package io.mapguard.engine.project;

/**
 * What must be true of the rest of the project for a finding to stand. The per-class analysis
 * reports a finding with the condition; the front end decides it once it can see every class
 * ({@link io.mapguard.engine.Analyzer#decide}).
 */
public interface ProjectCondition {
  /**
   * Null when the project's calls show the finding does not stand; else what its message gains,
   * the place in another class that makes it stand (may be empty). When {@code calls} cannot
   * answer, the finding stands.
   */
  String standing(ProjectCalls calls);

  /**
   * What a race's message says of an access that stands on this condition when it lists it among
   * the accesses of a race that stands on its own ({@link io.mapguard.engine.rules.FindingSink}):
   * after its verb, "line 6 (written, unless …)".
   */
  default String whenListed() {
    return "if other classes reach it concurrently";
  }
}

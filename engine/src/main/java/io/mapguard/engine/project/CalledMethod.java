package io.mapguard.engine.project;

import java.util.function.Supplier;

/**
 * A non-private method of a class as other classes call it, and whether the project holds all of its
 * calls (see {@link io.mapguard.engine.extract.ProjectCallShapes#open}), worked out only when a rule
 * asks: it can take the front end's type solver.
 */
public final class CalledMethod {
  private final ProjectMethod method;
  private final Supplier<Boolean> callsAllInProject;

  /** @param callsAllInProject asked at most once (the front end memoizes it) */
  public CalledMethod(ProjectMethod method, Supplier<Boolean> callsAllInProject) {
    this.method = method;
    this.callsAllInProject = callsAllInProject;
  }

  public ProjectMethod method() {
    return method;
  }

  /** Whether no code outside the project may call it: then the project's calls decide about it. */
  public boolean callsAllInProject() {
    return callsAllInProject.get();
  }
}

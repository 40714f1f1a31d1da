package io.mapguard.engine.project;

/**
 * A call somewhere in the project that may run a given method, and what its caller does with the
 * result.
 *
 * @param caller the method the call is written in; null when the call is in a lambda, an
 *     initializer, an anonymous or local class: code whose callers are not followed
 * @param callerOpen whether code outside the project may call {@code caller} (see {@link
 *     io.mapguard.engine.extract.ProjectCallShapes#open}), so its callers are not all known
 * @param file the caller's file as the front end names it
 */
public record ProjectCall(ProjectMethod caller, boolean callerOpen, ResultUse use, String file, int line) {

  /** {@code ZooKeeper.java:335}: the caller's place, for messages. */
  public String place() {
    return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1) + ":" + line;
  }
}

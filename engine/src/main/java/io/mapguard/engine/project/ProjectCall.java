package io.mapguard.engine.project;

import io.mapguard.engine.knowledge.TaskClasses;

/**
 * A call somewhere in the project that may run a given method, and what its caller does with the
 * result.
 *
 * @param caller the method the call is written in; null when the call is in a lambda, an
 *     initializer, an anonymous or local class: code whose callers are not followed
 * @param callerOpen whether code outside the project may call {@code caller} (see {@link
 *     io.mapguard.engine.extract.ProjectCallShapes#open}), so its callers are not all known
 * @param file the caller's file as the front end names it
 * @param receiverIsThis the call is made on the caller's own object ({@code m()}, {@code this.m()})
 * @param receiverMonitorHeld the monitor of the object the call is made on is held at the call: a
 *     {@code synchronized} block on the receiver, or a synchronized method calling on {@code this}
 * @param classMonitorsHeld the simple names of the classes whose {@code Foo.class} monitor is held
 *     at the call (a {@code synchronized (Foo.class)} block, a static synchronized method of Foo)
 * @param target what the front end resolved the call to: the method itself ({@link
 *     Target#RESOLVED}), a method of a supertype it overrides ({@link Target#SUPERTYPE}), or nothing
 *     ({@link Target#UNKNOWN}: it may be another method of the name)
 * @param nullArguments the positions of the arguments that are the literal {@code null}
 * @param thread the task the call is written in, when it runs on a thread of its own ("the task
 *     submitted at Worker.java:30"): a lambda, method reference or anonymous class handed to a
 *     thread-start API, or the {@code run()} of a thread class; null when it runs on its caller's
 *     thread or the front end cannot tell
 * @param resultUses what the caller does to the result with no monitor held (see {@link
 *     CallSite#resultUses})
 * @param callerMonitorHeld the monitor of the caller's own object is held at the call ({@code
 *     synchronized (this)}, a synchronized method), whatever the call is made on
 * @param receiverField the field the call is made on (see {@link CallSite#receiverField}), or null
 * @param serialExecutor the single-thread executor field the call's task runs on (see {@link
 *     CallSite#serialExecutor}), or null
 * @param copies why the call's task runs as several copies at once (see {@link CallSite#copies}),
 *     or null
 */
public record ProjectCall(
    ProjectMethod caller,
    boolean callerOpen,
    ResultUse use,
    String file,
    int line,
    boolean receiverIsThis,
    boolean receiverMonitorHeld,
    java.util.Set<String> classMonitorsHeld,
    Target target,
    java.util.Set<Integer> nullArguments,
    String thread,
    java.util.Set<String> resultUses,
    boolean callerMonitorHeld,
    String receiverField,
    String serialExecutor,
    String copies) {

  /**
   * Whether the call's method may also run on threads of code outside the project, whatever task
   * the call records: its caller is open ({@link #callerOpen}), not a constructor, and not the task
   * method of a thread class ({@code run()}, {@code call()}…), which its own thread runs.
   */
  public boolean alsoOnCallersThreads() {
    return caller != null
        && callerOpen
        && !caller.isConstructor()
        && !(caller.arity() == 0 && TaskClasses.TASK_METHOD_NAMES.contains(caller.name()));
  }

  /** A call about whose locks, arguments and thread nothing is said. */
  public ProjectCall(ProjectMethod caller, boolean callerOpen, ResultUse use, String file, int line) {
    this(caller, callerOpen, use, file, line, false, false, java.util.Set.of(), Target.UNKNOWN, java.util.Set.of(),
        null, java.util.Set.of(), false, null, null, null);
  }

  /** What a call was resolved to, for the method it is listed as a call of. */
  public enum Target {
    /** The method: the receiver's type is the method's class or a subtype. */
    RESOLVED,
    /**
     * A method of a supertype the method overrides (an interface's, an abstract hook's): the call
     * runs this method's body when its object is of the method's class, which the call alone does
     * not tell.
     */
    SUPERTYPE,
    /** Nothing the front end could type: it may be any method of the name. */
    UNKNOWN
  }

  /** Whether the front end resolved the call to the method itself ({@link Target#RESOLVED}). */
  public boolean resolved() {
    return target == Target.RESOLVED;
  }

  /**
   * Whether the call runs the method's body on an object of the method's class: resolved to it, or
   * to a supertype's method it overrides ({@link Target#SUPERTYPE}).
   */
  public boolean mayDispatchToMethod() {
    return target != Target.UNKNOWN;
  }

  /**
   * Whether this call and {@code other} run in tasks of one single-thread executor: one at a time,
   * never at once, whichever tasks they are.
   */
  public boolean onOneSerialExecutorWith(ProjectCall other) {
    return onSerialExecutor(other.serialExecutor);
  }

  /** Whether this call runs in a task of the single-thread executor field {@code executor} (null: none). */
  public boolean onSerialExecutor(String executor) {
    return serialExecutor != null && serialExecutor.equals(executor);
  }

  /**
   * The call as messages name it: {@code Reporter.count (Reporter.java:14)}, or its place alone when
   * it is in no method ({@code Dashboard.java:10}).
   */
  public String who() {
    return caller == null ? place() : caller.display() + " (" + place() + ")";
  }

  /** {@code ZooKeeper.java:335}: the caller's place, for messages. */
  public String place() {
    return fileName(file) + ":" + line;
  }

  /** The name of the file at {@code path}, without its directories: {@code ZooKeeper.java}. */
  public static String fileName(String path) {
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  }
}

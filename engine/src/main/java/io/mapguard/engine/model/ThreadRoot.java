package io.mapguard.engine.model;

import java.util.Objects;

/**
 * Where code runs. {@link Kind#CALLER}: any thread calling a non-private method. {@link Kind#TASK}:
 * code handed to a thread-start API at {@code line}. {@link Kind#CONSTRUCTION}: constructors and
 * initializers, before {@code this} is shared.
 *
 * @param description how the task is started, e.g. "the task submitted" or "the thread created"
 * @param executor canonical name of the executor field the task goes to, or null: as the class names
 *     it ({@code serial}, {@code Other.POOL}), except a single-thread executor kept in a {@code
 *     static} field, which every class names alike ({@link #sharedExecutor})
 * @param singleThreadExecutor whether that executor runs one task at a time
 * @param pooled whether the task goes, one per start call ({@code submit}, {@code execute}), to an
 *     executor field made with several threads: when its starter runs again before it ends, the
 *     copies run at once
 * @param repeated whether the task may run concurrently with itself (started in a loop, parallel stream)
 * @param startUnit id of the unit that starts the task, or -1
 * @param startOrder position of the start call inside that unit (same scale as {@link Access#order})
 * @param awaitFrom for an {@link #awaited} task: where the starter's own code starts running beside
 *     it: the start, or the loop around it that starts more; else -1
 * @param awaitOrder where the starting unit waits for the task to end ({@code future.get()}, {@code
 *     thread.join()}, the end of {@code invokeAll} or of a parallel stream's terminal operation), on
 *     every path that goes on after the start; -1 when it does not: then the task may outlive it
 */
public record ThreadRoot(
    Kind kind,
    int line,
    String description,
    String executor,
    boolean singleThreadExecutor,
    boolean pooled,
    boolean repeated,
    int startUnit,
    int startOrder,
    int awaitFrom,
    int awaitOrder) {

  public ThreadRoot(
      Kind kind,
      int line,
      String description,
      String executor,
      boolean singleThreadExecutor,
      boolean repeated,
      int startUnit,
      int startOrder) {
    this(kind, line, description, executor, singleThreadExecutor, false, repeated, startUnit, startOrder, -1, -1);
  }

  /** How {@link #sharedExecutor} names begin. */
  public static final String SHARED_EXECUTOR_PREFIX = "static:";

  /**
   * {@code static:com.acme.EventLoop#LOOP}: the name of a single-thread executor that {@code owner}
   * keeps in a {@code static} field, the same in every class that hands it tasks: one executor for
   * the whole program, unlike one in an instance field (an executor per object).
   */
  public static String sharedExecutor(String owner, String field) {
    return SHARED_EXECUTOR_PREFIX + owner + "#" + field;
  }

  /** {@code EventLoop.LOOP} for {@code static:com.acme.EventLoop#LOOP}: a {@link #sharedExecutor} as messages name it. */
  public static String sharedExecutorDisplay(String executor) {
    String field = executor.substring(SHARED_EXECUTOR_PREFIX.length());
    String owner = field.substring(0, field.indexOf('#'));
    return owner.substring(owner.lastIndexOf('.') + 1) + "." + field.substring(field.indexOf('#') + 1);
  }

  /** Whether {@link #executor} is named by {@link #sharedExecutor}, not by the class alone. */
  public boolean onSharedExecutor() {
    return isSharedExecutor(executor);
  }

  /** Whether {@code executor} (null: none) is named by {@link #sharedExecutor}. */
  public static boolean isSharedExecutor(String executor) {
    return executor != null && executor.startsWith(SHARED_EXECUTOR_PREFIX);
  }

  public enum Kind {
    CALLER,
    TASK,
    CONSTRUCTION
  }

  public static final ThreadRoot CALLER =
      new ThreadRoot(Kind.CALLER, 0, "callers", null, false, false, -1, -1);
  public static final ThreadRoot CONSTRUCTION =
      new ThreadRoot(Kind.CONSTRUCTION, 0, "construction", null, false, false, -1, -1);

  /**
   * From the kind and the start's position only (equal roots hash alike): the analysis keys its
   * tables by root, and the record's own hash went through the strings too.
   */
  @Override
  public int hashCode() {
    return ((kind.ordinal() * 31 + line) * 31 + startUnit) * 31 + startOrder;
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof ThreadRoot that
            && kind == that.kind
            && line == that.line
            && startUnit == that.startUnit
            && startOrder == that.startOrder
            && awaitFrom == that.awaitFrom
            && awaitOrder == that.awaitOrder
            && singleThreadExecutor == that.singleThreadExecutor
            && pooled == that.pooled
            && repeated == that.repeated
            && Objects.equals(description, that.description)
            && Objects.equals(executor, that.executor);
  }

  public boolean isTask() {
    return kind == Kind.TASK;
  }

  /**
   * A task its starter waits for before going on: it runs inside the starter's call, while the
   * starter holds the locks it held at the start, so it is ordered with everything the starter is
   * ordered with; only several copies of it ({@link #repeated}) run at the same time.
   */
  public boolean awaited() {
    return kind == Kind.TASK && awaitOrder >= 0;
  }

  /** "the task submitted at line 30". */
  public String describe() {
    return kind == Kind.TASK ? description + " at line " + line : description;
  }
}

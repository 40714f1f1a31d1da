package io.mapguard.engine.model;

import java.util.Objects;

/**
 * Where code runs. {@link Kind#CALLER}: any thread calling a non-private method. {@link Kind#TASK}:
 * code handed to a thread-start API at {@code line}. {@link Kind#CONSTRUCTION}: constructors and
 * initializers, before {@code this} is shared.
 *
 * @param description how the task is started, e.g. "the task submitted" or "the thread created"
 * @param executor canonical name of the executor field the task goes to, or null
 * @param singleThreadExecutor whether that executor runs one task at a time
 * @param repeated whether the task may run concurrently with itself (started in a loop, parallel stream)
 * @param startUnit id of the unit that starts the task, or -1
 * @param startOrder position of the start call inside that unit (same scale as {@link Access#order})
 */
public record ThreadRoot(
    Kind kind,
    int line,
    String description,
    String executor,
    boolean singleThreadExecutor,
    boolean repeated,
    int startUnit,
    int startOrder) {

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
            && singleThreadExecutor == that.singleThreadExecutor
            && repeated == that.repeated
            && Objects.equals(description, that.description)
            && Objects.equals(executor, that.executor);
  }

  public boolean isTask() {
    return kind == Kind.TASK;
  }

  /** "the task submitted at line 30". */
  public String describe() {
    return kind == Kind.TASK ? description + " at line " + line : description;
  }
}

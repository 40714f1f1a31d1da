package io.mapguard.engine.analysis;

import io.mapguard.engine.model.LockRef;

/**
 * The lock that guards a field: declared with {@code @GuardedBy}, or inferred from where it is held.
 *
 * @param heldAt accesses after construction that hold it (inferred guards)
 * @param accesses accesses after construction in all
 * @param exampleLine a line where it is held
 * @param exampleHow how it is held there when the line does not show it ("inside expire(…), a
 *     synchronized method of the map's class"), else null
 */
public record Guard(LockRef lock, boolean declared, int heldAt, int accesses, int exampleLine, String exampleHow) {
  public Guard(LockRef lock, boolean declared, int heldAt, int accesses, int exampleLine) {
    this(lock, declared, heldAt, accesses, exampleLine, null);
  }

  public String display() {
    return lock.expression();
  }

  /** "it is guarded by 'lock' at 5 of 6 accesses (e.g. line 42)". */
  public String evidence() {
    if (declared) {
      return "it is declared @GuardedBy(\"" + lock.expression() + "\")";
    }
    return "it is guarded by '"
        + display()
        + "' at "
        + heldAt
        + " of "
        + accesses
        + " accesses (e.g. line "
        + exampleLine
        + (exampleHow == null ? "" : ", " + exampleHow)
        + ")";
  }
}

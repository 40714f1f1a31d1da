package io.mapguard.engine.project;

/** What a caller does with the value a call returns. */
public enum ResultUse {
  /** Returned from the calling method (through a conditional expression or a cast too). */
  RETURNED,
  /**
   * Kept in a local that is used only to take its monitor ({@code synchronized (m)}) and inside
   * that block.
   */
  LOCKED,
  /** Thrown away: the call is a statement of its own, or its local is never read. */
  DISCARDED,
  /** Anything else: passed on, stored, iterated, read without the lock. */
  OTHER
}

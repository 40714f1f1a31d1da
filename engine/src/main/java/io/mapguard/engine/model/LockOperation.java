package io.mapguard.engine.model;

/** What a call does to a lock: take it, maybe take it (tryLock), or release it. */
public record LockOperation(Kind kind, LockRef lock) {
  public enum Kind {
    ACQUIRE,
    TRY_ACQUIRE,
    RELEASE,
    /** {@code StampedLock.unlock(stamp)}: releases whichever mode is held. */
    RELEASE_ANY_MODE
  }
}

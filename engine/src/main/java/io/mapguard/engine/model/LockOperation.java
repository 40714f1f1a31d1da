package io.mapguard.engine.model;

/** What a call does to a lock: take it, maybe take it (tryLock), or release it. */
public record LockOperation(Kind kind, LockRef lock) {
  public enum Kind {
    ACQUIRE,
    TRY_ACQUIRE,
    RELEASE,
    /** {@code StampedLock.unlock(stamp)}: releases whichever mode is held. */
    RELEASE_ANY_MODE,
    /**
     * {@code StampedLock.tryWriteLock()}, {@code tryConvertToWriteLock(stamp)} and their read
     * counterparts: the stamp returned is not 0 exactly when the lock was taken in the mode. It is
     * held where the code has tested the stamp kept in a local against 0 ({@code if (ws != 0L)}).
     */
    TRY_STAMP
  }
}

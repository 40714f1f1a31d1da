package io.mapguard.javac;

import io.mapguard.engine.model.LockRef;

/** What a call does to a lock: take it, maybe take it (tryLock), or release it. */
record LockOperation(Kind kind, LockRef lock) {
  enum Kind {
    ACQUIRE,
    TRY_ACQUIRE,
    RELEASE,
    /** {@code StampedLock.unlock(stamp)}: releases whichever mode is held. */
    RELEASE_ANY_MODE
  }
}

package io.mapguard.engine.rules;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.LockRef;
import java.util.List;

/**
 * A write while only a read lock is held: readers share that lock, so the write races with them.
 * Needs no sharing evidence beyond the read lock itself.
 */
@RuleDefinition(
    name = "MapWriteUnderReadLock",
    summary =
        "A map is modified while only the read lock of a ReadWriteLock or StampedLock is held",
    brief =
        "a map mutation while only the read lock of a ReadWriteLock / StampedLock is held",
    order = 3,
    since = "0.1.0")
public final class MapWriteUnderReadLockCheck implements RuleCheck {
  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    for (FieldState state : analysis.fields()) {
      if (!state.kind().needsExternalLock() || state.field().threadConfined()) {
        continue;
      }
      for (ResolvedAccess access : state.afterConstruction()) {
        if (!writesUnderReadLock(access)) {
          continue;
        }
        LockRef readLock =
            access.locks().stream().filter(LockRef::isReadMode).findFirst().get();
        String writeLock =
            readLock.kind() == LockRef.Kind.STAMPED_LOCK
                ? readLock.expression() + ".writeLock()' stamp"
                : readLock.expression() + ".writeLock()'";
        boolean readThatWrites = access.access().readingWrite() != null;
        String message =
            "'"
                + state.field().name()
                + "' is "
                + (readThatWrites ? access.verb() : "written (" + access.access().method() + ")")
                + " while only the read lock of '"
                + readLock.expression()
                + "' is held; other readers hold the same read lock at the same time, so this write"
                + " races with them. Take '"
                + writeLock
                + (readThatWrites ? " here too: this read writes." : " for writes.");
        // No evidence: the message names no other line, and the facts say which locks are held at
        // an access, not where they were taken (a LockRef has no position), so the readLock() call
        // cannot be cited.
        sink.report(rule(), state.field(), access.access().site(), message, List.of(), List.of());
      }
    }
  }

  static boolean writesUnderReadLock(ResolvedAccess access) {
    if (access.effect() != Effect.WRITE) {
      return false;
    }
    boolean readLock = false;
    for (LockRef lock : access.locks()) {
      if (lock.isReadMode()) {
        readLock = true;
      } else {
        return false;
      }
    }
    return readLock;
  }
}

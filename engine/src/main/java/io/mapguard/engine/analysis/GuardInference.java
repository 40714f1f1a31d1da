package io.mapguard.engine.analysis;

import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.LockRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the lock held at the most accesses after construction and infers it as the guard when it is
 * held at one write or more and at {@link #MIN_SHARE} of the accesses or more.
 */
public final class GuardInference {
  /**
   * Share of accesses that must hold the candidate lock. At half, a field locked at 1 of 2 accesses is
   * reported as inconsistently locked (one of the two is wrong either way); below half, the lock
   * looks incidental and the field is reported as unsynchronized instead.
   */
  public static final double MIN_SHARE = 0.5;

  private GuardInference() {}

  public static Optional<Guard> infer(List<ResolvedAccess> accesses) {
    Map<String, Counts> byLock = new LinkedHashMap<>();
    for (ResolvedAccess access : accesses) {
      for (LockRef lock : access.locks()) {
        if (lock.isStriped()) {
          continue; // one lock per key: never the one lock of a map
        }
        Counts counts = byLock.computeIfAbsent(lock.expression(), k -> new Counts(lock));
        if (counts.lastCounted != access) {
          counts.lastCounted = access;
          counts.held++;
          counts.example(access, lock);
          if (access.effect() == Effect.WRITE) {
            counts.writes++;
          }
          if (!lock.isReadMode()) {
            counts.representative = lock;
          }
        }
      }
    }
    String field = accesses.isEmpty() ? null : accesses.get(0).access().field().name();
    Counts best = null;
    for (Counts counts : byLock.values()) {
      if (best == null || better(counts, best, field)) {
        best = counts;
      }
    }
    if (best == null || best.writes == 0 || best.held < MIN_SHARE * accesses.size()) {
      return Optional.empty();
    }
    return Optional.of(
        new Guard(best.representative, false, best.held, accesses.size(), best.firstLine, best.firstHow));
  }

  /**
   * Held at more accesses, then at more writes; between locks held at the same ones (nested
   * blocks), the map's own monitor, then the first by name: the same choice whatever order a front
   * end lists the locks held in.
   */
  private static boolean better(Counts candidate, Counts best, String field) {
    if (candidate.held != best.held) {
      return candidate.held > best.held;
    }
    if (candidate.writes != best.writes) {
      return candidate.writes > best.writes;
    }
    String name = candidate.representative.expression();
    String bestName = best.representative.expression();
    if (name.equals(field) != bestName.equals(field)) {
      return name.equals(field);
    }
    return name.compareTo(bestName) < 0;
  }

  private static final class Counts {
    LockRef representative;
    int held;
    int writes;
    int firstLine = Integer.MAX_VALUE;
    /** How the lock is held at {@link #firstLine} when the line does not show it, else null. */
    String firstHow;
    ResolvedAccess lastCounted;

    Counts(LockRef lock) {
      this.representative = lock;
    }

    /**
     * The example a message cites: the first line where the lock is taken in the class's own code,
     * else the first where a synchronized method of the map's class takes it, saying so.
     */
    void example(ResolvedAccess access, LockRef lock) {
      boolean inCallee =
          access.access().calleeMonitor() != null
              && access.access().calleeMonitor().sameLock(lock)
              && !access.heldInItsOwnCode(lock);
      boolean sameKind = (firstHow != null) == inCallee;
      boolean better =
          firstLine == Integer.MAX_VALUE
              || firstHow != null && !inCallee
              || sameKind && access.line() < firstLine;
      if (better) {
        firstLine = access.line();
        firstHow =
            inCallee ? "inside " + access.access().method() + "(…), a synchronized method of the map's class" : null;
      }
    }
  }
}

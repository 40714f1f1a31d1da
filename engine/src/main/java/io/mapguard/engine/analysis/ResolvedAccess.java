package io.mapguard.engine.analysis;

import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.ThreadRoot;
import java.util.Set;

/**
 * An access with its unit's context applied: every lock held and every root it runs on.
 *
 * @param locks every lock held while the access runs, those a starter waiting for its task holds
 *     included: they keep out every other thread
 * @param ownLocks the locks the access's own thread holds: the same as {@code locks} unless the
 *     access runs in a task its starter waits for, whose other copies the starter's locks do not
 *     keep out (see {@link ClassAnalysis#copyRaces})
 */
public record ResolvedAccess(
    Access access, Set<LockRef> locks, Set<ThreadRoot> roots, Set<LockRef> ownLocks) {

  public Effect effect() {
    return access.effect();
  }

  /** See {@link Access#verb()}. */
  public String verb() {
    return access.verb();
  }

  /** See {@link Access#briefVerb()}. */
  public String briefVerb() {
    return access.briefVerb();
  }

  public int line() {
    return access.site().line();
  }

  public boolean afterConstruction() {
    return roots.stream().anyMatch(r -> r.kind() != ThreadRoot.Kind.CONSTRUCTION);
  }

  /**
   * Whether the access holds a lock that keeps every other holder out: one that is not striped
   * ({@link LockRef#stripedMonitor}).
   */
  public boolean holdsExcludingLock() {
    return locks.stream().anyMatch(LockRef::excludesOthers);
  }

  /** The striped lock the access holds when it holds no other, else null: for messages. */
  public LockRef onlyStripedLock() {
    return holdsExcludingLock() ? null : locks.stream().filter(LockRef::isStriped).findFirst().orElse(null);
  }

  /**
   * Whether {@code lock} is taken where the access is written: a region around it in its unit, or
   * its method's own entry locks ({@code synchronized}, {@code @Holding}); not one its callers hold
   * (lock summaries) nor one a synchronized method of the map's class takes ({@link
   * Access#calleeMonitor}).
   */
  public boolean heldInItsOwnCode(LockRef lock) {
    return access.locksHeld().stream().anyMatch(lock::sameLock)
        || access.unit().entryLocks().stream().anyMatch(lock::sameLock);
  }

  /** Whether a lock that is {@code guard} (any mode) is held in a mode that allows this effect. */
  public boolean holds(LockRef guard) {
    return locks.stream().anyMatch(l -> l.sameLock(guard) && l.covers(effect()));
  }

  public boolean holdsAnyMode(LockRef guard) {
    return locks.stream().anyMatch(l -> l.sameLock(guard));
  }
}

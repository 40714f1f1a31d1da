package io.mapguard.javac;

import io.mapguard.engine.model.LockRef;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;

/**
 * The locks certainly held at a program point: joins intersect (must-hold), a lock held for writing
 * on one path and for reading on the other staying held for reading ({@link LockRef#heldOnBoth}).
 * Also the locals that keep a stamp of a {@code StampedLock} try-method ({@code long ws =
 * sl.tryConvertToWriteLock(stamp)}): the lock is held where a test says the stamp is not 0.
 */
final class LockStore implements Store<LockStore> {
  private final Set<LockRef> held;
  private final Map<Element, LockRef> stamps;

  LockStore(Set<LockRef> held) {
    this(held, Map.of());
  }

  private LockStore(Set<LockRef> held, Map<Element, LockRef> stamps) {
    this.held = Collections.unmodifiableSet(new LinkedHashSet<>(held));
    this.stamps = Map.copyOf(stamps);
  }

  Set<LockRef> held() {
    return held;
  }

  LockStore with(LockRef lock) {
    Set<LockRef> next = new LinkedHashSet<>(held);
    next.add(lock);
    return new LockStore(next, stamps);
  }

  /** Releases the lock in every mode: {@code unlock(stamp)} does not say which one it ends. */
  LockStore without(LockRef lock, boolean anyMode) {
    Set<LockRef> next = new LinkedHashSet<>(held);
    next.removeIf(l -> anyMode ? l.sameLock(lock) : l.equals(lock));
    return new LockStore(next, stamps);
  }

  /** The lock a stamp kept in {@code local} takes when it is not 0, or null. */
  LockRef stampOf(Element local) {
    return stamps.get(local);
  }

  /** {@code local} now keeps a stamp of {@code lock} (null: no stamp any more). */
  LockStore withStamp(Element local, LockRef lock) {
    if (lock == null && !stamps.containsKey(local)) {
      return this;
    }
    Map<Element, LockRef> next = new HashMap<>(stamps);
    if (lock == null) {
      next.remove(local);
    } else {
      next.put(local, lock);
    }
    return new LockStore(held, next);
  }

  @Override
  public LockStore copy() {
    return this;
  }

  @Override
  public LockStore leastUpperBound(LockStore other) {
    Map<Element, LockRef> bothStamps = new HashMap<>(stamps);
    bothStamps.entrySet().removeIf(e -> !e.getValue().equals(other.stamps.get(e.getKey())));
    return new LockStore(LockRef.heldOnBoth(held, other.held), bothStamps);
  }

  @Override
  public LockStore widenedUpperBound(LockStore previous) {
    return leastUpperBound(previous);
  }

  @Override
  public boolean canAlias(JavaExpression a, JavaExpression b) {
    return true;
  }

  @Override
  public String visualize(CFGVisualizer<?, LockStore, ?> viz) {
    return held.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LockStore && ((LockStore) o).held.equals(held) && ((LockStore) o).stamps.equals(stamps);
  }

  @Override
  public int hashCode() {
    return held.hashCode() * 31 + stamps.hashCode();
  }

  @Override
  public String toString() {
    return held.toString();
  }
}

package io.mapguard.javac;

import io.mapguard.engine.model.LockRef;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;

/** The locks certainly held at a program point: joins intersect (must-hold). */
final class LockStore implements Store<LockStore> {
  private final Set<LockRef> held;

  LockStore(Set<LockRef> held) {
    this.held = Collections.unmodifiableSet(new LinkedHashSet<>(held));
  }

  Set<LockRef> held() {
    return held;
  }

  LockStore with(LockRef lock) {
    Set<LockRef> next = new LinkedHashSet<>(held);
    next.add(lock);
    return new LockStore(next);
  }

  /** Releases the lock in every mode: {@code unlock(stamp)} does not say which one it ends. */
  LockStore without(LockRef lock, boolean anyMode) {
    Set<LockRef> next = new LinkedHashSet<>(held);
    next.removeIf(l -> anyMode ? l.sameLock(lock) : l.equals(lock));
    return new LockStore(next);
  }

  @Override
  public LockStore copy() {
    return this;
  }

  @Override
  public LockStore leastUpperBound(LockStore other) {
    Set<LockRef> both = new LinkedHashSet<>(held);
    both.retainAll(other.held);
    return new LockStore(both);
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
    return o instanceof LockStore && ((LockStore) o).held.equals(held);
  }

  @Override
  public int hashCode() {
    return held.hashCode();
  }

  @Override
  public String toString() {
    return held.toString();
  }
}

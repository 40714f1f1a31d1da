package io.mapguard.engine.model;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A lock in canonical form: {@code this}, {@code Outer.this}, {@code Foo.class}, a field path
 * ({@code lock}, {@code state.lock}, {@code Foo.LOCK}) or a map field itself, plus the mode in which a
 * read-write or stamped lock is held.
 */
public final class LockRef {
  public enum Mode {
    /** A monitor or a plain {@code Lock}: covers reads and writes. */
    EXCLUSIVE,
    /** The read side of a ReadWriteLock / StampedLock: covers reads only. */
    READ,
    /** The write side of a ReadWriteLock / StampedLock: covers reads and writes. */
    WRITE
  }

  /** How the lock is taken, which decides the shape of a suggested fix. */
  public enum Kind {
    MONITOR,
    LOCK,
    READ_WRITE_LOCK,
    STAMPED_LOCK
  }

  /** How the object locked is chosen, which decides whom holding it keeps out. */
  public enum Choice {
    /** One object for every use: {@code this}, a field, a class literal, a getter without arguments. */
    FIXED,
    /**
     * A local that aliases no field: one object for the whole run of its method (lambdas of that
     * run see the same one), maybe another on the next call ({@code Object lock =
     * locks.computeIfAbsent(key, …)}).
     */
    PER_CALL,
    /** Chosen at each use by arguments or an index: {@code lockFor(key)}, {@code stripes[i]}. */
    PER_USE
  }

  private final String expression;
  private final Mode mode;
  private final Kind kind;
  private final Choice choice;

  public LockRef(String expression, Mode mode, Kind kind) {
    this(expression, mode, kind, Choice.FIXED);
  }

  private LockRef(String expression, Mode mode, Kind kind, Choice choice) {
    this.expression = Objects.requireNonNull(expression);
    this.mode = Objects.requireNonNull(mode);
    this.kind = Objects.requireNonNull(kind);
    this.choice = Objects.requireNonNull(choice);
  }

  /**
   * Whether this is the monitor of the local variable {@code name} ({@code synchronized (list)}):
   * front ends name a local's monitor by the local's name, and a field of that name is hidden there.
   */
  public boolean isMonitorOfLocal(String name) {
    return kind == Kind.MONITOR && expression.equals(name);
  }

  public static LockRef monitor(String expression) {
    return new LockRef(expression, Mode.EXCLUSIVE, Kind.MONITOR);
  }

  /**
   * The monitor of an object chosen anew at each use, by arguments or an index ({@code
   * synchronized (lockFor(key))}, {@code synchronized (stripes[i])}): one lock per key, so it keeps
   * out only the threads that choose the same object — never one lock for a whole map.
   *
   * @param expression the lock as written, for messages
   */
  public static LockRef stripedMonitor(String expression) {
    return monitor(expression).chosen(Choice.PER_USE);
  }

  /** This lock, its object chosen as {@code choice} says. */
  public LockRef chosen(Choice choice) {
    return new LockRef(expression, mode, kind, choice);
  }

  public Choice choice() {
    return choice;
  }

  /**
   * Whether this is one lock of many, chosen per use or per call ({@link Choice}): the threads of
   * other calls may hold another one.
   */
  public boolean isStriped() {
    return choice != Choice.FIXED;
  }

  /** Whether holding the lock keeps every other holder of it out: not for a striped lock. */
  public boolean excludesOthers() {
    return choice == Choice.FIXED;
  }

  public String expression() {
    return expression;
  }

  public Mode mode() {
    return mode;
  }
  /**
   * Whether this is a read lock: other readers hold it at the same time, so it keeps out only the
   * holders of the write mode.
   */
  public boolean isReadMode() {
    return mode == Mode.READ;
  }


  public Kind kind() {
    return kind;
  }

  /** Same lock object, whatever the mode; never for a striped lock, which may differ per use. */
  public boolean sameLock(LockRef other) {
    return choice == Choice.FIXED && other.choice == Choice.FIXED && expression.equals(other.expression);
  }

  /**
   * What holding this lock and {@code other} have in common: the same lock in the weaker mode (a
   * read lock where one holds it for reading and the other for writing), or null for two locks.
   */
  public LockRef meet(LockRef other) {
    if (!sameLock(other)) {
      return null;
    }
    return mode == Mode.READ || other.mode != Mode.READ ? this : other;
  }

  /**
   * The locks surely held where two paths join, one holding {@code a} and the other {@code b}: those
   * held on both, and a lock held for writing on one and for reading on the other in its read mode
   * (a loop that takes a read lock and upgrades it holds at least the read lock at its head).
   */
  public static Set<LockRef> heldOnBoth(Set<LockRef> a, Set<LockRef> b) {
    Set<LockRef> both = new LinkedHashSet<>();
    for (LockRef lock : a) {
      if (b.contains(lock)) {
        both.add(lock);
        continue;
      }
      for (LockRef other : b) {
        if (lock.mode != other.mode && (lock.isReadMode() || other.isReadMode()) && lock.sameLock(other)) {
          both.add(lock.meet(other));
        }
      }
    }
    return both;
  }

  public boolean covers(Effect effect) {
    return mode != Mode.READ || effect != Effect.WRITE && effect != Effect.ASSIGN;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LockRef)) {
      return false;
    }
    LockRef other = (LockRef) o;
    return expression.equals(other.expression) && mode == other.mode && choice == other.choice;
  }

  @Override
  public int hashCode() {
    return expression.hashCode() * 31 + mode.hashCode();
  }

  @Override
  public String toString() {
    return mode == Mode.EXCLUSIVE ? expression : expression + "[" + mode + "]";
  }
}

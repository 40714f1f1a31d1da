package io.mapguard.engine.model;

import java.util.Objects;

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

  private final String expression;
  private final Mode mode;
  private final Kind kind;

  public LockRef(String expression, Mode mode, Kind kind) {
    this.expression = Objects.requireNonNull(expression);
    this.mode = Objects.requireNonNull(mode);
    this.kind = Objects.requireNonNull(kind);
  }

  public static LockRef monitor(String expression) {
    return new LockRef(expression, Mode.EXCLUSIVE, Kind.MONITOR);
  }

  public String expression() {
    return expression;
  }

  public Mode mode() {
    return mode;
  }

  public Kind kind() {
    return kind;
  }

  /** Same lock object, whatever the mode. */
  public boolean sameLock(LockRef other) {
    return expression.equals(other.expression);
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

  public boolean covers(Effect effect) {
    return mode != Mode.READ || effect != Effect.WRITE && effect != Effect.ASSIGN;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LockRef)) {
      return false;
    }
    LockRef other = (LockRef) o;
    return expression.equals(other.expression) && mode == other.mode;
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

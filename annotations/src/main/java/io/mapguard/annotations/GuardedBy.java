package io.mapguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated field (or the state a method reads) may only be accessed while holding the named lock.
 *
 * <p>The value names the lock the way it is written in code: {@code "this"}, {@code "lock"} (a field of
 * this class), {@code "Outer.this"}, {@code "Outer.class"}, {@code "rw"} (a {@code ReadWriteLock}: reads
 * need its read or write lock, writes its write lock), or {@code "itself"} (the field's own object, as in
 * {@code synchronized (map)}).
 *
 * <p>mapguard infers this annotation when it is missing; writing it down turns the inferred guard into a
 * declared one, which wins over inference.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface GuardedBy {
  /** The lock expression, e.g. {@code "lock"}, {@code "this"} or {@code "itself"}. */
  String value();
}

package io.mapguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Callers of the annotated method must hold the named locks; inside it, the locks count as held.
 *
 * <p>mapguard already infers this for private helpers called only under a lock; write it on non-private
 * methods whose callers are outside the analysed class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Holding {
  /** The lock expressions, written as in {@link GuardedBy#value()}. */
  String[] value();
}

package io.mapguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated field (or every map field of the annotated class) is only ever used by one thread at a
 * time, by a convention mapguard cannot see (an event loop, an actor, a single-thread executor elsewhere).
 * mapguard reports no race on it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface ThreadConfined {
  /** Optional name of the owning thread or executor, for readers. */
  String value() default "";
}

package io.mapguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Instances of the annotated class are used by several threads at once.
 *
 * <p>For mapguard this is thread evidence: every non-private method may run concurrently with itself and
 * with the others, so a non-thread-safe map written after construction needs a guard.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ThreadSafe {}

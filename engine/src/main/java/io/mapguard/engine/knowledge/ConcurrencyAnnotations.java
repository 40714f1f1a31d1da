package io.mapguard.engine.knowledge;

import io.mapguard.engine.report.FixHint;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every flavor of the concurrency annotations mapguard honours, by qualified name. */
public final class ConcurrencyAnnotations {
  public static final Set<String> GUARDED_BY =
      Set.of(
          "io.mapguard.annotations.GuardedBy",
          "javax.annotation.concurrent.GuardedBy",
          "net.jcip.annotations.GuardedBy",
          "com.google.errorprone.annotations.concurrent.GuardedBy",
          "org.checkerframework.checker.lock.qual.GuardedBy",
          "jakarta.annotation.concurrent.GuardedBy");

  public static final Set<String> HOLDING =
      Set.of(
          "io.mapguard.annotations.Holding",
          "org.checkerframework.checker.lock.qual.Holding");

  /**
   * On a method: callers hold the named lock. {@code @Holding}, and {@code @GuardedBy} on a method
   * (javax / jcip / Error Prone document it so: "the method may only be called with the lock held").
   */
  public static final Set<String> HELD_ON_ENTRY =
      Stream.concat(HOLDING.stream(), GUARDED_BY.stream()).collect(Collectors.toUnmodifiableSet());

  public static final Set<String> THREAD_SAFE =
      Set.of(
          "io.mapguard.annotations.ThreadSafe",
          "javax.annotation.concurrent.ThreadSafe",
          "net.jcip.annotations.ThreadSafe",
          "com.google.errorprone.annotations.ThreadSafe",
          "jakarta.annotation.concurrent.ThreadSafe");

  public static final Set<String> NOT_THREAD_SAFE =
      Set.of("javax.annotation.concurrent.NotThreadSafe", "net.jcip.annotations.NotThreadSafe");

  public static final Set<String> THREAD_CONFINED = Set.of("io.mapguard.annotations.ThreadConfined");

  /** On a parameter or method: the value may be null. Not a concurrency annotation, but read the same way. */
  public static final Set<String> NULLABLE =
      Set.of(
          "javax.annotation.Nullable",
          "javax.annotation.CheckForNull",
          "jakarta.annotation.Nullable",
          "org.jspecify.annotations.Nullable",
          "org.checkerframework.checker.nullness.qual.Nullable",
          "org.checkerframework.checker.nullness.compatqual.NullableDecl",
          "org.jetbrains.annotations.Nullable",
          "androidx.annotation.Nullable",
          "android.support.annotation.Nullable",
          "edu.umd.cs.findbugs.annotations.Nullable",
          "edu.umd.cs.findbugs.annotations.CheckForNull",
          "org.springframework.lang.Nullable",
          "io.micronaut.core.annotation.Nullable",
          "org.eclipse.jdt.annotation.Nullable");

  /** The flavor a fix adds when the file imports none. */
  public static final String DEFAULT_GUARDED_BY = FixHint.DEFAULT_GUARDED_BY;

  /** {@code @GuardedBy} values meaning "the field's own object". */
  public static final Set<String> ITSELF = Set.of("itself", "<self>");

  private ConcurrencyAnnotations() {}
}

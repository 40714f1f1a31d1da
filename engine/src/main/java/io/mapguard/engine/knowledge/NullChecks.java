package io.mapguard.engine.knowledge;

import java.util.Set;

/** Calls that show a value is not null after them. */
public final class NullChecks {
  /**
   * Methods that throw when their first argument is null ({@code Objects.requireNonNull}, Guava's
   * {@code Preconditions.checkNotNull}, Commons' {@code Validate.notNull}), by simple name: a
   * statement calling one proves the argument is not null after it.
   */
  public static final Set<String> THROWING_ON_NULL = Set.of("requireNonNull", "checkNotNull", "notNull");

  private NullChecks() {}
}

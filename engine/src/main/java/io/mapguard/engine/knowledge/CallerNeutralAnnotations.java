package io.mapguard.engine.knowledge;

import java.util.Set;

/**
 * Annotations on a method that say nothing about who calls it. Any other annotation may make the
 * method an entry point a framework calls by reflection ({@code @Scheduled}, {@code @EventListener},
 * Guava's {@code @Subscribe}, {@code @Test}, JAX-RS's {@code @GET}…), so a method that has one does
 * not have all of its calls in the project. By simple name: front ends spell unresolved
 * annotations so.
 */
public final class CallerNeutralAnnotations {
  private static final Set<String> SIMPLE_NAMES =
      Set.of(
          "Override",
          "SuppressWarnings",
          "Deprecated",
          "SafeVarargs",
          "VisibleForTesting",
          "Nullable",
          "NonNull",
          "Nonnull",
          "NotNull",
          "CheckForNull",
          "CheckReturnValue",
          "CanIgnoreReturnValue",
          "MustBeClosed",
          "ForOverride",
          "Contract",
          "Pure",
          "SideEffectFree",
          "GuardedBy",
          "Holding",
          "Generated");

  private CallerNeutralAnnotations() {}

  /** Whether the annotation ({@code java.lang.Override} or {@code Override}) says nothing about callers. */
  public static boolean neutral(String name) {
    return SIMPLE_NAMES.contains(name.substring(name.lastIndexOf('.') + 1));
  }
}

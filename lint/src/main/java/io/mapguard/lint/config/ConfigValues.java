package io.mapguard.lint.config;

import java.util.Optional;

/**
 * The settings that can come from a config file or from the command line; empty means "not given
 * here", so that a command-line value can win key by key.
 *
 * @param checks a {@link CheckSelection} spec
 * @param disable comma-separated rule names to turn off after {@code checks}
 * @param exclude comma-separated globs
 * @param everyAccess "true" to report every unguarded access of a race, "false" (the default) for
 *     one finding per race
 * @param lockingCallbackMethods comma-separated {@code Owner#method} entries of methods that run
 *     their callbacks holding a lock they are given
 * @param staticCachesShared "true" to count static caches as shared without other evidence
 *     (AnalysisOptions#staticCachesShared), "false" (the default)
 */
public record ConfigValues(
    Optional<String> checks,
    Optional<String> disable,
    Optional<String> immediateMethods,
    Optional<String> threadStartMethods,
    Optional<String> exclude,
    Optional<String> everyAccess,
    Optional<String> staticCachesShared,
    Optional<String> lockingCallbackMethods) {

  public static ConfigValues none() {
    return new ConfigValues(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Each key from {@code this} when present there, else from {@code fallback}. */
  public ConfigValues over(ConfigValues fallback) {
    return new ConfigValues(
        checks.or(fallback::checks),
        disable.or(fallback::disable),
        immediateMethods.or(fallback::immediateMethods),
        threadStartMethods.or(fallback::threadStartMethods),
        exclude.or(fallback::exclude),
        everyAccess.or(fallback::everyAccess),
        staticCachesShared.or(fallback::staticCachesShared),
        lockingCallbackMethods.or(fallback::lockingCallbackMethods));
  }
}

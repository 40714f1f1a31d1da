package io.mapguard.engine.analysis;

/**
 * The user's choices about what counts as shared, as the analysis and the rules read them (the
 * options that decide them live in {@code io.mapguard.engine.AnalysisOptions}, above this package).
 *
 * @param staticCachesShared a static non-thread-safe map that non-private methods fill lazily, in
 *     a class with no other thread evidence, is shared by itself (off by default)
 */
public record SharingPolicy(boolean staticCachesShared) {
  public static final SharingPolicy DEFAULT = new SharingPolicy(false);
}

package io.mapguard.engine;

/**
 * A repair the engine considers safe; front ends turn it into edits (Error Prone SuggestedFix,
 * mapvet suggestions).
 *
 * @param lock the guard expression for {@link Kind#ADD_GUARDED_BY} and {@link Kind#WRAP_SYNCHRONIZED}
 */
public record FixHint(Kind kind, String lock) {
  public enum Kind {
    /** Wrap the statement holding the access in {@code synchronized (lock) { ... }}. */
    WRAP_SYNCHRONIZED,
    /** Annotate the field with {@code @GuardedBy("lock")}. */
    ADD_GUARDED_BY,
    /** Replace {@code new HashMap<>()} by {@code new ConcurrentHashMap<>()}. */
    USE_CONCURRENT_HASH_MAP
  }
}

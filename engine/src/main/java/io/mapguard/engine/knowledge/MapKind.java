package io.mapguard.engine.knowledge;

/** How safe a map implementation is to share, from least to most safe. */
public enum MapKind {
  /** HashMap, TreeMap, ...: needs a lock when shared and written. */
  NON_THREAD_SAFE,
  /** Declared as an interface and filled from outside: treated as needing a lock only if the class locks it. */
  UNKNOWN,
  /** Collections.synchronizedMap and friends: single calls are safe, iteration needs the map's monitor. */
  SYNCHRONIZED,
  /** ConcurrentHashMap, ConcurrentSkipListMap, Hashtable. */
  CONCURRENT,
  /** Map.of, Map.copyOf, ImmutableMap, unmodifiable wrappers. */
  IMMUTABLE;

  public boolean needsExternalLock() {
    return this == NON_THREAD_SAFE || this == UNKNOWN;
  }

  static MapKind leastSafe(MapKind a, MapKind b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }
}

package io.mapguard.engine.knowledge;

import java.util.Set;

/**
 * What a class must contain for a rule about local maps to fire: a for-each loop, or a call of one
 * of these methods (functions run over or inside a map: MapModifiedDuringIteration,
 * RecursiveMapUpdate; synchronized wrappers: SynchronizedMapBypass). Front ends skip the local-map
 * facts of every other class, which is most of them.
 */
public final class LocalMapTriggers {
  public static final Set<String> CALLS =
      Set.of(
          "forEach",
          "computeIfAbsent",
          "compute",
          "computeIfPresent",
          "merge",
          "synchronizedMap",
          "synchronizedSortedMap",
          "synchronizedNavigableMap");

  private LocalMapTriggers() {}
}

package io.mapguard.engine.knowledge;

import java.util.List;
import java.util.Set;

/**
 * Maps whose {@code computeIfAbsent}/{@code compute}/{@code computeIfPresent}/{@code merge} break
 * when their function modifies the map: HashMap and LinkedHashMap (JDK 9+), TreeMap (JDK 15+) and
 * Hashtable throw ConcurrentModificationException; ConcurrentHashMap throws IllegalStateException
 * ("Recursive update") or livelocks. Maps using Map's default methods (WeakHashMap,
 * IdentityHashMap, EnumMap) and ConcurrentSkipListMap do not detect it and are not judged.
 */
public final class RecursiveUpdates {
  private static final Set<String> TYPES =
      Set.of(
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.Hashtable",
          "java.util.concurrent.ConcurrentHashMap");

  /** Factories returning such a map; the synchronized wrappers delegate to it under their lock. */
  private static final Set<String> FACTORIES =
      Set.of(
          "java.util.Collections.synchronizedMap",
          "java.util.Collections.synchronizedSortedMap",
          "java.util.Collections.synchronizedNavigableMap",
          "com.google.common.collect.Maps.newHashMap",
          "com.google.common.collect.Maps.newHashMapWithExpectedSize",
          "com.google.common.collect.Maps.newLinkedHashMap",
          "com.google.common.collect.Maps.newTreeMap",
          "com.google.common.collect.Maps.newConcurrentMap",
          "java.util.HashMap.newHashMap",
          "java.util.LinkedHashMap.newLinkedHashMap");

  private RecursiveUpdates() {}

  public static boolean fail(List<String> declaredType, List<String> assignedValues) {
    return MapTypes.everyValueIs(declaredType, assignedValues, TYPES, FACTORIES);
  }
}

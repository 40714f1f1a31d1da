package io.mapguard.engine.knowledge;

import java.util.List;
import java.util.Set;

/**
 * Maps whose iterators fail fast: a structural change made other than through the iterator makes
 * its next step throw ConcurrentModificationException. Concurrent maps and EnumMap iterate weakly
 * consistently and never throw; a type not listed here is not judged.
 */
public final class FailFastIterators {
  private static final Set<String> TYPES =
      Set.of(
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.WeakHashMap",
          "java.util.IdentityHashMap",
          "java.util.Hashtable",
          "java.util.Properties",
          "com.google.common.collect.HashBiMap",
          "org.apache.commons.collections4.map.HashedMap",
          "org.apache.commons.collections4.map.LinkedMap");

  /**
   * Factories returning such a map. The synchronized wrappers iterate their backing map, in practice
   * a HashMap or TreeMap.
   */
  private static final Set<String> FACTORIES =
      Set.of(
          "java.util.Collections.synchronizedMap",
          "java.util.Collections.synchronizedSortedMap",
          "java.util.Collections.synchronizedNavigableMap",
          "com.google.common.collect.Maps.newHashMap",
          "com.google.common.collect.Maps.newHashMapWithExpectedSize",
          "com.google.common.collect.Maps.newLinkedHashMap",
          "com.google.common.collect.Maps.newTreeMap",
          "com.google.common.collect.Maps.newIdentityHashMap",
          "java.util.HashMap.newHashMap",
          "java.util.LinkedHashMap.newLinkedHashMap");

  private FailFastIterators() {}

  /**
   * Whether the map held by a variable iterates fail-fast: every value assigned to it does (as
   * {@link io.mapguard.engine.model.MapField#assignedValues} spells them), or, when nothing is
   * assigned in view, its declared type does.
   */
  public static boolean holds(List<String> declaredType, List<String> assignedValues) {
    return MapTypes.everyValueIs(declaredType, assignedValues, TYPES, FACTORIES);
  }

}

package io.mapguard.engine.knowledge;

import static io.mapguard.engine.knowledge.MapBehaviours.Behaviour.FAIL_FAST_ITERATORS;
import static io.mapguard.engine.knowledge.MapBehaviours.Behaviour.FAILS_ON_RECURSIVE_UPDATE;
import static io.mapguard.engine.knowledge.MapBehaviours.Behaviour.ITERATION_NEEDS_ITS_MONITOR;
import static io.mapguard.engine.knowledge.MapBehaviours.Behaviour.REJECTS_NULLS;
import static io.mapguard.engine.knowledge.MapBehaviours.Behaviour.SIZE_IS_ONE_FIELD;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Single-threaded behaviours of map implementations that the API-misuse rules depend on, keyed by
 * created type and by factory. A type or factory not listed is not judged (the rules stay quiet).
 */
public final class MapBehaviours {
  /** What a map does when it is misused on one thread. */
  public enum Behaviour {
    /**
     * A structural change made other than through an iterator makes that iterator's next step throw
     * ConcurrentModificationException. Concurrent maps and EnumMap iterate weakly consistently.
     */
    FAIL_FAST_ITERATORS,
    /**
     * computeIfAbsent/compute/computeIfPresent/merge break when their function modifies the map:
     * HashMap and LinkedHashMap (JDK 9+), TreeMap (JDK 15+) and Hashtable throw
     * ConcurrentModificationException; ConcurrentHashMap throws IllegalStateException ("Recursive
     * update") or livelocks. WeakHashMap, IdentityHashMap and EnumMap use Map's default methods and
     * ConcurrentSkipListMap tolerates it.
     */
    FAILS_ON_RECURSIVE_UPDATE,
    /**
     * A null key or value throws NullPointerException: ConcurrentHashMap, ConcurrentSkipListMap and
     * every ConcurrentMap of the JDK, Hashtable and Properties — for lookups ({@code get(null)}) as
     * well as for stores.
     */
    REJECTS_NULLS,
    /**
     * Every method locks the map itself, but its views' iterators do not: iterating it while
     * another thread writes it needs {@code synchronized} on the map — Hashtable (the synchronized
     * wrappers are known by their {@code MapKind}). Not Properties: since JDK 9 it keeps its entries
     * in a ConcurrentHashMap, whose views iterate weakly consistently and never throw.
     */
    ITERATION_NEEDS_ITS_MONITOR,
    /**
     * {@code size()} and {@code isEmpty()} read one int field and change nothing: an unlocked call
     * while another thread writes returns a stale count, never a broken map. HashMap,
     * LinkedHashMap (in either order), TreeMap, IdentityHashMap, EnumMap; not WeakHashMap, whose
     * size() first expunges stale entries (a write).
     */
    SIZE_IS_ONE_FIELD
  }

  private static final Map<String, Set<Behaviour>> TYPES =
      Map.ofEntries(
          Map.entry("java.util.HashMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE, SIZE_IS_ONE_FIELD)),
          Map.entry("java.util.LinkedHashMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE, SIZE_IS_ONE_FIELD)),
          Map.entry("java.util.TreeMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE, SIZE_IS_ONE_FIELD)),
          Map.entry(
              "java.util.Hashtable",
              EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE, REJECTS_NULLS, ITERATION_NEEDS_ITS_MONITOR)),
          Map.entry("java.util.Properties", EnumSet.of(FAIL_FAST_ITERATORS, REJECTS_NULLS)),
          Map.entry("java.util.WeakHashMap", EnumSet.of(FAIL_FAST_ITERATORS)),
          Map.entry("java.util.IdentityHashMap", EnumSet.of(FAIL_FAST_ITERATORS, SIZE_IS_ONE_FIELD)),
          Map.entry("java.util.EnumMap", EnumSet.of(SIZE_IS_ONE_FIELD)),
          Map.entry(
              "java.util.concurrent.ConcurrentHashMap", EnumSet.of(FAILS_ON_RECURSIVE_UPDATE, REJECTS_NULLS)),
          Map.entry("java.util.concurrent.ConcurrentSkipListMap", EnumSet.of(REJECTS_NULLS)),
          Map.entry("java.util.concurrent.ConcurrentMap", EnumSet.of(REJECTS_NULLS)),
          Map.entry("java.util.concurrent.ConcurrentNavigableMap", EnumSet.of(REJECTS_NULLS)),
          Map.entry("com.google.common.collect.HashBiMap", EnumSet.of(FAIL_FAST_ITERATORS)),
          Map.entry("org.apache.commons.collections4.map.HashedMap", EnumSet.of(FAIL_FAST_ITERATORS)),
          Map.entry("org.apache.commons.collections4.map.LinkedMap", EnumSet.of(FAIL_FAST_ITERATORS)));

  /**
   * Factories, as {@code owner.method}. The synchronized wrappers iterate and update their backing
   * map, in practice a HashMap or TreeMap.
   */
  private static final Map<String, Set<Behaviour>> FACTORIES =
      Map.ofEntries(
          Map.entry("java.util.Collections.synchronizedMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE)),
          Map.entry("java.util.Collections.synchronizedSortedMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE)),
          Map.entry("java.util.Collections.synchronizedNavigableMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE)),
          Map.entry("com.google.common.collect.Maps.newHashMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE, SIZE_IS_ONE_FIELD)),
          Map.entry(
              "com.google.common.collect.Maps.newHashMapWithExpectedSize", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE, SIZE_IS_ONE_FIELD)),
          Map.entry("com.google.common.collect.Maps.newLinkedHashMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE, SIZE_IS_ONE_FIELD)),
          Map.entry("com.google.common.collect.Maps.newTreeMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE, SIZE_IS_ONE_FIELD)),
          Map.entry("com.google.common.collect.Maps.newIdentityHashMap", EnumSet.of(FAIL_FAST_ITERATORS, SIZE_IS_ONE_FIELD)),
          Map.entry(
              "com.google.common.collect.Maps.newConcurrentMap", EnumSet.of(FAILS_ON_RECURSIVE_UPDATE, REJECTS_NULLS)),
          Map.entry("java.util.HashMap.newHashMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE, SIZE_IS_ONE_FIELD)),
          Map.entry("java.util.LinkedHashMap.newLinkedHashMap", EnumSet.of(FAIL_FAST_ITERATORS, FAILS_ON_RECURSIVE_UPDATE, SIZE_IS_ONE_FIELD)));

  private MapBehaviours() {}

  /**
   * Whether the map a variable holds is known to behave so: every value assigned to it does (as
   * {@link io.mapguard.engine.model.MapField#assignedValues} spells them), or, when nothing is
   * assigned in view, its declared type does.
   */
  public static boolean has(Behaviour behaviour, List<String> declaredType, List<String> assignedValues) {
    if (assignedValues.isEmpty()) {
      return !declaredType.isEmpty() && TYPES.getOrDefault(declaredType.get(0), Set.of()).contains(behaviour);
    }
    for (String value : assignedValues) {
      int colon = value.indexOf(':');
      String kind = value.substring(0, colon + 1);
      String name = value.substring(colon + 1);
      Map<String, Set<Behaviour>> table =
          switch (kind) {
            case "new:", "type:", ReadsThatWrite.ACCESS_ORDERED -> TYPES;
            case "call:" -> FACTORIES;
            default -> Map.of();
          };
      if (!table.getOrDefault(name, Set.of()).contains(behaviour)) {
        return false;
      }
    }
    return true;
  }
}

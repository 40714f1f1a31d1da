package io.mapguard.engine.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which map implementations and factories are thread-safe. Keyed by qualified names. */
public final class MapTypes {

  /** Interfaces say nothing about the implementation; values assigned to the field decide. */
  private static final List<String> GENERIC_MAP_INTERFACES =
      List.of(
          "java.util.Map",
          "java.util.SortedMap",
          "java.util.NavigableMap",
          "java.util.SequencedMap",
          "java.util.AbstractMap",
          "com.google.common.collect.BiMap");

  private static final Map<String, MapKind> TYPES =
      Map.ofEntries(
          Map.entry("java.util.HashMap", MapKind.NON_THREAD_SAFE),
          Map.entry("java.util.LinkedHashMap", MapKind.NON_THREAD_SAFE),
          Map.entry("java.util.TreeMap", MapKind.NON_THREAD_SAFE),
          Map.entry("java.util.WeakHashMap", MapKind.NON_THREAD_SAFE),
          Map.entry("java.util.IdentityHashMap", MapKind.NON_THREAD_SAFE),
          Map.entry("java.util.EnumMap", MapKind.NON_THREAD_SAFE),
          Map.entry("com.google.common.collect.HashBiMap", MapKind.NON_THREAD_SAFE),
          Map.entry("com.google.common.collect.EnumBiMap", MapKind.NON_THREAD_SAFE),
          Map.entry("com.google.common.collect.EnumHashBiMap", MapKind.NON_THREAD_SAFE),
          Map.entry("org.apache.commons.collections4.map.HashedMap", MapKind.NON_THREAD_SAFE),
          Map.entry("org.apache.commons.collections4.map.LinkedMap", MapKind.NON_THREAD_SAFE),
          Map.entry("org.apache.commons.collections4.map.LRUMap", MapKind.NON_THREAD_SAFE),
          Map.entry("org.apache.commons.collections4.map.ListOrderedMap", MapKind.NON_THREAD_SAFE),
          Map.entry("org.apache.commons.collections4.map.CaseInsensitiveMap", MapKind.NON_THREAD_SAFE),
          Map.entry("org.eclipse.collections.impl.map.mutable.UnifiedMap", MapKind.NON_THREAD_SAFE),
          Map.entry(
              "org.eclipse.collections.impl.map.sorted.mutable.TreeSortedMap",
              MapKind.NON_THREAD_SAFE),
          Map.entry("java.util.concurrent.ConcurrentHashMap", MapKind.CONCURRENT),
          Map.entry("java.util.concurrent.ConcurrentSkipListMap", MapKind.CONCURRENT),
          Map.entry("java.util.concurrent.ConcurrentMap", MapKind.CONCURRENT),
          Map.entry("java.util.concurrent.ConcurrentNavigableMap", MapKind.CONCURRENT),
          Map.entry("java.util.Hashtable", MapKind.CONCURRENT),
          Map.entry("java.util.Properties", MapKind.CONCURRENT),
          Map.entry(
              "org.eclipse.collections.impl.map.mutable.ConcurrentHashMap", MapKind.CONCURRENT),
          Map.entry("com.google.common.collect.ImmutableMap", MapKind.IMMUTABLE),
          Map.entry("com.google.common.collect.ImmutableSortedMap", MapKind.IMMUTABLE),
          Map.entry("com.google.common.collect.ImmutableBiMap", MapKind.IMMUTABLE));

  /** Static factories, as {@code owner.method}. */
  private static final Map<String, MapKind> FACTORIES =
      Map.ofEntries(
          Map.entry("java.util.Collections.synchronizedMap", MapKind.SYNCHRONIZED),
          Map.entry("java.util.Collections.synchronizedSortedMap", MapKind.SYNCHRONIZED),
          Map.entry("java.util.Collections.synchronizedNavigableMap", MapKind.SYNCHRONIZED),
          Map.entry("java.util.Collections.unmodifiableMap", MapKind.IMMUTABLE),
          Map.entry("java.util.Collections.unmodifiableSortedMap", MapKind.IMMUTABLE),
          Map.entry("java.util.Collections.unmodifiableNavigableMap", MapKind.IMMUTABLE),
          Map.entry("java.util.Collections.emptyMap", MapKind.IMMUTABLE),
          Map.entry("java.util.Collections.emptySortedMap", MapKind.IMMUTABLE),
          Map.entry("java.util.Collections.emptyNavigableMap", MapKind.IMMUTABLE),
          Map.entry("java.util.Collections.singletonMap", MapKind.IMMUTABLE),
          Map.entry("java.util.Map.of", MapKind.IMMUTABLE),
          Map.entry("java.util.Map.ofEntries", MapKind.IMMUTABLE),
          Map.entry("java.util.Map.copyOf", MapKind.IMMUTABLE),
          Map.entry("com.google.common.collect.Maps.newHashMap", MapKind.NON_THREAD_SAFE),
          Map.entry(
              "com.google.common.collect.Maps.newHashMapWithExpectedSize", MapKind.NON_THREAD_SAFE),
          Map.entry("com.google.common.collect.Maps.newLinkedHashMap", MapKind.NON_THREAD_SAFE),
          Map.entry("com.google.common.collect.Maps.newTreeMap", MapKind.NON_THREAD_SAFE),
          Map.entry("com.google.common.collect.Maps.newIdentityHashMap", MapKind.NON_THREAD_SAFE),
          Map.entry("com.google.common.collect.Maps.newEnumMap", MapKind.NON_THREAD_SAFE),
          Map.entry("com.google.common.collect.Maps.newConcurrentMap", MapKind.CONCURRENT),
          Map.entry("java.util.HashMap.newHashMap", MapKind.NON_THREAD_SAFE),
          Map.entry("java.util.LinkedHashMap.newLinkedHashMap", MapKind.NON_THREAD_SAFE));

  /**
   * The map a copy is made as, so that it keeps the original's order and comparator: the copy
   * constructor of the implementation (or of the implementation an interface implies). A type not
   * here is copied into a HashMap.
   */
  private static final Map<String, String> COPIED_AS =
      Map.ofEntries(
          Map.entry("java.util.HashMap", "java.util.HashMap"),
          Map.entry("java.util.WeakHashMap", "java.util.HashMap"),
          Map.entry("java.util.LinkedHashMap", "java.util.LinkedHashMap"),
          Map.entry("java.util.SequencedMap", "java.util.LinkedHashMap"),
          Map.entry("java.util.TreeMap", "java.util.TreeMap"),
          Map.entry("java.util.SortedMap", "java.util.TreeMap"),
          Map.entry("java.util.NavigableMap", "java.util.TreeMap"),
          Map.entry("java.util.IdentityHashMap", "java.util.IdentityHashMap"),
          Map.entry("java.util.EnumMap", "java.util.EnumMap"),
          Map.entry("com.google.common.collect.Maps.newHashMap", "java.util.HashMap"),
          Map.entry("com.google.common.collect.Maps.newHashMapWithExpectedSize", "java.util.HashMap"),
          Map.entry("com.google.common.collect.Maps.newLinkedHashMap", "java.util.LinkedHashMap"),
          Map.entry("com.google.common.collect.Maps.newTreeMap", "java.util.TreeMap"),
          Map.entry("com.google.common.collect.Maps.newIdentityHashMap", "java.util.IdentityHashMap"),
          Map.entry("com.google.common.collect.Maps.newEnumMap", "java.util.EnumMap"),
          Map.entry("java.util.HashMap.newHashMap", "java.util.HashMap"),
          Map.entry("java.util.LinkedHashMap.newLinkedHashMap", "java.util.LinkedHashMap"));

  /**
   * Maps that other libraries' builders and caches hand out, by the type a call chain starts from
   * (or is made on) and the method that returns the map, as {@code Owner#method}: the type of the
   * map. A compiler knows these from the methods' return types; mapvet without the library's jar
   * knows only the names, which the imports qualify.
   */
  private static final Map<String, String> BUILT_MAPS =
      Map.ofEntries(
          Map.entry("com.google.common.collect.MapMaker#makeMap", "java.util.concurrent.ConcurrentMap"),
          Map.entry("com.google.common.cache.CacheBuilder#asMap", "java.util.concurrent.ConcurrentMap"),
          Map.entry("com.google.common.cache.Cache#asMap", "java.util.concurrent.ConcurrentMap"),
          Map.entry("com.google.common.cache.LoadingCache#asMap", "java.util.concurrent.ConcurrentMap"),
          Map.entry("com.github.benmanes.caffeine.cache.Caffeine#asMap", "java.util.concurrent.ConcurrentMap"),
          Map.entry("com.github.benmanes.caffeine.cache.Cache#asMap", "java.util.concurrent.ConcurrentMap"),
          Map.entry(
              "com.github.benmanes.caffeine.cache.LoadingCache#asMap", "java.util.concurrent.ConcurrentMap"));

  private MapTypes() {}

  /**
   * The type of the map {@code method} returns at the end of a call chain that starts from, or is
   * made on, {@code type} ({@code new MapMaker().weakKeys().makeMap()}, {@code cache.asMap()}), or
   * null when the table does not know it.
   */
  public static String builtMap(String type, String method) {
    return BUILT_MAPS.get(type + "#" + method);
  }

  /**
   * The qualified class a copy of the field is made as ({@code java.util.TreeMap} for a TreeMap or a
   * SortedMap): what every value assigned to it is created as, else its declared type; HashMap when
   * neither says.
   */
  public static String copiedAs(List<String> declaredType, List<String> assignedValues) {
    String fromValues = null;
    for (String value : assignedValues) {
      String copy = COPIED_AS.get(value.substring(value.indexOf(':') + 1));
      if (copy == null || fromValues != null && !fromValues.equals(copy)) {
        fromValues = null;
        break;
      }
      fromValues = copy;
    }
    if (fromValues != null) {
      return fromValues;
    }
    for (String type : declaredType) {
      String copy = COPIED_AS.get(type);
      if (copy != null) {
        return copy;
      }
    }
    return "java.util.HashMap";
  }

  /**
   * The synchronized wrapper factories ({@code java.util.Collections.synchronizedSortedMap}…), as
   * {@code owner.method}.
   */
  public static List<String> synchronizedFactories() {
    return FACTORIES.entrySet().stream()
        .filter(e -> e.getValue() == MapKind.SYNCHRONIZED)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** The kind of a type, or empty when the table does not know it. */
  public static Optional<MapKind> kindOfType(String qualifiedName) {
    MapKind kind = TYPES.get(qualifiedName);
    if (kind == null && qualifiedName.startsWith("it.unimi.dsi.fastutil.")) {
      if (qualifiedName.endsWith("OpenHashMap")
          || qualifiedName.endsWith("OpenCustomHashMap")
          || qualifiedName.endsWith("TreeMap")
          || qualifiedName.endsWith("ArrayMap")) {
        kind = MapKind.NON_THREAD_SAFE;
      }
    }
    return Optional.ofNullable(kind);
  }

  public static boolean isGenericInterface(String qualifiedName) {
    return GENERIC_MAP_INTERFACES.contains(qualifiedName);
  }

  /**
   * The packages of the Java platform: their map classes' {@code synchronized} methods
   * ({@code Hashtable}'s, {@code Properties}', {@code Provider}'s) are how the class makes itself
   * thread-safe, which its {@link MapKind} says, not a lock its callers take.
   */
  private static final List<String> PLATFORM_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

  /**
   * Whether a call of a {@code synchronized} method declared in {@code declaringClass} counts as
   * its caller holding the map's own monitor: a project's map subclass ({@code KeepAliveCache
   * extends HashMap} with its {@code synchronized put(url, proxy, client)}), not a map class the
   * table knows or one of the platform.
   */
  public static boolean synchronizedMethodsLockForTheirCallers(String declaringClass) {
    return !isKnown(declaringClass) && PLATFORM_PACKAGES.stream().noneMatch(declaringClass::startsWith);
  }

  /** Whether the table knows this type or interface: front ends stop a supertype walk there. */
  public static boolean isKnown(String qualifiedName) {
    return kindOfType(qualifiedName).isPresent() || isGenericInterface(qualifiedName);
  }

  /**
   * The kind of a field: a specific declared class decides; for an interface type the assigned
   * values decide, the least safe of them winning.
   *
   * @param declaredType the declared type followed by its supertypes
   * @param assignedValues descriptors, see {@code MapField#assignedValues}
   */
  public static MapKind kindOfField(List<String> declaredType, List<String> assignedValues) {
    for (String type : declaredType) {
      Optional<MapKind> kind = kindOfType(type);
      if (kind.isPresent()) {
        return kind.get();
      }
      if (isGenericInterface(type)) {
        break;
      }
    }
    MapKind result = null;
    for (String value : assignedValues) {
      MapKind kind = kindOfValue(value);
      result = result == null ? kind : MapKind.leastSafe(result, kind);
    }
    return result == null ? MapKind.UNKNOWN : result;
  }

  /** Classifies {@code new:T}, {@code call:Owner.method} or {@code type:T}. */
  public static MapKind kindOfValue(String value) {
    int colon = value.indexOf(':');
    String kind = value.substring(0, colon);
    String name = value.substring(colon + 1);
    if (kind.equals("call")) {
      MapKind factory = FACTORIES.get(name);
      if (factory != null) {
        return factory;
      }
      return MapKind.UNKNOWN;
    }
    if (kind.equals("null")) {
      return MapKind.IMMUTABLE;
    }
    return kindOfType(name).orElse(MapKind.UNKNOWN);
  }

  /** Whether a value descriptor is a freshly created map (a constructor or a known factory). */
  public static boolean isFresh(String value) {
    return value.startsWith("new:")
        || value.startsWith(ReadsThatWrite.ACCESS_ORDERED)
        || value.startsWith("call:") && FACTORIES.containsKey(value.substring(5));
  }
}

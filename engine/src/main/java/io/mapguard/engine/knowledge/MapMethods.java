package io.mapguard.engine.knowledge;

import io.mapguard.engine.model.Effect;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What each method of a map, of its views and of its entries does. */
public final class MapMethods {

  /** Methods returning a live view of the map. */
  public static final Set<String> VIEW_METHODS =
      Set.of(
          "keySet",
          "values",
          "entrySet",
          "navigableKeySet",
          "descendingKeySet",
          "descendingMap",
          "subMap",
          "headMap",
          "tailMap",
          "reversed",
          "sequencedKeySet",
          "sequencedValues",
          "sequencedEntrySet",
          "inverse");

  /** Views a for-each or {@code forEach} walks with the map's own iterator. */
  public static final Set<String> ITERATED_VIEWS =
      Set.of("keySet", "navigableKeySet", "descendingKeySet", "values", "entrySet");

  /** Of those, the views whose elements are the keys themselves. */
  public static final Set<String> KEY_VIEWS = Set.of("keySet", "navigableKeySet", "descendingKeySet");

  /** Map methods that run a function (their last argument) for one key while they update it. */
  public static final Set<String> KEY_UPDATES_WITH_FUNCTION =
      Set.of("computeIfAbsent", "compute", "computeIfPresent", "merge");

  /**
   * Map methods taking a function (last argument) and what each of its parameters receives, by the
   * map's type arguments: 0 the key type, 1 the value type. A front end without a compiler's
   * inference types an implicit lambda parameter with it ({@code (key, node) -> node.isLeaf()}).
   */
  public static final Map<String, List<Integer>> CALLBACK_PARAMETER_TYPES =
      Map.of(
          "forEach", List.of(0, 1),
          "compute", List.of(0, 1),
          "computeIfPresent", List.of(0, 1),
          "computeIfAbsent", List.of(0),
          "merge", List.of(1, 1),
          "replaceAll", List.of(0, 1));

  /**
   * Map methods whose function (last argument) is given the key's current value, by the position of
   * that parameter: {@code compute((k, v) -> …)}, {@code merge(k, x, (old, given) -> …)}. The
   * function runs atomically for its key, so what it does to that value no other update function of
   * the key overlaps.
   */
  public static final Map<String, Integer> VALUE_PARAMETER_OF_FUNCTION =
      Map.of("compute", 1, "computeIfPresent", 1, "merge", 0);

  /** Methods that hand out a value stored in the map (a caller can change it in place). */
  public static final Set<String> VALUE_SOURCES =
      Set.of("get", "getOrDefault", "computeIfAbsent", "putIfAbsent");

  /**
   * Methods that store a value given as an argument, with the argument's position; -1 for the last
   * argument ({@code replace(k, v)} and {@code replace(k, old, new)}).
   */
  public static final Map<String, Integer> STORED_VALUE_ARGUMENT =
      Map.of("put", 1, "putIfAbsent", 1, "replace", -1, "merge", 1);

  /** Methods that store what the function given as their second argument returns. */
  public static final Set<String> STORING_FUNCTIONS = Set.of("computeIfAbsent", "compute");

  /** Methods whose first argument is a key (a map that rejects null keys throws on null). */
  public static final Set<String> KEY_METHODS =
      Set.of(
          "get", "getOrDefault", "containsKey", "remove", "put", "putIfAbsent", "replace", "compute",
          "computeIfAbsent", "computeIfPresent", "merge");

  /**
   * Methods whose later arguments are values stored in the map, by position: {@code replace(k, v)}
   * and both values of {@code replace(k, old, new)}.
   */
  public static final Map<String, Set<Integer>> VALUE_ARGUMENTS =
      Map.of("put", Set.of(1), "putIfAbsent", Set.of(1), "replace", Set.of(1, 2), "merge", Set.of(1));

  private static final Map<String, Effect> MAP_METHODS =
      Map.ofEntries(
          Map.entry("get", Effect.READ),
          Map.entry("getOrDefault", Effect.READ),
          Map.entry("containsKey", Effect.READ),
          Map.entry("containsValue", Effect.ITERATE),
          Map.entry("size", Effect.READ),
          Map.entry("isEmpty", Effect.READ),
          Map.entry("firstKey", Effect.READ),
          Map.entry("lastKey", Effect.READ),
          Map.entry("firstEntry", Effect.READ),
          Map.entry("lastEntry", Effect.READ),
          Map.entry("floorKey", Effect.READ),
          Map.entry("ceilingKey", Effect.READ),
          Map.entry("lowerKey", Effect.READ),
          Map.entry("higherKey", Effect.READ),
          Map.entry("floorEntry", Effect.READ),
          Map.entry("ceilingEntry", Effect.READ),
          Map.entry("lowerEntry", Effect.READ),
          Map.entry("higherEntry", Effect.READ),
          Map.entry("comparator", Effect.REFERENCE_READ),
          Map.entry("getClass", Effect.REFERENCE_READ),
          Map.entry("put", Effect.WRITE),
          Map.entry("putAll", Effect.WRITE),
          Map.entry("putIfAbsent", Effect.WRITE),
          Map.entry("remove", Effect.WRITE),
          Map.entry("clear", Effect.WRITE),
          Map.entry("compute", Effect.WRITE),
          Map.entry("computeIfAbsent", Effect.WRITE),
          Map.entry("computeIfPresent", Effect.WRITE),
          Map.entry("merge", Effect.WRITE),
          Map.entry("replace", Effect.WRITE),
          Map.entry("replaceAll", Effect.WRITE),
          Map.entry("pollFirstEntry", Effect.WRITE),
          Map.entry("pollLastEntry", Effect.WRITE),
          Map.entry("putFirst", Effect.WRITE),
          Map.entry("putLast", Effect.WRITE),
          Map.entry("forcePut", Effect.WRITE),
          Map.entry("forEach", Effect.ITERATE),
          Map.entry("toString", Effect.ITERATE),
          Map.entry("equals", Effect.ITERATE),
          Map.entry("hashCode", Effect.ITERATE),
          Map.entry("clone", Effect.ITERATE));

  private static final Map<String, Effect> VIEW_METHODS_EFFECTS =
      Map.ofEntries(
          Map.entry("contains", Effect.READ),
          Map.entry("size", Effect.READ),
          Map.entry("isEmpty", Effect.READ),
          Map.entry("first", Effect.READ),
          Map.entry("last", Effect.READ),
          Map.entry("getFirst", Effect.READ),
          Map.entry("getLast", Effect.READ),
          Map.entry("remove", Effect.WRITE),
          Map.entry("removeAll", Effect.WRITE),
          Map.entry("retainAll", Effect.WRITE),
          Map.entry("removeIf", Effect.WRITE),
          Map.entry("clear", Effect.WRITE),
          Map.entry("add", Effect.WRITE),
          Map.entry("addAll", Effect.WRITE),
          Map.entry("pollFirst", Effect.WRITE),
          Map.entry("pollLast", Effect.WRITE),
          Map.entry("removeFirst", Effect.WRITE),
          Map.entry("removeLast", Effect.WRITE));

  /** Methods of a view that walk it: recorded as the access's traversal. */
  private static final Set<String> TRAVERSALS =
      Set.of("iterator", "spliterator", "stream", "parallelStream");

  private MapMethods() {}

  public static boolean isTraversal(String viewMethod) {
    return TRAVERSALS.contains(viewMethod);
  }

  public static boolean isView(String method) {
    return VIEW_METHODS.contains(method);
  }

  /** Effect of calling {@code method} on the map; methods the table lacks count as reads. */
  public static Effect effectOnMap(String method) {
    return MAP_METHODS.getOrDefault(method, Effect.READ);
  }

  /** Effect on the map of calling {@code method} on one of its views; unknown ones traverse it. */
  public static Effect effectOnView(String method) {
    return VIEW_METHODS_EFFECTS.getOrDefault(method, Effect.ITERATE);
  }

  /** Effect on the map of calling {@code method} on an iterator over one of its views. */
  public static Effect effectOnIterator(String method) {
    return method.equals("remove") ? Effect.WRITE : Effect.READ;
  }

  /** Effect on the map of calling {@code method} on one of its entries (from entrySet()). */
  public static Effect effectOnEntry(String method) {
    return method.equals("setValue") ? Effect.WRITE : Effect.READ;
  }
}

package io.mapguard.engine.knowledge;

import io.mapguard.engine.model.Effect;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a class must contain for a rule about local maps to fire: a for-each loop, or a call of one
 * of these methods (functions run over or inside a map: MapModifiedDuringIteration,
 * RecursiveMapUpdate; synchronized wrappers: SynchronizedMapBypass). Front ends skip the local-map
 * facts of every other class, which is most of them.
 */
public final class LocalMapTriggers {
  /**
   * Calls that run a function inside a map or wrap one: enough on their own. A walk over a map (a
   * view, {@code forEach}) also needs a call that may change a map's structure somewhere in the
   * class, see {@link #mayChangeAMap}.
   */
  public static final Set<String> UPDATE_OR_WRAP_CALLS =
      Set.of(
          "computeIfAbsent",
          "compute",
          "computeIfPresent",
          "merge",
          "synchronizedMap",
          "synchronizedSortedMap",
          "synchronizedNavigableMap");

  /**
   * Removals through a view, a local holding one, or an iterator, whatever the receiver's type
   * ({@code keys.remove(k)} on {@code Set<K> keys = map.keySet()}). A view's {@code add} throws
   * instead of changing the map.
   */
  private static final Set<String> REMOVALS_ON_ANY_RECEIVER =
      Set.of(
          "remove",
          "removeAll",
          "retainAll",
          "removeIf",
          "clear",
          "pollFirst",
          "pollLast",
          "removeFirst",
          "removeLast");

  /**
   * Whether a call named {@code method} may change a map's structure while a loop walks it:
   * {@code receiverMayBeAMap} says whether its receiver may be a map.
   */
  public static boolean mayChangeAMap(String method, boolean receiverMayBeAMap) {
    return REMOVALS_ON_ANY_RECEIVER.contains(method)
        || receiverMayBeAMap && MapMethods.effectOnMap(method) == Effect.WRITE;
  }

  /** The update and wrapper calls and {@code forEach}: mapvet resolves their receivers. */
  public static final Set<String> CALLS =
      Stream.concat(UPDATE_OR_WRAP_CALLS.stream(), Stream.of("forEach"))
          .collect(Collectors.toUnmodifiableSet());

  private LocalMapTriggers() {}
}

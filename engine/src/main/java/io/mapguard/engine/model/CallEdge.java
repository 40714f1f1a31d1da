package io.mapguard.engine.model;

import java.util.List;
import java.util.Set;

/**
 * A call from one unit to another unit of the same class, with the locks held at the call.
 *
 * @param updatedMap when the call is made inside the function (a lambda) of a
 *     {@code computeIfAbsent}/{@code compute}/{@code computeIfPresent}/{@code merge} on a map
 *     field: that field, else null
 * @param update that update call, else null
 * @param loopedMap when the call is made inside a loop over a map field (see {@link MapCall#loop})
 *     and the loop goes on after it: that field, else null
 * @param loop that loop, else null
 * @param order the call's position inside the caller (same scale as {@link Access#order}), or -1
 * @param arguments per argument, the object the caller holds that it passes ({@link Holder}), or
 *     null; empty when no argument is one
 * @param receiver the object the caller holds that the method is called on ({@code record.fill()}),
 *     or null
 * @param inLazyCreationOf the map fields whose lazy creation ({@code if (f == null) { f = new …; …
 *     }}) in the caller surrounds the call: a method called only there helps fill the new map
 */
public record CallEdge(
    CodeUnit caller,
    CodeUnit callee,
    Set<LockRef> locksHeld,
    int line,
    MapField updatedMap,
    MapCall.Update update,
    MapField loopedMap,
    MapCall.Loop loop,
    int order,
    List<Holder> arguments,
    Holder receiver,
    Set<MapField> inLazyCreationOf) {

  public CallEdge(CodeUnit caller, CodeUnit callee, Set<LockRef> locksHeld, int line) {
    this(caller, callee, locksHeld, line, null, null, null, null, -1, List.of(), null, Set.of());
  }

  /** The holder passed as argument {@code index}, or null. */
  public Holder argument(int index) {
    return index < arguments.size() ? arguments.get(index) : null;
  }
}

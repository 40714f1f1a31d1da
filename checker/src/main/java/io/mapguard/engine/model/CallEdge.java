package io.mapguard.engine.model;

import java.util.Set;

/**
 * A call from one unit to another unit of the same class, with the locks held at the call.
 *
 * @param updatedMap when the call is made inside the function (a lambda) of a
 *     {@code computeIfAbsent}/{@code compute}/{@code computeIfPresent}/{@code merge} on a map
 *     field: that field, else null
 * @param update that update call, else null
 */
public record CallEdge(
    CodeUnit caller,
    CodeUnit callee,
    Set<LockRef> locksHeld,
    int line,
    MapField updatedMap,
    MapCall.Update update) {

  public CallEdge(CodeUnit caller, CodeUnit callee, Set<LockRef> locksHeld, int line) {
    this(caller, callee, locksHeld, line, null, null);
  }
}

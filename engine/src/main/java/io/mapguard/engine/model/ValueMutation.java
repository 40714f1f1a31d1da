package io.mapguard.engine.model;

import java.util.Set;

/**
 * A value taken out of a map field and then changed in place: {@code index.get(k).add(v)}, or
 * {@code List<V> l = index.computeIfAbsent(k, ..); l.add(v)}. Front ends record every call made on
 * such a value (or a store into it, when it is an array); whether the call changes it is the
 * engine's business.
 *
 * @param map the map field the value came from
 * @param source the map method that handed it out: {@code get}, {@code getOrDefault},
 *     {@code computeIfAbsent}, {@code putIfAbsent}
 * @param sourceLine where that call is
 * @param method the method called on the value, or {@code []=} for a store into an array element
 * @param through the local variable holding the value, or null when the call is chained
 * @param site the call on the value
 * @param unit the unit the call on the value runs in
 * @param locksHeld locks held at that call inside its unit
 */
public record ValueMutation(
    MapField map,
    String source,
    int sourceLine,
    String method,
    String through,
    Site site,
    CodeUnit unit,
    Set<LockRef> locksHeld) {

  /** The pseudo-method of a store into an array element ({@code a[i] = x}, {@code a[i]++}). */
  public static final String ARRAY_STORE = "[]=";
}

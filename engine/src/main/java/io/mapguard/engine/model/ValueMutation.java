package io.mapguard.engine.model;

import java.util.Set;

/**
 * A value taken out of a map field and then used: {@code index.get(k).add(v)}, {@code List<V> l =
 * index.computeIfAbsent(k, ..); l.add(v)}, or the value parameter of the function of {@code
 * compute}/{@code computeIfPresent}/{@code merge} used inside it. Front ends record every call made
 * on such a value, a store into it when it is an array and a for-each loop over it; whether that
 * changes the value or walks it is the engine's business.
 *
 * @param map the map field the value came from
 * @param source the map method that handed it out: {@code get}, {@code getOrDefault},
 *     {@code computeIfAbsent}, {@code putIfAbsent}; or {@code compute}, {@code computeIfPresent},
 *     {@code merge} for a use inside that method's function, which runs atomically for its key; or
 *     a method of the class that returns a value of the map ({@link #RETURNED}), for a use of what
 *     its call returns
 * @param sourceLine where that call is
 * @param method the method called on the value, {@code []=} for a store into an array element,
 *     {@code for-each} for a loop over it, or {@code return}
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

  /** The pseudo-method of a for-each loop over the value ({@code for (V v : list)}). */
  public static final String FOR_EACH = "for-each";

  /**
   * The pseudo-method of a {@code return} of the value: its callers use it after the method
   * returns. A call of such a method in the class is itself a source of the map's values (its
   * {@code source} is the method's name, as units name it: {@code itemsOf(String)}).
   */
  public static final String RETURNED = "return";
}

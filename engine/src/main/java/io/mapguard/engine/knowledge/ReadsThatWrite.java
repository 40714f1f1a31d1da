package io.mapguard.engine.knowledge;

import io.mapguard.engine.model.Effect;
import java.util.List;
import java.util.Set;

/**
 * Reads that change a map's structure, so that they race with other reads and a read lock does not
 * cover them: a WeakHashMap removes the entries of collected keys whenever it is read ({@code get},
 * {@code containsKey}, {@code size}, {@code isEmpty}, an iteration: its {@code
 * expungeStaleEntries}), and {@code get} on a LinkedHashMap in access order moves the entry to the
 * end of its list.
 */
public final class ReadsThatWrite {
  /**
   * The descriptor kind of a LinkedHashMap created in access order ({@code new LinkedHashMap<>(16,
   * 0.75f, true)}, an anonymous or same-file subclass that passes {@code true} to that constructor),
   * in place of {@code new:}: {@code accessOrdered:java.util.LinkedHashMap}.
   */
  public static final String ACCESS_ORDERED = "accessOrdered:";

  public static final String LINKED_HASH_MAP = "java.util.LinkedHashMap";

  /** How a value descriptor of a WeakHashMap ends: {@code new:java.util.WeakHashMap}, {@code type:…}. */
  private static final String WEAK_HASH_MAP_VALUE = ":java.util.WeakHashMap";

  /** The reads that move an entry of an access-ordered LinkedHashMap. */
  private static final Set<String> REORDERING_READS = Set.of("get", "getOrDefault");

  private ReadsThatWrite() {}

  /**
   * Whether some read of such a map may write it (a WeakHashMap, an access-ordered LinkedHashMap):
   * the cheap test the extraction makes once per map before asking {@link #why} of each access.
   */
  public static boolean someReadsWrite(List<String> declaredType, List<String> assignedValues) {
    return weak(declaredType, assignedValues) || accessOrdered(assignedValues);
  }

  private static boolean weak(List<String> declaredType, List<String> assignedValues) {
    return assignedValues.isEmpty()
        ? !declaredType.isEmpty() && declaredType.get(0).equals(WEAK_HASH_MAP_VALUE.substring(1))
        : assignedValues.stream().anyMatch(v -> v.endsWith(WEAK_HASH_MAP_VALUE));
  }

  private static boolean accessOrdered(List<String> assignedValues) {
    return assignedValues.stream().anyMatch(v -> v.startsWith(ACCESS_ORDERED));
  }

  /**
   * Why this read of a map writes it, or null when it does not: for a map some value assigned to
   * it (else its declared type, when nothing is assigned in view) makes so.
   *
   * @param effect the access's effect as a read ({@link Effect#READ} or {@link Effect#ITERATE})
   * @param method the method called, as an {@code Access} spells it ({@code get}, {@code
   *     keySet().contains}), or null
   */
  public static String why(List<String> declaredType, List<String> assignedValues, Effect effect, String method) {
    if (!effect.readsContents()) {
      return null;
    }
    if (weak(declaredType, assignedValues)) {
      return "a WeakHashMap removes the entries of collected keys whenever it is read";
    }
    if (method != null && REORDERING_READS.contains(method) && accessOrdered(assignedValues)) {
      return method + " on a LinkedHashMap in access order moves the entry to the end";
    }
    return null;
  }
}

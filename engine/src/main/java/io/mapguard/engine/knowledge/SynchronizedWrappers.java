package io.mapguard.engine.knowledge;

import java.util.Set;

/**
 * Which traversals of a {@code Collections.synchronizedMap} (or of its keySet/values/entrySet views)
 * run without the wrapper's lock. Every other method of the wrapper and of its views locks the map
 * itself: {@code forEach}, {@code toString}, {@code equals}, {@code hashCode}, {@code toArray},
 * {@code containsValue}, {@code removeIf}… — so {@code new ArrayList<>(m.values())} (toArray),
 * {@code String.valueOf(m)} and string concatenation are safe (JDK 17-25 {@code Collections}).
 */
public final class SynchronizedWrappers {
  /** The traversal of a map passed to {@code putAll}, which walks its entrySet() with an iterator. */
  public static final String PUT_ALL = "putAll";

  /** Traversal descriptors (see {@code MapCall#traversal}) that iterate without the lock. */
  private static final Set<String> UNLOCKED =
      Set.of("for-each", "iterator", "spliterator", "stream", "parallelStream", PUT_ALL);

  /**
   * Constructors that walk their argument with an iterator (HashMap/TreeMap copy via entrySet(),
   * HashSet/TreeSet via addAll): unlike ArrayList, LinkedList, ArrayDeque or CopyOnWriteArrayList,
   * which copy through the synchronized {@code toArray()} / {@code forEach}.
   */
  private static final Set<String> ITERATING_COPIES =
      Set.of(
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.IdentityHashMap",
          "java.util.WeakHashMap",
          "java.util.EnumMap",
          "java.util.Hashtable",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          "java.util.concurrent.ConcurrentHashMap",
          "java.util.concurrent.ConcurrentSkipListMap",
          "java.util.concurrent.ConcurrentSkipListSet",
          "java.util.concurrent.ConcurrentLinkedQueue");

  private SynchronizedWrappers() {}

  /** Whether this traversal of a synchronized wrapper needs the caller to hold the wrapper. */
  public static boolean iteratesWithoutLock(String traversal) {
    if (traversal == null) {
      return false;
    }
    if (traversal.startsWith("new:")) {
      return ITERATING_COPIES.contains(traversal.substring(4));
    }
    return UNLOCKED.contains(traversal);
  }

  /** Every traversal {@link #iteratesWithoutLock} says needs the lock, copies as {@code new:} and the class. */
  public static Set<String> unlockedTraversals() {
    Set<String> all = new java.util.HashSet<>(UNLOCKED);
    ITERATING_COPIES.forEach(copy -> all.add("new:" + copy));
    return all;
  }

  /** "for-each loop", "iterator()", "copy into a HashSet". */
  public static String describe(String traversal) {
    if (traversal.startsWith("new:")) {
      return "copied into a new " + traversal.substring(traversal.lastIndexOf('.') + 1);
    }
    if (traversal.equals(PUT_ALL)) {
      return "copied by putAll into another map";
    }
    if (traversal.equals("for-each")) {
      return "iterated by a for-each loop";
    }
    return "iterated through " + traversal + "()";
  }
}

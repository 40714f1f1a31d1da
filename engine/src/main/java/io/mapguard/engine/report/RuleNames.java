package io.mapguard.engine.report;

/**
 * Compile-time constants behind {@link Rule}, so that annotation attributes (Error Prone's
 * {@code @BugPattern}) can use them too.
 */
public final class RuleNames {
  public static final String DOCS_BASE =
      "https://github.com/mapguard/mapguard/blob/main/docs/rules/";

  public static final String UNSYNCHRONIZED_SHARED_MAP = "UnsynchronizedSharedMap";
  public static final String UNSYNCHRONIZED_SHARED_MAP_SUMMARY =
      "A non-thread-safe map field is reached from several threads and written after construction,"
          + " with no lock guarding it";

  public static final String INCONSISTENT_MAP_LOCKING = "InconsistentMapLocking";
  public static final String INCONSISTENT_MAP_LOCKING_SUMMARY =
      "An access to a map field misses the lock that guards the field's other accesses";

  public static final String MAP_WRITE_UNDER_READ_LOCK = "MapWriteUnderReadLock";
  public static final String MAP_WRITE_UNDER_READ_LOCK_SUMMARY =
      "A map is modified while only the read lock of a ReadWriteLock or StampedLock is held";

  public static final String GUARDED_MAP_ESCAPE = "GuardedMapEscape";
  public static final String GUARDED_MAP_ESCAPE_SUMMARY =
      "The map object of a lock-guarded field leaves its lock (returned, passed out, stored, or"
          + " returned as a live view)";

  public static final String UNSAFE_MAP_PUBLICATION = "UnsafeMapPublication";
  public static final String UNSAFE_MAP_PUBLICATION_SUMMARY =
      "A map field is published to other threads unsafely (double-checked init without volatile,"
          + " racy replacement, or assigned before it is filled)";

  public static final String CONCURRENT_MAP_CHECK_THEN_ACT = "ConcurrentMapCheckThenAct";
  public static final String CONCURRENT_MAP_CHECK_THEN_ACT_SUMMARY =
      "A shared ConcurrentMap is checked and then updated in two steps (containsKey/get then"
          + " put/remove, get then put of a derived value, putIfAbsent's result ignored), so another"
          + " thread can act in between";

  public static final String MUTABLE_VALUE_IN_CONCURRENT_MAP = "MutableValueInConcurrentMap";
  public static final String MUTABLE_VALUE_IN_CONCURRENT_MAP_SUMMARY =
      "A value that is not thread-safe (ArrayList, HashSet, StringBuilder, an array...) is taken from"
          + " a shared ConcurrentMap and changed outside compute and outside any lock";

  public static final String CONCURRENT_MAP_NULL_VALUE = "ConcurrentMapNullValue";
  public static final String CONCURRENT_MAP_NULL_VALUE_SUMMARY =
      "A key or value that may be null (the literal, a local assigned null, a @Nullable parameter, a"
          + " method returning null, another map's get) is passed to a ConcurrentHashMap,"
          + " ConcurrentSkipListMap or Hashtable, which throws NullPointerException";

  public static final String SYNCHRONIZED_MAP_ITERATION = "SynchronizedMapIteration";
  public static final String SYNCHRONIZED_MAP_ITERATION_SUMMARY =
      "A Collections.synchronizedMap (or one of its views) is iterated without synchronized on"
          + " that map";

  public static final String SYNCHRONIZED_MAP_BYPASS = "SynchronizedMapBypass";
  public static final String SYNCHRONIZED_MAP_BYPASS_SUMMARY =
      "The backing map of a Collections.synchronizedMap is still used directly after wrapping,"
          + " without the wrapper's lock";

  public static final String MAP_MODIFIED_DURING_ITERATION = "MapModifiedDuringIteration";
  public static final String MAP_MODIFIED_DURING_ITERATION_SUMMARY =
      "A map is structurally modified (put of a new key, remove, clear) inside a loop over that map,"
          + " not through the iterator: the next step throws ConcurrentModificationException";

  public static final String RECURSIVE_MAP_UPDATE = "RecursiveMapUpdate";
  public static final String RECURSIVE_MAP_UPDATE_SUMMARY =
      "The function of computeIfAbsent/compute/computeIfPresent/merge modifies the same map"
          + " (ConcurrentModificationException, IllegalStateException \"Recursive update\" or a livelock)";

  public static final String MAP_CAPACITY_HINT = "MapCapacityHint";
  public static final String MAP_CAPACITY_HINT_SUMMARY =
      "new HashMap<>(n) with n the number of entries still resizes (n is a capacity, filled to 0.75);"
          + " use HashMap.newHashMap(n)";

  private RuleNames() {}
}

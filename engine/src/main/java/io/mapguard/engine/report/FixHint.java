package io.mapguard.engine.report;

/**
 * A repair the engine considers safe; front ends turn it into edits (Error Prone SuggestedFix,
 * mapvet suggestions).
 *
 * @param lock the guard expression for {@link Kind#ADD_GUARDED_BY}, {@link Kind#WRAP_SYNCHRONIZED}
 *     and {@link Kind#EXTEND_SYNCHRONIZED}; the factory ({@code HashMap.newHashMap}) for {@link
 *     Kind#USE_SIZED_FACTORY}; the summing function ({@code Integer::sum}) for {@link Kind#MERGE}
 * @param detail for {@link Kind#ADD_GUARDED_BY}: the qualified {@code @GuardedBy} flavor the class
 *     already uses, or null (the fix then adds mapguard's own); for {@link
 *     Kind#EXTEND_SYNCHRONIZED}: the line of the {@code synchronized} block to extend; else null
 */
public record FixHint(Kind kind, String lock, String detail) {
  /** The {@code @GuardedBy} a fix adds when the class uses none: mapguard's own. */
  public static final String DEFAULT_GUARDED_BY = "io.mapguard.annotations.GuardedBy";

  /** The Maven coordinates of mapguard's annotations. */
  public static final String ANNOTATIONS_ARTIFACT = "io.mapguard:mapguard-annotations";

  public FixHint(Kind kind, String lock) {
    this(kind, lock, null);
  }

  public enum Kind {
    /** Wrap the statement holding the access in {@code synchronized (lock) { ... }}. */
    WRAP_SYNCHRONIZED,
    /**
     * Move the statement holding the access into the {@code synchronized (lock)} block of the same
     * block of statements (at line {@code detail}) that uses the map: to its end when the block
     * comes before the statement, to its start when it comes after. Wrapping it in a block of its
     * own would let other threads change the map between the two blocks.
     */
    EXTEND_SYNCHRONIZED,
    /**
     * Annotate the field with {@code @GuardedBy("lock")}: the flavor the class already uses
     * ({@code detail}), else mapguard's own, from the {@link #ANNOTATIONS_ARTIFACT}
     * dependency.
     */
    ADD_GUARDED_BY,
    /** Replace {@code new HashMap<>()} by {@code new ConcurrentHashMap<>()}. */
    USE_CONCURRENT_HASH_MAP,
    /**
     * Replace {@code if (!m.containsKey(k)) m.put(k, v);} / {@code if (m.get(k) == null) m.put(k, v);}
     * (the if holding the access, with no else and the put as its only statement) by
     * {@code m.computeIfAbsent(k, unused -> v);}.
     */
    COMPUTE_IF_ABSENT,
    /**
     * Replace {@code new HashMap<>(n)} by {@code HashMap.newHashMap(n)} (the factory in {@code lock});
     * front ends offer it only where the JDK compiled against has that factory.
     */
    USE_SIZED_FACTORY,
    /**
     * Replace {@code m.put(k, m.getOrDefault(k, 0) + n);} by {@code m.merge(k, n, Integer::sum);}
     * (the summing function in {@code lock}).
     */
    MERGE;

    /**
     * Whether it edits the code at the access (the statement, the check, the creation), not the
     * field's declaration: a race reported once needs it at each of its accesses.
     */
    public boolean atTheAccess() {
      return this != ADD_GUARDED_BY && this != USE_CONCURRENT_HASH_MAP;
    }
  }

  /**
   * The fix as a sentence, for front ends that print suggestions rather than apply edits (mapvet).
   *
   * @param subject the map's name, or the created type for a finding about a map created in place
   */
  public String suggestion(String subject) {
    switch (kind) {
      case WRAP_SYNCHRONIZED:
        return "Wrap the statement in synchronized (" + lock + ") { … }.";
      case EXTEND_SYNCHRONIZED:
        return "Move the statement into the synchronized ("
            + lock
            + ") block at line "
            + detail
            + ", next to the map's use there, so that nothing changes the map between the two.";
      case ADD_GUARDED_BY:
        return "Annotate '"
            + subject
            + "' with @GuardedBy(\""
            + lock
            + "\") ("
            + guardedByDependency(detail)
            + ").";
      case USE_CONCURRENT_HASH_MAP:
        return "Create '" + subject + "' as a ConcurrentHashMap.";
      case COMPUTE_IF_ABSENT:
        return "Replace the check and the put by " + subject + ".computeIfAbsent(key, k -> value).";
      case MERGE:
        return "Replace the put by "
            + subject
            + ".merge(key, n, "
            + lock
            + ") (same result when getOrDefault's default is 0).";
      default:
        return "Create the map with " + lock + "(n) (JDK 19+).";
    }
  }

  /**
   * Which {@code @GuardedBy} the fix adds and where it comes from: "io.mapguard.annotations.GuardedBy,
   * from the io.mapguard:mapguard-annotations dependency", or "net.jcip.annotations.GuardedBy,
   * already used in this file".
   */
  public static String guardedByDependency(String flavor) {
    return flavor == null || flavor.equals(DEFAULT_GUARDED_BY)
        ? DEFAULT_GUARDED_BY + ", from the " + ANNOTATIONS_ARTIFACT + " dependency"
        : flavor + ", already used in this file";
  }
}

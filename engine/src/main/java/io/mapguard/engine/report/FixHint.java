package io.mapguard.engine.report;

/**
 * A repair the engine considers safe; front ends turn it into edits (Error Prone SuggestedFix,
 * mapvet suggestions).
 *
 * @param lock the guard expression for {@link Kind#ADD_GUARDED_BY} and {@link Kind#WRAP_SYNCHRONIZED};
 *     the factory ({@code HashMap.newHashMap}) for {@link Kind#USE_SIZED_FACTORY}; the summing
 *     function ({@code Integer::sum}) for {@link Kind#MERGE}
 */
public record FixHint(Kind kind, String lock) {
  public enum Kind {
    /** Wrap the statement holding the access in {@code synchronized (lock) { ... }}. */
    WRAP_SYNCHRONIZED,
    /** Annotate the field with {@code @GuardedBy("lock")}. */
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
    MERGE
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
      case ADD_GUARDED_BY:
        return "Annotate '" + subject + "' with @GuardedBy(\"" + lock + "\").";
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
}

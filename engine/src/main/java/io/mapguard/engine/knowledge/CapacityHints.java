package io.mapguard.engine.knowledge;

import io.mapguard.engine.model.MapCreation.SizeArgument;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps whose {@code int} constructor argument is a table capacity, not an entry count: they grow once
 * they hold 0.75 of it. Each has a JDK 19+ factory that takes the entry count instead.
 * ConcurrentHashMap(int) and IdentityHashMap(int) are absent: they already size for that many entries.
 */
public final class CapacityHints {
  /** Created class → the static factory that sizes for an expected number of entries. */
  public static final Map<String, String> SIZED_FACTORIES =
      Map.of(
          "java.util.HashMap", "HashMap.newHashMap",
          "java.util.LinkedHashMap", "LinkedHashMap.newLinkedHashMap",
          "java.util.WeakHashMap", "WeakHashMap.newWeakHashMap");

  /**
   * Names that say "how many": {@code n}, {@code count}, {@code size}, {@code expectedUsers},
   * {@code numEntries}, {@code MAX_ENTRIES}, {@code userCount}. A name like {@code capacity} or
   * {@code initialCapacity} says the author already thought in buckets and is left alone.
   */
  private static final Pattern COUNT_NAME =
      Pattern.compile(
          "n|count|size|length|total|expected[A-Z_].*|num[A-Z_].*|.*(Count|Size|Length|Total|Entries)"
              + "|(.*_)?(COUNT|SIZE|LENGTH|TOTAL|ENTRIES)|EXPECTED_.*|NUM_.*|.*_(USERS|ITEMS|KEYS)");

  private CapacityHints() {}

  public static Optional<String> sizedFactory(String createdType) {
    return Optional.ofNullable(SIZED_FACTORIES.get(createdType));
  }

  /** Whether the argument reads as a number of entries rather than a capacity. */
  public static boolean isEntryCount(SizeArgument kind, String argument) {
    switch (kind) {
      case SIZE_CALL:
      case LENGTH:
        return true;
      case NAME:
        return COUNT_NAME.matcher(simpleName(argument)).matches();
      default:
        return false;
    }
  }

  private static String simpleName(String argument) {
    int dot = argument.lastIndexOf('.');
    return dot < 0 ? argument : argument.substring(dot + 1);
  }
}

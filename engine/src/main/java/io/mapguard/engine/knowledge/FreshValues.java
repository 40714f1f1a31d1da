package io.mapguard.engine.knowledge;

import java.util.Map;
import java.util.Set;

/**
 * Calls whose result no earlier call returned: a map whose every entry is put under such a key (a
 * lock token from {@code UUID.randomUUID()}, an id from a counter's {@code incrementAndGet()}) never
 * has a key put twice, so a value, once removed, never comes back under its key and no put replaces
 * another. ConcurrentMapCheckThenAct leaves a get-then-remove on such a map alone: there is no newer
 * value for the remove to take, and two removes of one entry remove it once.
 */
public final class FreshValues {
  /**
   * No-argument methods that make a new value, to the simple name of the class whose static method
   * it is, or to {@code ""} for an instance method of any receiver that is no local (a counter
   * field's: a local counter starts again on each call).
   */
  private static final Map<String, String> GENERATORS =
      Map.of(
          "randomUUID", "UUID",
          "incrementAndGet", "",
          "getAndIncrement", "");

  /** No-argument methods whose result is as new as their receiver: {@code uuid.toString()}. */
  private static final Set<String> KEEPING = Set.of("toString");

  /** Static one-argument methods whose result is as new as their argument, by class simple name. */
  private static final Map<String, Set<String>> KEEPING_STATIC =
      Map.of(
          "String", Set.of("valueOf"),
          "Long", Set.of("toString", "valueOf"),
          "Integer", Set.of("toString", "valueOf"));

  private FreshValues() {}

  /**
   * Whether a no-argument call of {@code method} makes a new value; {@code receiverClass} is the
   * simple name its receiver spells as a class ({@code UUID}), or null for another receiver.
   */
  public static boolean generates(String method, String receiverClass) {
    String owner = GENERATORS.get(method);
    return owner != null && (owner.isEmpty() || owner.equals(receiverClass));
  }

  /** Whether a no-argument call of {@code method} on a new value is a new value too. */
  public static boolean keepsReceiver(String method) {
    return KEEPING.contains(method);
  }

  /** Whether {@code receiverClass.method(x)} of a new value {@code x} is a new value too. */
  public static boolean keepsArgument(String receiverClass, String method) {
    return KEEPING_STATIC.getOrDefault(receiverClass, Set.of()).contains(method);
  }
}

package io.mapguard.engine.knowledge;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Values kept inside maps: which types are not thread-safe, and which of their methods change them.
 * A type that is not listed is not judged.
 */
public final class ValueTypes {
  /** Types whose methods change them the same way. */
  public enum Family {
    COLLECTION,
    MAP,
    MULTIMAP,
    TEXT,
    BITS,
    MUTABLE_NUMBER,
    ARRAY
  }

  private static final Map<Family, Set<String>> MUTATORS =
      Map.of(
          Family.COLLECTION,
          Set.of(
              "add", "addAll", "remove", "removeAll", "retainAll", "removeIf", "clear", "set",
              "sort", "replaceAll", "push", "pop", "poll", "offer", "addFirst", "addLast",
              "removeFirst", "removeLast", "pollFirst", "pollLast", "offerFirst", "offerLast",
              "removeFirstOccurrence", "removeLastOccurrence", "setCount"),
          Family.MAP,
          Set.of(
              "put", "putAll", "remove", "clear", "putIfAbsent", "compute", "computeIfAbsent",
              "computeIfPresent", "merge", "replace", "replaceAll", "pollFirstEntry",
              "pollLastEntry"),
          Family.MULTIMAP,
          Set.of("put", "putAll", "remove", "removeAll", "replaceValues", "clear"),
          Family.TEXT,
          Set.of(
              "append", "appendCodePoint", "insert", "delete", "deleteCharAt", "replace",
              "reverse", "setLength", "setCharAt", "repeat"),
          Family.BITS,
          Set.of("set", "clear", "flip", "and", "or", "xor", "andNot"),
          Family.MUTABLE_NUMBER,
          Set.of(
              "increment", "decrement", "add", "subtract", "setValue", "getAndIncrement",
              "incrementAndGet", "getAndDecrement", "decrementAndGet", "addAndGet", "getAndAdd",
              "setTrue", "setFalse"),
          Family.ARRAY,
          Set.of(io.mapguard.engine.model.ValueMutation.ARRAY_STORE));

  /**
   * What to store instead, by family, as fixes name it: thread-safe types that keep the value's
   * use (a set or list for a collection, an adder for a counter, an atomic array for an array).
   */
  private static final Map<Family, String> THREAD_SAFE_ALTERNATIVES =
      Map.of(
          Family.COLLECTION, "ConcurrentHashMap.newKeySet(), CopyOnWriteArrayList, ConcurrentLinkedQueue",
          Family.MAP, "ConcurrentHashMap",
          Family.MULTIMAP, "a ConcurrentHashMap of ConcurrentHashMap.newKeySet() sets",
          Family.TEXT, "a ConcurrentLinkedQueue of the parts, joined when read",
          Family.BITS, "an AtomicLongArray of the bit words",
          Family.MUTABLE_NUMBER, "LongAdder, AtomicLong, AtomicInteger",
          Family.ARRAY, "AtomicLongArray, AtomicIntegerArray, AtomicReferenceArray");

  /**
   * Methods that walk every element of the value, by family (with the for-each loop over it): a
   * walk while another thread changes the value can throw ConcurrentModificationException or see a
   * half-made change. Views ({@code keySet()}…) walk it later, in the caller's own loop.
   */
  private static final Map<Family, Set<String>> WALKERS =
      Map.of(
          Family.COLLECTION,
          Set.of(
              io.mapguard.engine.model.ValueMutation.FOR_EACH, "iterator", "listIterator",
              "forEach", "stream", "parallelStream", "spliterator", "toArray", "containsAll",
              "descendingIterator"),
          Family.MAP,
          Set.of("forEach", "keySet", "values", "entrySet", "navigableKeySet", "descendingMap"),
          Family.MULTIMAP,
          Set.of("forEach", "keySet", "values", "entries", "asMap", "keys"));

  /** Concrete types that are not thread-safe. */
  private static final Map<String, Family> NOT_THREAD_SAFE =
      Map.ofEntries(
          Map.entry("java.util.ArrayList", Family.COLLECTION),
          Map.entry("java.util.LinkedList", Family.COLLECTION),
          Map.entry("java.util.ArrayDeque", Family.COLLECTION),
          Map.entry("java.util.PriorityQueue", Family.COLLECTION),
          Map.entry("java.util.HashSet", Family.COLLECTION),
          Map.entry("java.util.LinkedHashSet", Family.COLLECTION),
          Map.entry("java.util.TreeSet", Family.COLLECTION),
          Map.entry("java.util.EnumSet", Family.COLLECTION),
          Map.entry("java.util.HashMap", Family.MAP),
          Map.entry("java.util.LinkedHashMap", Family.MAP),
          Map.entry("java.util.TreeMap", Family.MAP),
          Map.entry("java.util.IdentityHashMap", Family.MAP),
          Map.entry("java.util.WeakHashMap", Family.MAP),
          Map.entry("java.util.EnumMap", Family.MAP),
          Map.entry("java.util.BitSet", Family.BITS),
          Map.entry("java.lang.StringBuilder", Family.TEXT),
          Map.entry("com.google.common.collect.HashMultiset", Family.COLLECTION),
          Map.entry("com.google.common.collect.ArrayListMultimap", Family.MULTIMAP),
          Map.entry("com.google.common.collect.HashMultimap", Family.MULTIMAP),
          Map.entry("com.google.common.collect.LinkedListMultimap", Family.MULTIMAP),
          Map.entry("org.apache.commons.lang3.mutable.MutableInt", Family.MUTABLE_NUMBER),
          Map.entry("org.apache.commons.lang3.mutable.MutableLong", Family.MUTABLE_NUMBER),
          Map.entry("org.apache.commons.lang3.mutable.MutableDouble", Family.MUTABLE_NUMBER),
          Map.entry("org.apache.commons.lang3.mutable.MutableBoolean", Family.MUTABLE_NUMBER),
          Map.entry("org.apache.commons.lang3.mutable.MutableObject", Family.MUTABLE_NUMBER));

  /** Static factories of not thread-safe values, as {@code owner.method}. */
  private static final Map<String, Family> NOT_THREAD_SAFE_FACTORIES =
      Map.ofEntries(
          Map.entry("java.util.EnumSet.noneOf", Family.COLLECTION),
          Map.entry("java.util.EnumSet.allOf", Family.COLLECTION),
          Map.entry("java.util.EnumSet.of", Family.COLLECTION),
          Map.entry("java.util.EnumSet.copyOf", Family.COLLECTION),
          Map.entry("java.util.HashMap.newHashMap", Family.MAP),
          Map.entry("java.util.LinkedHashMap.newLinkedHashMap", Family.MAP),
          Map.entry("java.util.HashSet.newHashSet", Family.COLLECTION),
          Map.entry("java.util.LinkedHashSet.newLinkedHashSet", Family.COLLECTION),
          Map.entry("com.google.common.collect.Lists.newArrayList", Family.COLLECTION),
          Map.entry("com.google.common.collect.Lists.newLinkedList", Family.COLLECTION),
          Map.entry("com.google.common.collect.Sets.newHashSet", Family.COLLECTION),
          Map.entry("com.google.common.collect.Sets.newLinkedHashSet", Family.COLLECTION),
          Map.entry("com.google.common.collect.Sets.newTreeSet", Family.COLLECTION),
          Map.entry("com.google.common.collect.Maps.newHashMap", Family.MAP),
          Map.entry("com.google.common.collect.Maps.newLinkedHashMap", Family.MAP),
          Map.entry("com.google.common.collect.ArrayListMultimap.create", Family.MULTIMAP),
          Map.entry("com.google.common.collect.HashMultimap.create", Family.MULTIMAP));

  /** Interfaces: the values stored decide whether they are thread-safe. */
  private static final Map<String, Family> INTERFACES =
      Map.ofEntries(
          Map.entry("java.util.Collection", Family.COLLECTION),
          Map.entry("java.util.List", Family.COLLECTION),
          Map.entry("java.util.Set", Family.COLLECTION),
          Map.entry("java.util.SortedSet", Family.COLLECTION),
          Map.entry("java.util.NavigableSet", Family.COLLECTION),
          Map.entry("java.util.Queue", Family.COLLECTION),
          Map.entry("java.util.Deque", Family.COLLECTION),
          Map.entry("java.util.SequencedCollection", Family.COLLECTION),
          Map.entry("java.util.SequencedSet", Family.COLLECTION),
          Map.entry("java.util.Map", Family.MAP),
          Map.entry("java.util.SortedMap", Family.MAP),
          Map.entry("java.util.NavigableMap", Family.MAP),
          Map.entry("java.util.SequencedMap", Family.MAP),
          Map.entry("com.google.common.collect.Multimap", Family.MULTIMAP),
          Map.entry("com.google.common.collect.ListMultimap", Family.MULTIMAP),
          Map.entry("com.google.common.collect.SetMultimap", Family.MULTIMAP),
          Map.entry("com.google.common.collect.Multiset", Family.COLLECTION));

  private ValueTypes() {}

  /**
   * The family of a declared value type that is not thread-safe whatever is stored: a listed class or
   * an array.
   */
  public static Optional<Family> notThreadSafeType(String type) {
    if (type == null) {
      return Optional.empty();
    }
    if (type.endsWith("[]")) {
      return Optional.of(Family.ARRAY);
    }
    return Optional.ofNullable(NOT_THREAD_SAFE.get(type));
  }

  /** The family of an interface value type, whose implementations may or may not be thread-safe. */
  public static Optional<Family> interfaceType(String type) {
    return Optional.ofNullable(type == null ? null : INTERFACES.get(type));
  }

  /**
   * Whether a stored value ({@code new:T}, {@code call:Owner.method}, {@code type:T}, see
   * {@link io.mapguard.engine.model.StoredValue#value}) is known not to be thread-safe.
   */
  public static boolean isNotThreadSafeValue(String value) {
    int colon = value.indexOf(':');
    String kind = value.substring(0, colon);
    String name = value.substring(colon + 1);
    if (kind.equals("call")) {
      return NOT_THREAD_SAFE_FACTORIES.containsKey(name);
    }
    return notThreadSafeType(name).isPresent();
  }

  /** The simple name of a stored value's type or factory, for messages. */
  public static String describe(String value) {
    String name = value.substring(value.indexOf(':') + 1);
    if (value.startsWith("call:")) {
      int method = name.lastIndexOf('.');
      return name.substring(name.lastIndexOf('.', method - 1) + 1) + "()";
    }
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** Thread-safe types to store instead of values of {@code family}, as a fix lists them. */
  public static String threadSafeAlternatives(Family family) {
    return THREAD_SAFE_ALTERNATIVES.get(family);
  }

  /**
   * The methods that change a value of {@code family} ({@link
   * io.mapguard.engine.model.ValueMutation#ARRAY_STORE} for an array).
   */
  public static Set<String> mutators(Family family) {
    return MUTATORS.get(family);
  }

  public static boolean mutates(Family family, String method) {
    return MUTATORS.get(family).contains(method);
  }

  /** Whether {@code method} (or {@code for-each}) walks every element of a value of {@code family}. */
  public static boolean walks(Family family, String method) {
    return WALKERS.getOrDefault(family, Set.of()).contains(method);
  }
}

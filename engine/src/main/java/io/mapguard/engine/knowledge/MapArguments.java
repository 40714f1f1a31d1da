package io.mapguard.engine.knowledge;

import java.util.List;

/** What a call does with a map passed to it as an argument. */
public final class MapArguments {
  /** {@code Map.putAll(m)}: every map's walks {@code m.entrySet()} with an iterator. */
  public static final MethodRef PUT_ALL = new MethodRef("java.util.Map", "putAll");

  /** Calls that read their map argument on the spot and keep no reference to it. */
  public static final List<MethodRef> SYNCHRONOUS_CONSUMERS =
      List.of(
          new MethodRef("java.util.Map", "copyOf"),
          new MethodRef("java.util.List", "copyOf"),
          new MethodRef("java.util.Set", "copyOf"),
          PUT_ALL,
          new MethodRef("java.util.Map", "equals"),
          new MethodRef("java.util.Collection", "addAll"),
          new MethodRef("java.util.Collection", "containsAll"),
          new MethodRef("java.util.Collection", "removeAll"),
          new MethodRef("java.util.Collection", "retainAll"),
          new MethodRef("com.google.common.collect.ImmutableMap", "copyOf"),
          new MethodRef("com.google.common.collect.ImmutableSortedMap", "copyOf"),
          new MethodRef("com.google.common.collect.ImmutableList", "copyOf"),
          new MethodRef("com.google.common.collect.ImmutableSet", "copyOf"),
          new MethodRef("java.lang.String", "*"),
          new MethodRef("java.util.Objects", "*"),
          new MethodRef("java.lang.System", "identityHashCode"),
          new MethodRef("java.io.PrintStream", "*"),
          new MethodRef("java.lang.AbstractStringBuilder", "*"),
          new MethodRef("org.slf4j.Logger", "*"),
          new MethodRef("java.util.logging.Logger", "*"),
          new MethodRef("org.apache.logging.log4j.Logger", "*"),
          new MethodRef("org.apache.commons.logging.Log", "*"),
          new MethodRef("com.google.common.base.Preconditions", "*"),
          new MethodRef("com.google.common.base.MoreObjects.ToStringHelper", "*"));

  /** Wrappers returning a live view of their argument. */
  public static final List<MethodRef> VIEW_WRAPPERS =
      List.of(
          new MethodRef("java.util.Collections", "unmodifiableMap"),
          new MethodRef("java.util.Collections", "unmodifiableSortedMap"),
          new MethodRef("java.util.Collections", "unmodifiableNavigableMap"),
          new MethodRef("java.util.Collections", "unmodifiableSet"),
          new MethodRef("java.util.Collections", "unmodifiableCollection"));

  private MapArguments() {}
}

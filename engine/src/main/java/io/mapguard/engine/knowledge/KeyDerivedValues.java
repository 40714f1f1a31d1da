package io.mapguard.engine.knowledge;

import java.util.List;
import java.util.Set;

/**
 * Values computed from a map's key alone, which a cache may compute twice when two threads miss at
 * once: both put equal values, so the put that is lost loses nothing (ConcurrentMapCheckThenAct
 * leaves such a get-then-put alone). Only lookups and accessors count: a {@code new} object, or a
 * call that makes one ({@code createLogger(name)}, {@code c.newInstance()}), has an identity the
 * other thread does not share.
 */
public final class KeyDerivedValues {
  /** {@code other.get(key)}: the value another map holds for the key (a second cache level). */
  public static final Set<String> LOOKUPS = Set.of("get");

  /** Prefixes of a no-argument method of the key that reads it: {@code c.getMethods()}, {@code s.toLowerCase()}. */
  public static final List<String> ACCESSOR_PREFIXES = List.of("get", "to", "is", "as");

  private KeyDerivedValues() {}

  /** Whether {@code name} reads like an accessor: a prefix above followed by an upper-case letter. */
  public static boolean isAccessor(String name) {
    for (String prefix : ACCESSOR_PREFIXES) {
      if (name.startsWith(prefix)
          && name.length() > prefix.length()
          && Character.isUpperCase(name.charAt(prefix.length()))) {
        return true;
      }
    }
    return false;
  }
}

package io.mapguard.engine.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A method table's entries by method name. Front ends look up every call of an analysed class, so a
 * lookup returns only the entries that can match the call's name; the owner test (a subtype check)
 * is the front end's.
 */
final class ByMethodName<T> {
  private final Map<String, List<T>> named;
  private final List<T> anyName;

  ByMethodName(List<T> entries, Function<T, MethodRef> method) {
    Map<String, List<T>> byName = new HashMap<>();
    List<T> any = new ArrayList<>();
    for (T entry : entries) {
      String name = method.apply(entry).name();
      if (name.equals(MethodRef.ANY_NAME)) {
        any.add(entry);
      } else {
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(entry);
      }
    }
    byName.replaceAll((name, list) -> List.copyOf(list));
    this.named = Map.copyOf(byName);
    this.anyName = List.copyOf(any);
  }

  /** The entries for {@code name}, then those for any name, in table order within each. */
  List<T> candidates(String name) {
    List<T> exact = named.getOrDefault(name, List.of());
    if (anyName.isEmpty()) {
      return exact;
    }
    if (exact.isEmpty()) {
      return anyName;
    }
    List<T> all = new ArrayList<>(exact);
    all.addAll(anyName);
    return all;
  }
}

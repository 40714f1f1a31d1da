package io.mapguard.javac;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.mapguard.engine.knowledge.ImmediateCallbacks;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.ThreadStartApis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Matches called methods against the engine's immediate-callback and thread-start tables. Every call
 * in an analysed class is looked up, so the tables are indexed by method name: a subtype test runs
 * only for entries whose name matches.
 */
final class ApiMatcher {
  private static final String ANY_NAME = "*";

  private final JavacTypes types;
  private final Map<String, List<MethodRef>> immediateByName;
  private final Map<String, List<ThreadStartApis.Entry>> threadStartsByName;

  ApiMatcher(JavacTypes types, ImmediateCallbacks immediate, ThreadStartApis threadStarts) {
    this.types = types;
    this.immediateByName = byName(immediate.methods(), ref -> ref);
    this.threadStartsByName = byName(threadStarts.entries(), ThreadStartApis.Entry::method);
  }

  private static <T> Map<String, List<T>> byName(List<T> entries, Function<T, MethodRef> ref) {
    Map<String, List<T>> index = new HashMap<>();
    for (T entry : entries) {
      index.computeIfAbsent(ref.apply(entry).name(), k -> new ArrayList<>()).add(entry);
    }
    return index;
  }

  /** Entries for {@code method}'s name, then those for any name, in table order within each. */
  private static <T> List<T> candidates(Map<String, List<T>> index, Symbol method) {
    List<T> named = index.getOrDefault(method.getSimpleName().toString(), List.of());
    List<T> any = index.getOrDefault(ANY_NAME, List.of());
    if (any.isEmpty()) {
      return named;
    }
    List<T> all = new ArrayList<>(named);
    all.addAll(any);
    return all;
  }

  boolean isImmediate(Symbol method) {
    if (!(method instanceof MethodSymbol)) {
      return false;
    }
    for (MethodRef ref : candidates(immediateByName, method)) {
      if (matches(ref, method)) {
        return true;
      }
    }
    return false;
  }

  Optional<ThreadStartApis.Entry> threadStart(Symbol method) {
    if (!(method instanceof MethodSymbol)) {
      return Optional.empty();
    }
    for (ThreadStartApis.Entry entry : candidates(threadStartsByName, method)) {
      if (matches(entry.method(), method)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  boolean matches(MethodRef ref, Symbol method) {
    if (!(method instanceof MethodSymbol) || method.owner == null) {
      return false;
    }
    String name = method.getSimpleName().toString();
    if (!ref.name().equals(ANY_NAME) && !ref.name().equals(name)) {
      return false;
    }
    return types.isSubtype(method.owner.type, ref.owner());
  }

  static boolean isMethod(Symbol symbol, String owner, String name) {
    return symbol instanceof MethodSymbol
        && symbol.getSimpleName().contentEquals(name)
        && symbol.owner != null
        && symbol.owner.getQualifiedName().contentEquals(owner);
  }
}

package io.mapguard.javac;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.mapguard.engine.knowledge.ImmediateCallbacks;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.ThreadStartApis;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Matches called methods against the engine's immediate-callback and thread-start tables. The tables
 * hand out only the entries for a call's name, so a subtype test runs only for those; and a
 * compilation calls the same few methods over and over, so each method's answer is kept.
 */
final class ApiMatcher {
  private final JavacTypes types;
  private final ImmediateCallbacks immediate;
  private final ThreadStartApis threadStarts;
  private final Map<Symbol, Boolean> immediateByMethod = new IdentityHashMap<>();
  private final Map<Symbol, Optional<ThreadStartApis.Entry>> threadStartByMethod = new IdentityHashMap<>();

  ApiMatcher(JavacTypes types, ImmediateCallbacks immediate, ThreadStartApis threadStarts) {
    this.types = types;
    this.immediate = immediate;
    this.threadStarts = threadStarts;
  }

  boolean isImmediate(Symbol method) {
    if (!(method instanceof MethodSymbol)) {
      return false;
    }
    return immediateByMethod.computeIfAbsent(method, this::matchesImmediate);
  }

  private boolean matchesImmediate(Symbol method) {
    for (MethodRef ref : immediate.candidates(method.getSimpleName().toString())) {
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
    return threadStartByMethod.computeIfAbsent(method, this::matchingThreadStart);
  }

  private Optional<ThreadStartApis.Entry> matchingThreadStart(Symbol method) {
    for (ThreadStartApis.Entry entry : threadStarts.candidates(method.getSimpleName().toString())) {
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
    if (!ref.name().equals(MethodRef.ANY_NAME) && !ref.name().equals(name)) {
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

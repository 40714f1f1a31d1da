package io.mapguard.engine.analysis;

import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.FlagUse;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A map filled once under a lock and published through a volatile flag:
 *
 * <pre>{@code
 * private static synchronized void init() {
 *   if (initialized) return;
 *   aliases.put(...);            // every write: under the lock, before the flag is set
 *   initialized = true;          // volatile write
 * }
 * public static List<Cipher> parse(String expression) {
 *   if (!initialized) init();    // volatile read
 *   return aliases.get(...);     // every other access: after a read of the flag
 * }
 * }</pre>
 *
 * A reader that sees the flag set sees every write made before it was set (the volatile write and
 * read are a happens-before edge); one that does not calls the initialiser, which runs under the
 * lock. The accesses of such a map do not race. Code reached only through the class's own calls
 * (a helper of the initialiser, a helper of a reader) is judged at its calls.
 *
 * <p>A read of the flag counts before an access whatever the code does with it: the pattern above
 * is what code that reads the flag does, in practice, and the check does not follow conditions.
 */
final class VolatilePublication {
  private final List<FlagUse> uses;
  private final Map<CodeUnit, List<CallEdge>> incoming;
  private final List<CallEdge> calls;

  VolatilePublication(List<FlagUse> uses, List<CallEdge> calls, Map<CodeUnit, List<CallEdge>> incoming) {
    this.uses = uses;
    this.calls = calls;
    this.incoming = incoming;
  }

  /** The flag that publishes every one of {@code accesses}, or null. */
  String publishingFlag(List<ResolvedAccess> accesses) {
    Set<String> flags = new LinkedHashSet<>();
    for (FlagUse use : uses) {
      if (use.write()) {
        flags.add(use.flag());
      }
    }
    for (String flag : flags) {
      if (publishes(flag, accesses)) {
        return flag;
      }
    }
    return null;
  }

  private boolean publishes(String flag, List<ResolvedAccess> accesses) {
    boolean written = false;
    for (ResolvedAccess access : accesses) {
      boolean write = access.effect() == Effect.WRITE || access.effect() == Effect.ASSIGN;
      CodeUnit unit = access.access().unit();
      int order = access.access().order();
      boolean beforeFlagSet = !access.locks().isEmpty() && beforeSet(flag, unit, order, new HashSet<>());
      if (!beforeFlagSet && (write || !afterRead(flag, unit, order, new HashSet<>()))) {
        return false;
      }
      written |= write;
    }
    return written;
  }

  /** Whether code at {@code order} in {@code unit} runs before the flag is set, on every path into it. */
  private boolean beforeSet(String flag, CodeUnit unit, int order, Set<CodeUnit> seen) {
    for (FlagUse use : uses) {
      if (use.write() && use.unit() == unit && use.flag().equals(flag) && use.order() > order) {
        return true;
      }
    }
    return everyCall(unit, seen, call -> beforeSet(flag, call.caller(), call.order(), seen));
  }

  /**
   * Whether code at {@code order} in {@code unit} runs after a read of the flag, on every path into
   * it: one made before it in the unit, or in a method it calls before it ({@code loadOnce();
   * map.get(k)}, the loader checking the flag and filling the map under its lock).
   */
  private boolean afterRead(String flag, CodeUnit unit, int order, Set<CodeUnit> seen) {
    for (FlagUse use : uses) {
      if (!use.write() && use.unit() == unit && use.flag().equals(flag) && use.order() < order) {
        return true;
      }
    }
    for (CallEdge call : calls) {
      if (call.caller() == unit
          && call.order() >= 0
          && call.order() < order
          && readsFlag(flag, call.callee())) {
        return true;
      }
    }
    return everyCall(unit, seen, call -> afterRead(flag, call.caller(), call.order(), seen));
  }

  private boolean readsFlag(String flag, CodeUnit unit) {
    for (FlagUse use : uses) {
      if (!use.write() && use.unit() == unit && use.flag().equals(flag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether only the class's calls reach {@code unit} and every one of them passes {@code test};
   * {@code seen} holds the units on the current chain of calls.
   */
  private boolean everyCall(CodeUnit unit, Set<CodeUnit> seen, java.util.function.Predicate<CallEdge> test) {
    List<CallEdge> into = incoming.get(unit);
    if (unit.exported() || unit.kind() != CodeUnit.Kind.METHOD || into == null || !seen.add(unit)) {
      return false; // a cycle of calls proves nothing
    }
    try {
      for (CallEdge call : into) {
        if (!test.test(call)) {
          return false;
        }
      }
      return true;
    } finally {
      seen.remove(unit);
    }
  }
}

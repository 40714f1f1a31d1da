package io.mapguard.engine.analysis;

import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.FlagUse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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
  private final Map<CodeUnit, List<FlagUse>> usesIn = new HashMap<>();
  private final Map<CodeUnit, List<CallEdge>> callsFrom = new HashMap<>();
  private final Map<CodeUnit, List<CallEdge>> incoming;
  /** {@link #everyCall}'s answers, by question, flag and unit. */
  private final Map<String, Boolean> answers = new HashMap<>();
  /** The questions being answered, on the current chain of calls. */
  private final Set<String> pending = new HashSet<>();
  /** How many answers took a pending question for passed. */
  private int assumed;

  VolatilePublication(List<FlagUse> uses, List<CallEdge> calls, Map<CodeUnit, List<CallEdge>> incoming) {
    this.uses = uses;
    this.incoming = incoming;
    for (FlagUse use : uses) {
      usesIn.computeIfAbsent(use.unit(), k -> new ArrayList<>()).add(use);
    }
    for (CallEdge call : calls) {
      callsFrom.computeIfAbsent(call.caller(), k -> new ArrayList<>()).add(call);
    }
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
      boolean beforeFlagSet = !access.locks().isEmpty() && beforeSet(flag, unit, order);
      if (!beforeFlagSet && (write || !afterRead(flag, unit, order))) {
        return false;
      }
      written |= write;
    }
    return written;
  }

  /** Whether code at {@code order} in {@code unit} runs before the flag is set, on every path into it. */
  private boolean beforeSet(String flag, CodeUnit unit, int order) {
    for (FlagUse use : usesIn.getOrDefault(unit, List.of())) {
      if (use.write() && use.flag().equals(flag) && use.order() > order) {
        return true;
      }
    }
    return everyCall("set", flag, unit, call -> beforeSet(flag, call.caller(), call.order()));
  }

  /**
   * Whether code at {@code order} in {@code unit} runs after a read of the flag, on every path into
   * it: one made before it in the unit, or in a method it calls before it ({@code loadOnce();
   * map.get(k)}, the loader checking the flag and filling the map under its lock).
   */
  private boolean afterRead(String flag, CodeUnit unit, int order) {
    for (FlagUse use : usesIn.getOrDefault(unit, List.of())) {
      if (!use.write() && use.flag().equals(flag) && use.order() < order) {
        return true;
      }
    }
    for (CallEdge call : callsFrom.getOrDefault(unit, List.of())) {
      if (call.order() >= 0 && call.order() < order && readsFlag(flag, call.callee())) {
        return true;
      }
    }
    return everyCall("read", flag, unit, call -> afterRead(flag, call.caller(), call.order()));
  }

  private boolean readsFlag(String flag, CodeUnit unit) {
    for (FlagUse use : usesIn.getOrDefault(unit, List.of())) {
      if (!use.write() && use.flag().equals(flag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether only the class's calls reach {@code unit} and every one of them passes {@code test};
   * remembered per question, flag and unit, so that each unit's calls are looked at once. A call
   * from a unit whose own answer is pending (recursion, a cycle of calls) adds no path from outside
   * the cycle and passes; an answer that relied on one is not remembered, as the pending answer
   * may still fail.
   */
  private boolean everyCall(String question, String flag, CodeUnit unit, Predicate<CallEdge> test) {
    String key = question + ' ' + flag + ' ' + unit.id();
    if (pending.contains(key)) {
      assumed++;
      return true;
    }
    Boolean known = answers.get(key);
    if (known != null) {
      return known;
    }
    List<CallEdge> into = incoming.get(unit);
    boolean every = !unit.exported() && unit.kind() == CodeUnit.Kind.METHOD && into != null;
    int assumedBefore = assumed;
    pending.add(key);
    for (int i = 0; every && i < into.size(); i++) {
      every = test.test(into.get(i));
    }
    pending.remove(key);
    if (assumed == assumedBefore || !every) {
      answers.put(key, every);
    }
    return every;
  }
}

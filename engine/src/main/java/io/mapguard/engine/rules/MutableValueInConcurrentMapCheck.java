package io.mapguard.engine.rules;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.ValueTypes;
import io.mapguard.engine.model.StoredValue;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.engine.model.ValueMutation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A value of a type that is not thread-safe (ArrayList, HashSet, StringBuilder, an array…) taken out
 * of a shared thread-safe map and changed outside the map's atomic update functions and outside any
 * lock: the map makes its own operations atomic, not what is done to the values it hands out.
 */
public final class MutableValueInConcurrentMapCheck implements RuleCheck {
  @Override
  public Rule rule() {
    return Rule.MUTABLE_VALUE_IN_CONCURRENT_MAP;
  }

  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    if (analysis.facts().valueMutations().isEmpty()) {
      return;
    }
    for (ValueMutation mutation : analysis.facts().valueMutations()) {
      FieldState state = analysis.state(mutation.map());
      if (state == null
          || state.kind() != MapKind.CONCURRENT && state.kind() != MapKind.SYNCHRONIZED
          || !analysis.manyThreadsReach(state)) {
        continue;
      }
      Set<ThreadRoot> roots = analysis.contexts().roots(mutation.unit());
      if (roots.stream().allMatch(r -> r == ThreadRoot.CONSTRUCTION)
          || !analysis.locksAt(mutation.unit(), mutation.locksHeld()).isEmpty()) {
        continue;
      }
      Optional<String> values = unsafeValues(analysis, mutation);
      if (values.isPresent()) {
        String message = message(analysis, state, mutation, values.get());
        sink.report(rule(), state.field(), mutation.site(), message, List.of());
      }
    }
  }

  /**
   * How the message names the map's values when they are not thread-safe and {@code mutation}
   * changes one: "ArrayList values" for a declared class, "List values created as ArrayList (line
   * 9)" for an interface whose stored values show it; empty when not known.
   */
  private static Optional<String> unsafeValues(ClassAnalysis analysis, ValueMutation mutation) {
    String declared = mutation.map().valueType();
    Optional<ValueTypes.Family> concrete = ValueTypes.notThreadSafeType(declared);
    if (concrete.isPresent()) {
      return ValueTypes.mutates(concrete.get(), mutation.method())
          ? Optional.of(simpleName(declared) + " values")
          : Optional.empty();
    }
    Optional<ValueTypes.Family> family = ValueTypes.interfaceType(declared);
    if (family.isEmpty() || !ValueTypes.mutates(family.get(), mutation.method())) {
      return Optional.empty();
    }
    for (StoredValue stored : analysis.facts().storedValues()) {
      if (stored.map().equals(mutation.map()) && ValueTypes.isNotThreadSafeValue(stored.value())) {
        return Optional.of(
            simpleName(declared)
                + " values created as "
                + ValueTypes.describe(stored.value())
                + " (line "
                + stored.line()
                + ")");
      }
    }
    return Optional.empty();
  }

  private String message(
      ClassAnalysis analysis, FieldState state, ValueMutation mutation, String values) {
    String name = state.field().name();
    String change =
        mutation.method().equals(ValueMutation.ARRAY_STORE)
            ? "an element store"
            : mutation.method();
    String taken =
        mutation.sourceLine() == mutation.site().line()
            ? "by " + mutation.source() + " on the same line"
            : "at line " + mutation.sourceLine() + " (" + mutation.source() + ")";
    String held = mutation.through() == null ? "the value" : "'" + mutation.through() + "'";
    String evidence = threadEvidence(analysis, state, mutation);
    return "'"
        + name
        + "' holds "
        + values
        + ", and "
        + held
        + " taken from it "
        + taken
        + " is changed by "
        + change
        + " outside any lock"
        + (evidence == null ? "" : "; " + evidence)
        + ": the "
        + (state.kind() == MapKind.SYNCHRONIZED ? "synchronized map" : "concurrent map")
        + " only makes its own operations atomic, so threads that get the same value race on it."
        + " Store thread-safe values (ConcurrentHashMap.newKeySet(), CopyOnWriteArrayList,"
        + " LongAdder, AtomicInteger) or change the value inside compute(key, (k, v) -> ...).";
  }

  /** The thread evidence of the access that took the value out, or the class's. */
  private static String threadEvidence(
      ClassAnalysis analysis, FieldState state, ValueMutation mutation) {
    for (ResolvedAccess access : state.afterConstruction()) {
      if (access.access().unit() == mutation.unit()
          && access.line() == mutation.sourceLine()
          && mutation.source().equals(access.access().method())) {
        String evidence = analysis.threadEvidence(state, access);
        if (evidence != null) {
          return evidence;
        }
      }
    }
    if (analysis.classEvidence() != null) {
      return analysis.classEvidence();
    }
    for (ThreadRoot root : analysis.contexts().roots(mutation.unit())) {
      if (root.isTask()) {
        return "it runs in " + root.describe();
      }
    }
    return state.field().isStatic() ? "the map is static, shared by every thread" : null;
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}

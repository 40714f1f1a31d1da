package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.ValueTypes;
import io.mapguard.engine.model.StoredValue;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.engine.model.ValueMutation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A value of a type that is not thread-safe (ArrayList, HashSet, StringBuilder, an array…) taken out
 * of a shared thread-safe map and changed outside the map's atomic update functions and outside any
 * lock: the map makes its own operations atomic, not what is done to the values it hands out.
 */
@RuleDefinition(
    name = "MutableValueInConcurrentMap",
    summary =
        "A value that is not thread-safe (ArrayList, HashSet, StringBuilder, an array...) is "
            + "taken from a shared ConcurrentMap and changed outside compute and outside any lock",
    brief =
        "a non-thread-safe value (`ArrayList`, `HashSet`, `StringBuilder`, an `int[]` "
            + "counter…) taken from a shared ConcurrentMap by `get`/`computeIfAbsent` and changed "
            + "outside `compute` and outside any lock",
    order = 7,
    since = "0.1.0")
public final class MutableValueInConcurrentMapCheck implements RuleCheck {
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
      Optional<Values> values = unsafeValues(analysis, mutation);
      if (values.isPresent()) {
        List<Evidence> evidence = new ArrayList<>();
        String message = message(analysis, state, mutation, values.get(), evidence);
        sink.report(rule(), state.field(), mutation.site(), message, List.of(), evidence);
      }
    }
  }

  /** How the message names the map's values, and where a stored value it cites is created. */
  private record Values(String text, Evidence created) {}

  /** A text the message says and the place it cites, or null. */
  private record Cited(String text, Evidence place) {}

  /**
   * How the message names the map's values when they are not thread-safe and {@code mutation}
   * changes one: "ArrayList values" for a declared class, "List values created as ArrayList (line
   * 9)" for an interface whose stored values show it; empty when not known.
   */
  private static Optional<Values> unsafeValues(ClassAnalysis analysis, ValueMutation mutation) {
    String declared = mutation.map().valueType();
    Optional<ValueTypes.Family> concrete = ValueTypes.notThreadSafeType(declared);
    if (concrete.isPresent()) {
      return ValueTypes.mutates(concrete.get(), mutation.method())
          ? Optional.of(new Values(simpleName(declared) + " values", null))
          : Optional.empty();
    }
    Optional<ValueTypes.Family> family = ValueTypes.interfaceType(declared);
    if (family.isEmpty() || !ValueTypes.mutates(family.get(), mutation.method())) {
      return Optional.empty();
    }
    for (StoredValue stored : analysis.facts().storedValues()) {
      if (stored.map().equals(mutation.map()) && ValueTypes.isNotThreadSafeValue(stored.value())) {
        String created = ValueTypes.describe(stored.value());
        String text =
            simpleName(declared) + " values created as " + created + " (line " + stored.line()
                + ")";
        String description =
            "a value created as " + created + " is stored in '" + mutation.map().name() + "' here";
        return Optional.of(new Values(text, new Evidence(stored.line(), 0, description)));
      }
    }
    return Optional.empty();
  }

  /** The message; {@code evidence} gets the places it cites, in its order. */
  private String message(
      ClassAnalysis analysis,
      FieldState state,
      ValueMutation mutation,
      Values values,
      List<Evidence> evidence) {
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
    if (values.created() != null) {
      evidence.add(values.created());
    }
    if (mutation.sourceLine() != mutation.site().line()) {
      ResolvedAccess source = source(state, mutation);
      evidence.add(
          new Evidence(
              mutation.sourceLine(),
              source == null ? 0 : source.access().site().column(),
              held + " is taken from '" + name + "' here (" + mutation.source() + ")"));
    }
    Cited threads = threadEvidence(analysis, state, mutation);
    if (threads != null && threads.place() != null) {
      evidence.add(threads.place());
    }
    return "'"
        + name
        + "' holds "
        + values.text()
        + ", and "
        + held
        + " taken from it "
        + taken
        + " is changed by "
        + change
        + " outside any lock"
        + (threads == null ? "" : "; " + threads.text())
        + ": the "
        + (state.kind() == MapKind.SYNCHRONIZED ? "synchronized map" : "concurrent map")
        + " only makes its own operations atomic, so threads that get the same value race on it."
        + " Store thread-safe values (ConcurrentHashMap.newKeySet(), CopyOnWriteArrayList,"
        + " LongAdder, AtomicInteger) or change the value inside compute(key, (k, v) -> ...).";
  }

  /** The access that took the value out of the map, or null if not among the field's accesses. */
  private static ResolvedAccess source(FieldState state, ValueMutation mutation) {
    for (ResolvedAccess access : state.afterConstruction()) {
      if (isSource(access, mutation)) {
        return access;
      }
    }
    return null;
  }

  private static boolean isSource(ResolvedAccess access, ValueMutation mutation) {
    return access.access().unit() == mutation.unit()
        && access.line() == mutation.sourceLine()
        && mutation.source().equals(access.access().method());
  }

  /**
   * The thread evidence of the access that took the value out, or the class's, with the place it
   * cites (the task's start, the other thread's access; none for the class or a static field).
   */
  private static Cited threadEvidence(
      ClassAnalysis analysis, FieldState state, ValueMutation mutation) {
    for (ResolvedAccess access : state.afterConstruction()) {
      if (isSource(access, mutation)) {
        String evidence = analysis.threadEvidence(state, access, false);
        if (evidence != null) {
          return new Cited(evidence, analysis.threadEvidencePlace(state, access, false));
        }
      }
    }
    if (analysis.classEvidence() != null) {
      return new Cited(analysis.classEvidence(), null);
    }
    for (ThreadRoot root : analysis.contexts().roots(mutation.unit())) {
      if (root.isTask()) {
        return new Cited("it runs in " + root.describe(), ClassAnalysis.taskStart(root));
      }
    }
    return state.field().isStatic()
        ? new Cited("the map is static, shared by every thread", null)
        : null;
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}

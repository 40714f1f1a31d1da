package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.knowledge.MapBehaviours;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.SynchronizedWrappers;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.project.CallSite;
import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.engine.project.ResultUsedByCallers;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Collections.synchronizedMap} iterated without {@code synchronized (map)}: its single
 * calls lock the map, its iterators, spliterators and streams do not (see its javadoc). The same
 * for a Hashtable that other threads reach: its methods are synchronized, its views' iterators are
 * not, and they fail fast.
 */
@RuleDefinition(
    name = "SynchronizedMapIteration",
    summary =
        "A Collections.synchronizedMap or shared Hashtable (or one of its views) is iterated "
            + "without synchronized on that map",
    brief =
        "iterating a `Collections.synchronizedMap` or a shared `Hashtable` (views, iterator, "
            + "stream, iterating copies, `putAll`) without `synchronized` on that map",
    order = 9,
    since = "0.1.0")
public final class SynchronizedMapIterationCheck implements RuleCheck {
  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    for (FieldState state : analysis.fields()) {
      MapField field = state.field();
      boolean wrapper = state.kind() == MapKind.SYNCHRONIZED;
      // a Hashtable is often a legacy map one thread uses: only one other threads reach counts
      boolean table =
          !wrapper
              && MapBehaviours.has(
                  MapBehaviours.Behaviour.ITERATION_NEEDS_ITS_MONITOR, field.declaredType(), field.assignedValues())
              && analysis.manyThreadsReach(state);
      if (!wrapper && !table
          || field.threadConfined()
          || analysis.confinedToOneSingleThreadExecutor(state)) {
        continue;
      }
      Optional<Writer> writer = writer(analysis, state);
      if (writer.isEmpty()) {
        continue; // never changed after construction: iterating it is safe
      }
      LockRef monitor = LockRef.monitor(field.name());
      for (ResolvedAccess access : state.afterConstruction()) {
        String traversal = access.access().call().traversal();
        if (access.effect() != Effect.ITERATE
            || !SynchronizedWrappers.iteratesWithoutLock(traversal)
            || access.holdsAnyMode(monitor)) {
          continue;
        }
        String message =
            "'"
                + field.name()
                + (wrapper ? "' is a synchronized map " : "' is a Hashtable ")
                + SynchronizedWrappers.describe(traversal)
                + " at line "
                + access.line()
                + " without synchronized ("
                + field.name()
                + "), while "
                + writer.get().text()
                + ": its iterators do not lock the map, so the loop can throw"
                + " ConcurrentModificationException or miss entries. Wrap the iteration in"
                + " synchronized ("
                + field.name()
                + ") { … }.";
        List<FixHint> fixes =
            field.nestedClass() != null
                ? List.of()
                : List.of(new FixHint(FixHint.Kind.WRAP_SYNCHRONIZED, field.name()));
        sink.report(
            rule(), field, access.access().site(), message, fixes, List.of(writer.get().place()));
      }
      reportIterationByCallers(analysis, state, wrapper, sink);
    }
  }

  /**
   * The walks of a caller ({@link CallSite#resultUses}) that need the map's lock, as the message
   * says them after the caller's name.
   */
  private static final Map<String, String> WALKS_WITHOUT_THE_LOCK = walksWithoutTheLock();

  private static Map<String, String> walksWithoutTheLock() {
    Map<String, String> walks = new HashMap<>();
    for (String traversal : SynchronizedWrappers.unlockedTraversals()) {
      walks.put(
          CallSite.WALK + traversal,
          ", where it is " + SynchronizedWrappers.describe(traversal) + " without synchronized on the map");
    }
    return Map.copyOf(walks);
  }

  /**
   * A map the class writes after construction and returns from a method code outside the class
   * calls (one only the class calls is judged where the class iterates its result): reported at
   * the return when a caller elsewhere in the project iterates what the method returns (a view
   * walked, a copy by an iterating constructor or {@code putAll}) holding no monitor ({@link
   * ResultUsedByCallers}).
   */
  private void reportIterationByCallers(ClassAnalysis analysis, FieldState state, boolean wrapper, FindingSink sink) {
    ResolvedAccess write =
        state.afterConstruction().stream().filter(a -> a.effect() == Effect.WRITE).findFirst().orElse(null);
    if (write == null) {
      return;
    }
    MapField field = state.field();
    String name = field.name();
    String copy = MapTypes.copiedAs(field.declaredType(), field.assignedValues());
    String fix =
        "Wrap the caller's iteration in synchronized on the map, or return a copy made holding it: synchronized ("
            + name
            + ") { return new "
            + copy.substring(copy.lastIndexOf('.') + 1)
            + "<>("
            + name
            + "); }.";
    for (Escape escape : analysis.facts().escapes()) {
      ProjectMethod getter =
          escape.field().equals(field) && escape.kind() == Escape.Kind.RETURNED && escape.unit().exported()
              ? analysis.facts().calledAs(escape.unit())
              : null;
      if (getter == null) {
        continue;
      }
      String message =
          "'"
              + name
              + (wrapper ? "' is a synchronized map " : "' is a Hashtable ")
              + "that "
              + escape.unit().name()
              + " returns at line "
              + escape.site().line()
              + " to callers outside the class, while it is written at line "
              + write.line()
              + ". It goes to";
      String method = write.access().method();
      Evidence written =
          ClassAnalysis.place(write, "'" + name + "' is written here" + (method == null ? "" : " (" + method + ")"));
      sink.report(
          rule(), field, escape.site(), message, List.of(), List.of(written),
          new ResultUsedByCallers(
              getter,
              WALKS_WITHOUT_THE_LOCK,
              ": its iterators do not lock the map, so the walk can throw ConcurrentModificationException or miss"
                  + " entries.",
              fix));
    }
  }

  /** How the message says where the map changes, and that place. */
  private record Writer(String text, Evidence place) {}

  /** Where the map can change while it is iterated: a write after construction, or an escape. */
  private static Optional<Writer> writer(ClassAnalysis analysis, FieldState state) {
    String name = state.field().name();
    for (ResolvedAccess access : state.afterConstruction()) {
      if (access.effect() == Effect.WRITE) {
        String method = access.access().method();
        String written =
            "'" + name + "' is written here" + (method == null ? "" : " (" + method + ")");
        return Optional.of(
            new Writer(
                "it is written at line " + access.line(), ClassAnalysis.place(access, written)));
      }
    }
    for (Escape escape : analysis.facts().escapes()) {
      if (escape.field().equals(state.field()) && escape.kind() != Escape.Kind.VIEW_RETURNED) {
        return Optional.of(
            new Writer(
                "the map leaves the class at line " + escape.site().line(),
                new Evidence(
                    escape.site().line(),
                    escape.site().column(),
                    "'" + name + "' leaves the class here")));
      }
    }
    return Optional.empty();
  }
}

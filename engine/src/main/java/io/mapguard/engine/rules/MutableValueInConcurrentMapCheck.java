package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.knowledge.ValueTypes;
import io.mapguard.engine.model.StoredValue;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.engine.model.ValueMutation;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.engine.project.ResultUsedByCallers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            + "taken from a shared ConcurrentMap and changed outside compute and outside one lock, "
            + "or walked while guarded changes run",
    brief =
        "a non-thread-safe value (`ArrayList`, `HashSet`, `StringBuilder`, an `int[]` "
            + "counter…) taken from a shared ConcurrentMap by `get`/`computeIfAbsent` and changed "
            + "outside `compute` and outside one lock, or walked while guarded changes run",
    order = 7,
    since = "0.1.0")
public final class MutableValueInConcurrentMapCheck implements RuleCheck {
  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    if (analysis.facts().valueMutations().isEmpty()) {
      return;
    }
    Map<FieldState, List<Locked>> lockedChanges = new LinkedHashMap<>();
    Map<FieldState, List<Locked>> walks = new LinkedHashMap<>();
    Map<FieldState, List<Locked>> handouts = new LinkedHashMap<>();
    Set<FieldState> changed = new HashSet<>();
    for (ValueMutation mutation : analysis.facts().valueMutations()) {
      FieldState state = analysis.state(mutation.map());
      if (state == null
          || state.kind() != MapKind.CONCURRENT && state.kind() != MapKind.SYNCHRONIZED
          || !analysis.manyThreadsReach(state)) {
        continue;
      }
      Set<ThreadRoot> roots = analysis.contexts().roots(mutation.unit());
      if (roots.stream().allMatch(r -> r == ThreadRoot.CONSTRUCTION)) {
        continue;
      }
      Optional<Values> values = unsafeValues(analysis, mutation);
      if (values.isEmpty()) {
        continue;
      }
      Set<LockRef> held = analysis.locksAt(mutation.unit(), mutation.locksHeld());
      if (held.stream().anyMatch(l -> l.isStriped() && !isValueMonitor(l, mutation))) {
        continue; // a lock chosen by the key (lockFor(key)) can guard that key's value
      }
      if (mutation.method().equals(ValueMutation.RETURNED)) {
        if (mutation.unit().exported()) { // used by callers outside the class, after it returns
          handouts.computeIfAbsent(state, k -> new ArrayList<>()).add(new Locked(mutation, values.get(), List.of()));
        }
        continue;
      }
      List<LockRef> excluding = excludingLocks(held, mutation);
      if (!ValueTypes.mutates(values.get().family(), mutation.method())) {
        if (ValueTypes.walks(values.get().family(), mutation.method())) {
          walks.computeIfAbsent(state, k -> new ArrayList<>()).add(new Locked(mutation, values.get(), excluding));
        }
        continue;
      }
      changed.add(state);
      if (excluding.isEmpty()) { // no lock, or read locks only
        List<Evidence> evidence = new ArrayList<>();
        String lockText =
            held.isEmpty()
                ? " outside any lock"
                : " holding only the read lock of '"
                    + held.iterator().next().expression()
                    + "', which other threads hold at the same time";
        String message = message(analysis, state, mutation, values.get(), lockText, null, evidence);
        sink.report(rule(), state.field(), mutation.site(), message, List.of(), evidence);
      } else {
        lockedChanges
            .computeIfAbsent(state, k -> new ArrayList<>())
            .add(new Locked(mutation, values.get(), excluding));
      }
    }
    lockedChanges.forEach((state, changes) -> reportDifferentLocks(analysis, state, changes, sink));
    walks.forEach(
        (state, walked) ->
            reportWalkDuringChange(analysis, state, walked, lockedChanges.getOrDefault(state, List.of()), sink));
    handouts.forEach(
        (state, given) ->
            reportHandout(
                analysis, state, given, lockedChanges.getOrDefault(state, List.of()), changed.contains(state), sink));
  }

  /**
   * A value returned by a method that code outside the class calls: its callers use it after the
   * method returns, with no lock of the class and outside the map's update functions. Reported (one
   * finding per map, at the first such return) when the class guards its own changes of the values
   * (the callers' uses race with them); when the method creates the values with {@code
   * computeIfAbsent}, as new objects of a type that is not thread-safe ({@code new ArrayList<>()},
   * not a value computed from the key), and the class never changes them itself: they are made for
   * the callers to fill; and, when the class never changes them, if a caller in another class of
   * the project changes what the method returns with no lock held ({@link ResultUsedByCallers}).
   */
  private void reportHandout(
      ClassAnalysis analysis,
      FieldState state,
      List<Locked> given,
      List<Locked> guardedChanges,
      boolean changedHere,
      FindingSink sink) {
    given.sort(Comparator.comparingInt(g -> g.mutation().site().line()));
    Locked handout = given.get(0);
    ValueMutation mutation = handout.mutation();
    String method = mutation.unit().name();
    String name = state.field().name();
    List<Evidence> evidence = new ArrayList<>();
    String handedOut =
        "'"
            + name
            + "' holds "
            + handout.values().text()
            + ", and "
            + method
            + " returns one taken from it "
            + takenAt(mutation)
            + " to callers outside the class, who use it after the method returns, outside the"
            + " map's update functions and holding no lock of the class";
    String threadSafeValues =
        "store thread-safe values (" + ValueTypes.threadSafeAlternatives(handout.values().family()) + ")";
    boolean madeForCallers =
        !changedHere && mutation.source().equals("computeIfAbsent") && createsEmptyValues(analysis, state);
    if (guardedChanges.isEmpty() && !madeForCallers) {
      // unguarded changes of its own are reported where they are made; with none, only a caller
      // elsewhere that changes the value makes the getter a race
      ProjectMethod getter = changedHere ? null : analysis.facts().calledAs(mutation.unit());
      if (getter != null) {
        String fix =
            "Give callers methods that change the value inside compute(key, (k, v) -> ...), or "
                + threadSafeValues + ".";
        sink.report(
            rule(), state.field(), mutation.site(), handedOut + ".", List.of(), evidence,
            new ResultUsedByCallers(
                getter,
                changesByCallers(handout.values().family()),
                " with no lock held: two threads that get one key's value change it at once.",
                fix));
      }
      return;
    }
    String race;
    if (!guardedChanges.isEmpty()) {
      Locked change = guardedChanges.get(0);
      evidence.add(changedHere(state, change));
      race = whileChanged(change) + ": what the callers do to it races with that change";
    } else {
      race =
          ", which creates it for them to fill: two callers that get one key's value change it at once";
    }
    String message =
        handedOut
            + race
            + ". Return a copy"
            + (guardedChanges.isEmpty() ? "" : " made where the changes are made")
            + ", give callers methods that change the value inside compute(key, (k, v) -> ...), or "
            + threadSafeValues + ".";
    sink.report(rule(), state.field(), mutation.site(), message, List.of(), evidence);
  }

  /** The changes of a value of {@code family} a caller may make, as the message names them. */
  private static Map<String, String> changesByCallers(ValueTypes.Family family) {
    Map<String, String> changes = new LinkedHashMap<>();
    for (String method : ValueTypes.mutators(family)) {
      String change = method.equals(ValueMutation.ARRAY_STORE) ? "stores into an element" : method;
      changes.put(method, " changes it (" + change + ")");
    }
    return changes;
  }

  /**
   * A use of a value made holding {@code locks}: the exclusive ones, the value's own monitor as
   * {@link #VALUE_MONITOR}, and {@link #KEY_ENTRY} inside the function of an update method.
   */
  private record Locked(ValueMutation mutation, Values values, List<LockRef> locks) {
    boolean insideUpdate() {
      return MapMethods.VALUE_PARAMETER_OF_FUNCTION.containsKey(mutation.source());
    }
  }

  /**
   * How the exclusion of the function of {@code compute}/{@code computeIfPresent}/{@code merge} is
   * named among a use's locks: the map runs it atomically for its key, as if it held a lock of that
   * key's entry that every other such function takes too.
   */
  private static final String KEY_ENTRY = "the map's update of the key";

  /** How the value's own monitor is named among a change's locks: each change holds its own value's. */
  private static final String VALUE_MONITOR = "the value itself";

  /**
   * The locks held at the use that keep other holders out (not a read lock); {@code
   * synchronized (list)} on the local holding the value is the value's own monitor, the same lock
   * whatever the local is called; inside an update method's function, {@link #KEY_ENTRY}.
   */
  private static List<LockRef> excludingLocks(Set<LockRef> held, ValueMutation mutation) {
    List<LockRef> locks = new ArrayList<>();
    for (LockRef lock : held) {
      if (lock.isReadMode()) {
        continue;
      }
      locks.add(isValueMonitor(lock, mutation) ? LockRef.monitor(VALUE_MONITOR) : lock);
    }
    if (MapMethods.VALUE_PARAMETER_OF_FUNCTION.containsKey(mutation.source())) {
      locks.add(LockRef.monitor(KEY_ENTRY));
    }
    return locks;
  }

  /** {@code synchronized (list)} on the local that holds the changed value. */
  private static boolean isValueMonitor(LockRef lock, ValueMutation mutation) {
    return mutation.through() != null && lock.isMonitorOfLocal(mutation.through());
  }

  /**
   * Changes of the map's values that all hold a lock, but not one lock: the first change (in line
   * order) that shares no lock with another is reported, naming that other change; one finding per
   * map, as one fix (one lock for every change) mends them all.
   */
  private void reportDifferentLocks(
      ClassAnalysis analysis, FieldState state, List<Locked> changes, FindingSink sink) {
    // a change inside an update function is where the map wants it: report the other one
    changes.sort(
        Comparator.comparing(Locked::insideUpdate).thenComparingInt(c -> c.mutation().site().line()));
    for (Locked change : changes) {
      for (Locked other : changes) {
        if (other != change && !shareALock(change, other)) {
          List<Evidence> evidence = new ArrayList<>();
          String lockText = " holding " + describe(change.locks());
          String otherText =
              "line "
                  + other.mutation().site().line()
                  + " changes a value taken from it ("
                  + other.mutation().method()
                  + ") holding "
                  + describe(other.locks())
                  + ", and the two locks do not keep each other out";
          evidence.add(
              new Evidence(
                  other.mutation().site().line(),
                  other.mutation().site().column(),
                  "a value taken from '" + state.field().name() + "' is changed here holding "
                      + describe(other.locks())));
          String message =
              message(analysis, state, change.mutation(), change.values(), lockText, otherText, evidence);
          sink.report(rule(), state.field(), change.mutation().site(), message, List.of(), evidence);
          return;
        }
      }
    }
  }

  private static boolean shareALock(Locked one, Locked other) {
    return one.locks().stream().anyMatch(l -> other.locks().stream().anyMatch(l::sameLock));
  }

  /**
   * A value walked (a for-each loop, {@code forEach}, {@code stream}…) holding no lock that the
   * changes of the map's values hold, when those changes are guarded otherwise (inside an update
   * function, or holding a lock): the walk is then the one side of the race left unguarded. (A walk
   * that races with an unguarded change is not reported: the change is, and its fix, one lock or
   * the update functions, settles the walk too.) One finding per map, at its first such walk.
   */
  private void reportWalkDuringChange(
      ClassAnalysis analysis, FieldState state, List<Locked> walked, List<Locked> changes, FindingSink sink) {
    walked.sort(Comparator.comparingInt(w -> w.mutation().site().line()));
    for (Locked walk : walked) {
      for (Locked change : changes) {
        if (!shareALock(walk, change)) {
          ValueMutation mutation = walk.mutation();
          List<Evidence> evidence = new ArrayList<>();
          evidence.add(changedHere(state, change));
          String walkText =
              mutation.method().equals(ValueMutation.FOR_EACH) ? "a for-each loop" : mutation.method();
          String message =
              "'"
                  + state.field().name()
                  + "' holds "
                  + walk.values().text()
                  + ", and "
                  + (mutation.through() == null ? "the value" : "'" + mutation.through() + "'")
                  + " taken from it "
                  + takenAt(mutation)
                  + " is walked by "
                  + walkText
                  + (walk.locks().isEmpty() ? " outside any lock" : " holding " + describe(walk.locks()))
                  + whileChanged(change)
                  + ": the walk can throw ConcurrentModificationException or see a change half made."
                  + " Walk a copy made where the changes are made ("
                  + (change.insideUpdate()
                      ? "inside " + state.field().name() + "." + change.mutation().source() + "(…)"
                      : "holding " + describe(change.locks()))
                  + "), or store thread-safe values ("
                  + ValueTypes.threadSafeAlternatives(walk.values().family())
                  + ").";
          sink.report(rule(), state.field(), mutation.site(), message, List.of(), evidence);
          return;
        }
      }
    }
  }

  /** Whether the class stores new objects of a type that is not thread-safe into the map. */
  private static boolean createsEmptyValues(ClassAnalysis analysis, FieldState state) {
    return analysis.facts().storedValues().stream()
        .anyMatch(
            stored ->
                stored.map().equals(state.field())
                    && stored.value().startsWith("new:")
                    && ValueTypes.isNotThreadSafeValue(stored.value()));
  }

  /** "by get on the same line", or "at line 12 (get)". */
  private static String takenAt(ValueMutation mutation) {
    return mutation.sourceLine() == mutation.site().line()
        ? "by " + mutation.source() + " on the same line"
        : "at line " + mutation.sourceLine() + " (" + mutation.source() + ")";
  }

  /** Where a guarded change of the map's values is made, as evidence. */
  private static Evidence changedHere(FieldState state, Locked change) {
    return new Evidence(
        change.mutation().site().line(),
        change.mutation().site().column(),
        "a value of '" + state.field().name() + "' is changed here (" + change.mutation().method() + ")"
            + changedHow(change));
  }

  /** ", while line 12 changes values of it (add) inside compute(…), which …". */
  private static String whileChanged(Locked change) {
    return ", while line "
        + change.mutation().site().line()
        + " changes values of it ("
        + change.mutation().method()
        + ")"
        + changedHow(change);
  }

  /** " inside compute(…)" or " holding 'lock'". */
  private static String changedHow(Locked change) {
    return change.insideUpdate()
        ? " inside " + change.mutation().source() + "(…), which keeps out only other updates of the key"
        : " holding " + describe(change.locks());
  }

  /** "'lock'", "'lock' and 'this'", or "the value's own monitor". */
  private static String describe(List<LockRef> locks) {
    List<String> names = new ArrayList<>();
    for (LockRef lock : locks) {
      String name = lock.expression();
      names.add(
          name.equals(VALUE_MONITOR)
              ? "the value's own monitor"
              : name.equals(KEY_ENTRY) ? "the map's update of the key" : "'" + name + "'");
    }
    return String.join(" and ", names);
  }

  /** How the message names the map's values, and where a stored value it cites is created. */
  private record Values(String text, Evidence created, ValueTypes.Family family) {}

  /** A text the message says and the place it cites, or null. */
  private record Cited(String text, Evidence place) {}

  /**
   * How the message names the map's values when they are not thread-safe, and their family: "ArrayList
   * values" for a declared class, "List values created as ArrayList (line 9)" for an interface whose
   * stored values show it; empty when not known.
   */
  private static Optional<Values> unsafeValues(ClassAnalysis analysis, ValueMutation mutation) {
    String declared = mutation.map().valueType();
    Optional<ValueTypes.Family> concrete = ValueTypes.notThreadSafeType(declared);
    if (concrete.isPresent()) {
      return Optional.of(new Values(simpleName(declared) + " values", null, concrete.get()));
    }
    Optional<ValueTypes.Family> family = ValueTypes.interfaceType(declared);
    if (family.isEmpty()) {
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
        return Optional.of(new Values(text, new Evidence(stored.line(), 0, description), family.get()));
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
      String lockText,
      String otherChange,
      List<Evidence> evidence) {
    String name = state.field().name();
    String change =
        mutation.method().equals(ValueMutation.ARRAY_STORE)
            ? "an element store"
            : mutation.method();
    String taken = takenAt(mutation);
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
        + lockText
        + (otherChange == null ? "" : ", but " + otherChange)
        + (threads == null ? "" : "; " + threads.text())
        + ": the "
        + (state.kind() == MapKind.SYNCHRONIZED ? "synchronized map" : "concurrent map")
        + " only makes its own operations atomic, so threads that get the same value race on it."
        + (otherChange == null ? "" : " Hold one lock for every change of the values, or")
        + (otherChange == null ? " Store" : " store")
        + " thread-safe values ("
        + ValueTypes.threadSafeAlternatives(values.family())
        + ") or change the value inside compute(key, (k, v) -> ...).";
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

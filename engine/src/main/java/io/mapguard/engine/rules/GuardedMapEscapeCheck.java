package io.mapguard.engine.rules;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.Guard;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.project.ProjectCondition;
import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.engine.project.ReturnedPastGuard;
import io.mapguard.engine.report.Evidence;
import java.util.List;
import java.util.Objects;

/** The map object of a guarded field leaves the code that holds its guard. */
@RuleDefinition(
    name = "GuardedMapEscape",
    summary =
        "The map object of a lock-guarded field leaves its lock (returned, passed out, "
            + "stored, or returned as a live view)",
    brief =
        "the map of a guarded field leaves its lock (returned, passed out, stored, live view "
            + "returned)",
    order = 4,
    since = "0.1.0")
public final class GuardedMapEscapeCheck implements RuleCheck {
  /**
   * A map returned from a method only the class calls, every call of which holds the guard: the
   * callers take it under the lock (a helper of locked code, not a way out of it). A method that
   * takes the guard itself ({@code synchronized}) releases it as it returns: not this case.
   */
  private static boolean returnedToHolders(ClassAnalysis analysis, Escape escape, Guard guard) {
    return (escape.kind() == Escape.Kind.RETURNED || escape.kind() == Escape.Kind.VIEW_RETURNED)
        && !escape.unit().exported()
        && escape.unit().entryLocks().stream().noneMatch(l -> l.sameLock(guard.lock()))
        && analysis.contexts().entryLocks(escape.unit()).stream().anyMatch(l -> l.sameLock(guard.lock()));
  }

  /**
   * For a map returned from a method whose callers are all in the project: the condition that some
   * caller takes it past its lock (see {@link ReturnedPastGuard}); else null, and the class alone
   * decides.
   */
  private static ProjectCondition returnedTo(ClassAnalysis analysis, Escape escape, Guard guard) {
    if (escape.kind() != Escape.Kind.RETURNED && escape.kind() != Escape.Kind.VIEW_RETURNED) {
      return null;
    }
    ProjectMethod method = analysis.facts().projectMethod(escape.unit());
    return method == null ? null : new ReturnedPastGuard(method, guardIsTheMap(escape, guard));
  }

  /**
   * Whether a caller's {@code synchronized (m)} on the returned map takes the guard: the map is
   * returned itself (not a view) and is its own guard.
   */
  private static boolean guardIsTheMap(Escape escape, Guard guard) {
    return escape.kind() == Escape.Kind.RETURNED
        && guard.lock().kind() == LockRef.Kind.MONITOR
        && guard.lock().expression().equals(escape.field().name());
  }

  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    for (Escape escape : analysis.facts().escapes()) {
      FieldState state = analysis.state(escape.field());
      if (state == null
          || !state.kind().needsExternalLock()
          || state.guard().isEmpty()
          || analysis.contexts().isConstructionOnly(escape.unit())) {
        continue;
      }
      Guard guard = state.guard().get();
      if (!guard.declared() && !state.shared() || returnedToHolders(analysis, escape, guard)) {
        continue;
      }
      String name = state.field().name();
      String lock = guard.display();
      String how;
      switch (escape.kind()) {
        case RETURNED:
          how = "it is returned from " + escape.detail() + ", so callers use it without '" + lock + "'";
          break;
        case VIEW_RETURNED:
          how =
              escape.view() != null && escape.view().contains("().")
                  ? "a traversal of it (" + escape.view() + ") is returned from "
                      + escape.detail()
                      + ", and it walks the map later without '"
                      + lock
                      + "'"
                  : "a live view of it is returned from "
                      + escape.detail()
                      + ", and reading a view reads the map without '"
                      + lock
                      + "'";
          break;
        case PASSED:
          how =
              escape.view() == null
                  ? "it is passed to " + escape.detail() + ", which can keep and use it without '" + lock + "'"
                  : "a live view of it (" + escape.view() + ") is passed to " + escape.detail()
                      + ", which can keep it and read the map through it without '" + lock + "'";
          break;
        default:
          how = "it is stored in " + escape.detail() + ", where it is used without '" + lock + "'";
          break;
      }
      String message =
          "'"
              + name
              + "' (guarded by '"
              + lock
              + "') escapes its lock: "
              + how
              + ". Hand out a copy made under the lock ("
              + Objects.requireNonNullElseGet(viewCopy(state.field(), escape.view()), () -> copy(state.field()))
              + ") instead.";
      // The message names no line; where the guard is held (or declared) is what it escapes from.
      Evidence guarded = InconsistentMapLockingCheck.guardPlace(state, guard);
      sink.report(
          rule(),
          state.field(),
          escape.site(),
          message,
          List.of(),
          guarded == null ? List.of() : List.of(guarded),
          returnedTo(analysis, escape, guard));
    }
  }

  /**
   * A copy of what a view escape hands out, of a type the method can still return: {@code new
   * LinkedHashSet<>(m.keySet())} (a Set, in the view's order), {@code new ArrayList<>(m.values())},
   * {@code new HashMap<>(m).entrySet().iterator()}; null when the view is not known.
   */
  private static String viewCopy(MapField field, String view) {
    if (view == null) {
      return null;
    }
    int end = view.indexOf("()");
    String name = field.name();
    String viewName = view.substring(0, end);
    String rest = view.substring(end + 2);
    String copied;
    if (MapMethods.KEY_VIEWS.contains(viewName)) {
      copied = "new LinkedHashSet<>(" + name + "." + viewName + "())";
    } else if (viewName.equals("values")) {
      copied = "new ArrayList<>(" + name + ".values())";
    } else if (viewName.equals("entrySet")) {
      String type = MapTypes.copiedAs(field.declaredType(), field.assignedValues());
      copied = "new " + type.substring(type.lastIndexOf('.') + 1) + "<>(" + name + ").entrySet()";
    } else {
      return null;
    }
    return copied + rest;
  }

  /**
   * "new HashMap<>(m) or Map.copyOf(m)"; for a map whose order or comparator the copy must keep,
   * its own type: "new TreeMap<>(m)".
   */
  private static String copy(MapField field) {
    String type = MapTypes.copiedAs(field.declaredType(), field.assignedValues());
    String name = field.name();
    String simple = type.substring(type.lastIndexOf('.') + 1);
    if (type.equals("java.util.HashMap")) {
      return "new HashMap<>(" + name + ") or Map.copyOf(" + name + ")";
    }
    // new TreeMap<>(m) keeps m's comparator only when m's static type is a SortedMap
    boolean losesComparator =
        type.equals("java.util.TreeMap") && !field.declaredType().contains("java.util.SortedMap");
    return "new " + simple + "<>(" + name + ")" + (losesComparator ? " with the same comparator" : "");
  }
}

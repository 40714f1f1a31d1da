package io.mapguard.engine.analysis;

import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Holder;
import io.mapguard.engine.model.ParameterFate;
import io.mapguard.engine.model.ThreadRoot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Objects, not only fields: an object a unit creates with {@code new} is confined to the thread
 * running the unit until it escapes (see {@link Holder}), and so are its fields' maps. An access
 * through it before then is part of building the object, like an access in a constructor, whichever
 * thread the unit runs on: per-task and per-request objects (a deployment record filled by the task
 * that deploys it, a request wrapper) are not shared just because many tasks run the same code.
 *
 * <p>The same holds through calls: a parameter of a method is confined when every call of it in the
 * class passes a confined object (a new one, or a confined parameter of the caller) and no code the
 * analysis does not see can call it ({@link CodeUnit#exported}).
 * Passing an object to a method that lets it escape is an escape at that call. A parameter that
 * some call passes a shared object is shared only on the threads of those calls: a helper that fills
 * the record of the task calling it and, from a periodic check, a record taken out of a map, touches
 * a shared record on the check's thread only.
 */
final class Ownership {
  private record Parameter(CodeUnit unit, int index) {
    /** Written out, as {@link CodeUnit#equals} says why; the generated hash's value. */
    @Override
    public boolean equals(Object other) {
      return this == other
          || other instanceof Parameter parameter && index == parameter.index && Objects.equals(unit, parameter.unit);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(unit) + index;
    }
  }

  private final Map<CodeUnit, List<CallEdge>> incoming = new HashMap<>();
  private final Map<CodeUnit, List<CallEdge>> outgoing = new HashMap<>();
  private final Map<Parameter, ParameterFate> fates = new HashMap<>();
  /** Parameters whose object escapes in their method or in a method it is passed on to. */
  private final Set<Parameter> leaking = new HashSet<>();
  /** Parameters that only ever receive confined objects. */
  private final Set<Parameter> confined = new HashSet<>();
  /** For the other parameters: the roots of the calls that pass them a shared object. */
  private final Map<Parameter, Set<ThreadRoot>> sharedOn = new HashMap<>();
  private final UnitContexts contexts;

  private Ownership(ClassFacts facts, UnitContexts contexts) {
    this.contexts = contexts;
    for (CallEdge edge : facts.calls()) {
      incoming.computeIfAbsent(edge.callee(), k -> new ArrayList<>()).add(edge);
      if (!edge.arguments().isEmpty()) {
        outgoing.computeIfAbsent(edge.caller(), k -> new ArrayList<>()).add(edge);
      }
    }
    for (ParameterFate fate : facts.parameterFates()) {
      fates.put(new Parameter(fate.unit(), fate.parameter()), fate);
    }
    findLeaking();
    findConfined();
    findSharedOn();
  }

  static Ownership of(ClassFacts facts, UnitContexts contexts) {
    return new Ownership(facts, contexts);
  }

  /**
   * The roots on which {@code access} touches a shared object: construction when the object is
   * confined, the roots of the calls passing a shared one for a parameter, else its unit's.
   */
  Set<ThreadRoot> roots(Access access) {
    Set<ThreadRoot> roots = sharedRoots(access.unit(), access.holder(), access.order());
    return roots.isEmpty() ? Set.of(ThreadRoot.CONSTRUCTION) : roots;
  }

  /** Whether {@code call} hands its callee {@code passed}, an object confined to the caller's thread. */
  boolean passesConfined(CallEdge call, Holder passed) {
    return confinedAt(call.caller(), passed, call.order());
  }

  /** Whether the object {@code holder} names is still {@code unit}'s alone at {@code order}. */
  private boolean held(CodeUnit unit, Holder holder, int order) {
    return holder != null && order < holder.escapeOrder() && !leakedBefore(unit, holder, order);
  }

  /** Held, and confined to the thread: a new object, or a parameter every call passes a confined one. */
  private boolean confinedAt(CodeUnit unit, Holder holder, int order) {
    return held(unit, holder, order)
        && (holder.kind() == Holder.Kind.NEW_LOCAL
            || confined.contains(new Parameter(unit, holder.variable())));
  }

  /** The roots on which the object is shared at {@code order}: none when it is confined there. */
  private Set<ThreadRoot> sharedRoots(CodeUnit unit, Holder holder, int order) {
    if (confinedAt(unit, holder, order)) {
      return Set.of();
    }
    if (!held(unit, holder, order)) {
      return contexts.roots(unit);
    }
    return sharedOn.getOrDefault(new Parameter(unit, holder.variable()), contexts.roots(unit));
  }

  /** Least fixpoint: a parameter leaks when its method lets it escape or passes it to one that leaks. */
  private void findLeaking() {
    fates.forEach(
        (parameter, fate) -> {
          if (fate.escapeOrder() != Holder.NEVER) {
            leaking.add(parameter);
          }
        });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (List<CallEdge> edges : outgoing.values()) {
        for (CallEdge edge : edges) {
          for (int i = 0; i < edge.arguments().size(); i++) {
            Holder passed = edge.argument(i);
            if (passed != null
                && passed.kind() == Holder.Kind.PARAMETER
                && leaks(edge.callee(), i)
                && leaking.add(new Parameter(edge.caller(), passed.variable()))) {
              changed = true;
            }
          }
        }
      }
    }
  }

  /** A parameter the analysis knows nothing of (no fate recorded) may keep what it is given. */
  private boolean leaks(CodeUnit unit, int index) {
    Parameter parameter = new Parameter(unit, index);
    return leaking.contains(parameter) || !fates.containsKey(parameter);
  }

  /** Whether {@code unit} handed the object {@code holder} names to a method that lets it escape. */
  private boolean leakedBefore(CodeUnit unit, Holder holder, int order) {
    for (CallEdge edge : outgoing.getOrDefault(unit, List.of())) {
      if (edge.order() < order) {
        for (int i = 0; i < edge.arguments().size(); i++) {
          if (holder.sameVariable(edge.argument(i)) && leaks(edge.callee(), i)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Greatest fixpoint: start from every parameter no unseen caller can reach and drop the refuted. */
  private void findConfined() {
    for (Parameter parameter : fates.keySet()) {
      if (closed(parameter)) {
        confined.add(parameter);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = confined.removeIf(parameter -> !everyCallPassesConfined(parameter));
    }
  }

  /**
   * Least fixpoint: a parameter of a method only the class calls is shared on the roots of the calls
   * that pass it something other than a confined object: a shared object's caller's roots, or, for
   * a parameter of the caller passed on, the roots that one is shared on.
   */
  private void findSharedOn() {
    for (Parameter parameter : fates.keySet()) {
      if (!confined.contains(parameter) && closed(parameter)) {
        sharedOn.put(parameter, new LinkedHashSet<>());
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<Parameter, Set<ThreadRoot>> entry : sharedOn.entrySet()) {
        int index = entry.getKey().index();
        for (CallEdge call : incoming.get(entry.getKey().unit())) {
          changed |= entry.getValue().addAll(sharedRoots(call.caller(), call.argument(index), call.order()));
        }
      }
    }
  }

  /** Whether only the class's own calls reach the parameter's method. */
  private boolean closed(Parameter parameter) {
    return !parameter.unit().exported()
        && parameter.unit().kind() == CodeUnit.Kind.METHOD
        && incoming.containsKey(parameter.unit());
  }

  private boolean everyCallPassesConfined(Parameter parameter) {
    for (CallEdge call : incoming.get(parameter.unit())) {
      if (!confinedAt(call.caller(), call.argument(parameter.index()), call.order())) {
        return false;
      }
    }
    return true;
  }

}

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
  private record Parameter(CodeUnit unit, int index) {}

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
   * The roots on which {@code access} touches a shared object: none when the object is confined, the
   * roots of the calls passing a shared one for a parameter, else its unit's.
   */
  Set<ThreadRoot> roots(Access access) {
    Holder holder = access.holder();
    Set<ThreadRoot> unitRoots = contexts.roots(access.unit());
    if (holder == null
        || access.order() >= holder.escapeOrder()
        || leakedBefore(access.unit(), holder, access.order())) {
      return unitRoots;
    }
    if (holder.kind() == Holder.Kind.NEW_LOCAL) {
      return Set.of(ThreadRoot.CONSTRUCTION);
    }
    Parameter parameter = new Parameter(access.unit(), holder.variable());
    if (confined.contains(parameter)) {
      return Set.of(ThreadRoot.CONSTRUCTION);
    }
    return sharedOn.getOrDefault(parameter, unitRoots);
  }

  /** Whether {@code call} hands its callee {@code passed}, an object confined to the caller's thread. */
  boolean passesConfined(CallEdge call, Holder passed) {
    if (passed == null || call.order() >= passed.escapeOrder() || leakedBefore(call.caller(), passed, call.order())) {
      return false;
    }
    return passed.kind() == Holder.Kind.NEW_LOCAL || confined.contains(new Parameter(call.caller(), passed.variable()));
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
        for (CallEdge call : incoming.get(entry.getKey().unit())) {
          changed |= entry.getValue().addAll(rootsPassingShared(call, entry.getKey().index()));
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

  private Set<ThreadRoot> rootsPassingShared(CallEdge call, int index) {
    Holder passed = call.argument(index);
    if (passed == null || call.order() >= passed.escapeOrder() || leakedBefore(call.caller(), passed, call.order())) {
      return contexts.roots(call.caller());
    }
    if (passed.kind() == Holder.Kind.NEW_LOCAL) {
      return Set.of();
    }
    Parameter callers = new Parameter(call.caller(), passed.variable());
    if (confined.contains(callers)) {
      return Set.of();
    }
    return sharedOn.getOrDefault(callers, contexts.roots(call.caller()));
  }

  private boolean everyCallPassesConfined(Parameter parameter) {
    for (CallEdge call : incoming.get(parameter.unit())) {
      Holder passed = call.argument(parameter.index());
      if (passed == null
          || call.order() >= passed.escapeOrder()
          || leakedBefore(call.caller(), passed, call.order())
          || passed.kind() == Holder.Kind.PARAMETER
              && !confined.contains(new Parameter(call.caller(), passed.variable()))) {
        return false;
      }
    }
    return true;
  }
}

package io.mapguard.engine.analysis;

import io.mapguard.engine.knowledge.LifecycleMethods;
import io.mapguard.engine.knowledge.ManagedSingletons;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.ThreadRoot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * On which threads each unit runs and which locks it holds on entry. Constructors, initializers and
 * the lifecycle methods a container runs before use ({@link LifecycleMethods}), the property
 * setters of a container-managed singleton, and the methods that restore an object from its
 * serialized form, run as construction;
 * other non-private methods run on callers' threads with their declared locks; a private method
 * inherits the roots of all its callers, and a method whose calls are all known ({@link
 * CodeUnit#exported}) the locks held at every call site (intersection, fixpoint inside the class);
 * task bodies hold nothing of their creator's locks.
 */
public final class UnitContexts {
  private final Map<CodeUnit, Set<ThreadRoot>> roots = new HashMap<>();
  private Map<CodeUnit, Set<LockRef>> entryLocks = new HashMap<>();
  /** Tasks their starter waits for, its own code making no map access nor call meanwhile. */
  private final Set<ThreadRoot> awaited = new HashSet<>();
  /** How many task bodies each task root starts. */
  private final Map<ThreadRoot, Integer> tasksPerRoot = new HashMap<>();
  /** The units by id, to find a task's starter. */
  private final Map<Integer, CodeUnit> units = new HashMap<>();
  /** The entry locks a unit takes on its own thread, without those a waiting starter holds for it. */
  private Map<CodeUnit, Set<LockRef>> ownEntryLocks;

  private UnitContexts() {}

  public static UnitContexts compute(ClassFacts facts) {
    UnitContexts contexts = new UnitContexts();
    Map<CodeUnit, List<CallEdge>> incoming = new HashMap<>();
    for (CallEdge edge : facts.calls()) {
      incoming.computeIfAbsent(edge.callee(), k -> new ArrayList<>()).add(edge);
    }
    boolean managedSingleton =
        ManagedSingletons.describe(facts.annotations(), facts.annotationValues(), facts.supertypes())
            .isPresent();
    for (CodeUnit unit : facts.units()) {
      contexts.roots.put(
          unit, new LinkedHashSet<>(baseRoots(unit, incoming, facts.supertypes(), managedSingleton)));
      contexts.units.put(unit.id(), unit);
    }
    propagateRoots(facts, contexts.roots);
    contexts.findAwaited(facts);
    boolean awaitedTasks = !contexts.awaited.isEmpty();
    if (awaitedTasks) {
      contexts.computeEntryLocks(facts, incoming, false);
      contexts.ownEntryLocks = contexts.entryLocks;
      contexts.entryLocks = new HashMap<>();
    }
    contexts.computeEntryLocks(facts, incoming, true);
    if (!awaitedTasks) {
      contexts.ownEntryLocks = contexts.entryLocks;
    }
    return contexts;
  }

  private static Set<ThreadRoot> baseRoots(
      CodeUnit unit,
      Map<CodeUnit, List<CallEdge>> incoming,
      List<String> supertypes,
      boolean managedSingleton) {
    switch (unit.kind()) {
      case TASK:
        return Set.of(unit.task());
      case CONSTRUCTOR:
      case INITIALIZER:
        return Set.of(ThreadRoot.CONSTRUCTION);
      default:
        if (LifecycleMethods.declaredBy(unit.name(), supertypes).isPresent()) {
          return Set.of(ThreadRoot.CONSTRUCTION); // a servlet's init(): before any request
        }
        if (LifecycleMethods.isDeserializer(unit.name())) {
          return Set.of(ThreadRoot.CONSTRUCTION); // on the object the deserializer is building
        }
        if (managedSingleton
            && unit.nestedClass() == null
            && !unit.isPrivate()
            && LifecycleMethods.isConfigurationSetter(unit.name())) {
          return Set.of(ThreadRoot.CONSTRUCTION); // configured by the container before first use
        }
        // A private method nobody in the class calls is still callable (reflection, a nested class we
        // did not see); treat it as reachable by callers.
        return unit.isPrivate() && incoming.containsKey(unit) ? Set.of() : Set.of(ThreadRoot.CALLER);
    }
  }

  /**
   * Callers' roots flow into their callees; a worklist over the callers. Tasks keep their own, and so
   * do constructors: {@code new State()} builds a new object, whose fields no other thread sees
   * while its constructor runs, whatever thread calls it.
   */
  private static void propagateRoots(ClassFacts facts, Map<CodeUnit, Set<ThreadRoot>> roots) {
    Map<CodeUnit, List<CodeUnit>> callees = new HashMap<>();
    for (CallEdge edge : facts.calls()) {
      CodeUnit.Kind callee = edge.callee().kind();
      if (callee != CodeUnit.Kind.TASK && callee != CodeUnit.Kind.CONSTRUCTOR) {
        callees.computeIfAbsent(edge.caller(), k -> new ArrayList<>()).add(edge.callee());
      }
    }
    Deque<CodeUnit> pending = new ArrayDeque<>(callees.keySet());
    while (!pending.isEmpty()) {
      CodeUnit caller = pending.pop();
      Set<ThreadRoot> callerRoots = roots.get(caller);
      if (callerRoots == null) {
        continue;
      }
      for (CodeUnit callee : callees.getOrDefault(caller, List.of())) {
        Set<ThreadRoot> calleeRoots = roots.get(callee);
        if (calleeRoots != null && calleeRoots.addAll(callerRoots) && callees.containsKey(callee)) {
          pending.push(callee);
        }
      }
    }
  }

  /**
   * The tasks whose starter waits for them ({@link ThreadRoot#awaited}) and, while they run, makes no
   * access to a map field and no call of the class's methods: only then is the task the only code of
   * that call running.
   */
  private void findAwaited(ClassFacts facts) {
    Set<ThreadRoot> candidates = new HashSet<>();
    for (CodeUnit unit : facts.units()) {
      if (unit.task() != null && unit.task().awaited()) {
        candidates.add(unit.task());
        if (unit.kind() == CodeUnit.Kind.TASK) {
          tasksPerRoot.merge(unit.task(), 1, Integer::sum);
        }
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    for (ThreadRoot task : candidates) {
      boolean meanwhile =
          facts.accesses().stream()
                  .anyMatch(a -> a.unit().id() == task.startUnit() && during(task, a.order()))
              || facts.calls().stream()
                  .anyMatch(
                      call ->
                          call.caller().id() == task.startUnit()
                              && call.callee().kind() == CodeUnit.Kind.METHOD
                              && during(task, call.order()));
      if (!meanwhile) {
        awaited.add(task);
      }
    }
  }

  private static boolean during(ThreadRoot task, int order) {
    return order > task.awaitFrom() && order < task.awaitOrder();
  }

  /** Whether {@code task}'s starter waits for it, doing nothing else meanwhile ({@link #findAwaited}). */
  public boolean awaited(ThreadRoot task) {
    return awaited.contains(task);
  }

  /**
   * Whether more than one task body runs on {@code task}'s root: the callables of one {@code
   * invokeAll(List.of(…, …))} run at the same time as each other.
   */
  public boolean startsSeveral(ThreadRoot task) {
    return tasksPerRoot.getOrDefault(task, 0) > 1;
  }

  /** The unit that starts {@code task}, or null when it is not one of the class's. */
  public CodeUnit starter(ThreadRoot task) {
    return units.get(task.startUnit());
  }

  /** The roots of the unit that starts {@code task}. */
  public Set<ThreadRoot> starterRoots(ThreadRoot task) {
    CodeUnit starter = units.get(task.startUnit());
    return starter == null ? Set.of(ThreadRoot.CALLER) : roots(starter);
  }

  /**
   * @param inheritAwaited whether a task its starter waits for holds, like a callee, the locks the
   *     starter holds at the start: they exclude every other thread while it runs (but not the other
   *     copies of the task, see {@link #ownEntryLocks})
   */
  private void computeEntryLocks(
      ClassFacts facts, Map<CodeUnit, List<CallEdge>> incoming, boolean inheritAwaited) {
    // Methods whose calls are all known (private ones, and any other only the class calls: see
    // CodeUnit#exported) start at "all locks" (null) and shrink; others are fixed by declaration.
    for (CodeUnit unit : facts.units()) {
      boolean summarised =
          incoming.containsKey(unit)
              && (unit.kind() == CodeUnit.Kind.METHOD
                      && (!unit.exported() || onlyStarted(unit, incoming))
                  || inheritAwaited
                      && unit.kind() == CodeUnit.Kind.TASK
                      && awaited.contains(unit.task()));
      entryLocks.put(unit, summarised ? null : unit.entryLocks());
    }
    // A worklist of summarised units: one is revisited when the entry locks of a caller change.
    Map<CodeUnit, List<CodeUnit>> summarisedCallees = new HashMap<>();
    Deque<CodeUnit> pending = new ArrayDeque<>();
    Set<CodeUnit> queued = new HashSet<>();
    for (CodeUnit unit : facts.units()) {
      if (entryLocks.get(unit) == null) {
        pending.add(unit);
        queued.add(unit);
        for (CallEdge edge : incoming.get(unit)) {
          summarisedCallees.computeIfAbsent(edge.caller(), k -> new ArrayList<>()).add(unit);
        }
      }
    }
    while (!pending.isEmpty()) {
      CodeUnit unit = pending.pop();
      queued.remove(unit);
      Set<LockRef> meet = meetOverCallers(unit, incoming.get(unit));
      if (meet == null) {
        continue;
      }
      Set<LockRef> withDeclared = new LinkedHashSet<>(meet);
      withDeclared.addAll(unit.entryLocks());
      if (!withDeclared.equals(entryLocks.get(unit))) {
        entryLocks.put(unit, withDeclared);
        for (CodeUnit callee : summarisedCallees.getOrDefault(unit, List.of())) {
          if (queued.add(callee)) {
            pending.push(callee);
          }
        }
      }
    }
    entryLocks.replaceAll((unit, locks) -> locks == null ? unit.entryLocks() : locks);
  }

  /**
   * The task method of a named class ({@code run()} of a {@code Worker}) that only starts reach: the
   * thread-start APIs are the callers its override is for, and the analysis sees them as task units.
   */
  private static boolean onlyStarted(CodeUnit unit, Map<CodeUnit, List<CallEdge>> incoming) {
    return TASK_METHOD_NAMES.contains(unit.name())
        && incoming.get(unit).stream().allMatch(edge -> edge.caller().kind() == CodeUnit.Kind.TASK);
  }

  private static final Set<String> TASK_METHOD_NAMES =
      TaskClasses.STARTED_INSTANCE_METHODS.stream().map(name -> name + "()").collect(Collectors.toSet());

  /**
   * Intersection of the locks held at the call sites (see {@link #meet}). Calls made during
   * construction only are left out when other calls exist: construction accesses are not checked,
   * and counting them would lose the lock every later call holds.
   */
  private Set<LockRef> meetOverCallers(CodeUnit unit, List<CallEdge> edges) {
    List<CallEdge> relevant = new ArrayList<>();
    for (CallEdge edge : edges) {
      if (!isConstructionOnly(edge.caller())) {
        relevant.add(edge);
      }
    }
    if (relevant.isEmpty()) {
      relevant = edges;
    }
    Set<LockRef> meet = null;
    for (CallEdge edge : relevant) {
      Set<LockRef> callerEntry = entryLocks.get(edge.caller());
      if (callerEntry == null) {
        continue; // not yet known: top, neutral for the intersection
      }
      Set<LockRef> atCall = new LinkedHashSet<>(callerEntry);
      atCall.addAll(edge.locksHeld());
      meet = meet == null ? atCall : meet(meet, atCall);
    }
    return meet;
  }

  /**
   * The locks held at both of two call sites, each in the weaker of its modes there: a method called
   * with a read-write lock's read lock and with its write lock holds the read lock.
   */
  private static Set<LockRef> meet(Set<LockRef> one, Set<LockRef> other) {
    Set<LockRef> both = new LinkedHashSet<>();
    for (LockRef lock : one) {
      for (LockRef held : other) {
        LockRef common = lock.meet(held);
        if (common != null) {
          both.add(common);
          break;
        }
      }
    }
    return both;
  }

  public boolean isConstructionOnly(CodeUnit unit) {
    Set<ThreadRoot> unitRoots = roots.get(unit);
    return unitRoots != null
        && !unitRoots.isEmpty()
        && unitRoots.stream().allMatch(r -> r.kind() == ThreadRoot.Kind.CONSTRUCTION);
  }

  public Set<ThreadRoot> roots(CodeUnit unit) {
    return roots.getOrDefault(unit, Set.of(ThreadRoot.CALLER));
  }

  public Set<LockRef> entryLocks(CodeUnit unit) {
    return entryLocks.getOrDefault(unit, Set.of());
  }

  /** Whether some of the unit's entry locks are held for it by a starter waiting for its task. */
  public boolean inheritsLocks(CodeUnit unit) {
    return ownEntryLocks != entryLocks && !entryLocks(unit).equals(ownEntryLocks(unit));
  }

  /**
   * The locks held on entry by the unit's own thread: a task its starter waits for holds none of the
   * starter's, which keep other threads out but not the task's other copies.
   */
  public Set<LockRef> ownEntryLocks(CodeUnit unit) {
    return ownEntryLocks.getOrDefault(unit, Set.of());
  }
}

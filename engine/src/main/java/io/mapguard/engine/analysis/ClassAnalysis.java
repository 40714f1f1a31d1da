package io.mapguard.engine.analysis;

import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.LifecycleMethods;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.ManagedSingletons;
import io.mapguard.engine.knowledge.RequestScopedTypes;
import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.ThreadRoot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The per-class analyses of design.md §4: contexts, sharing and guards, computed once for all rules. */
public final class ClassAnalysis {
  private final ClassFacts facts;
  /** Computed on first use: classes whose only maps are locals never need it. */
  private UnitContexts contexts;
  private final String classEvidence;
  /**
   * Whether each object of the class belongs to one request ({@link RequestScopedTypes}): its own
   * locks are not evidence that its instance fields are shared, only a task it starts is.
   */
  private final boolean requestScoped;
  /** Computed on first use, see {@link #classHasThreadEvidence()}. */
  private Boolean threadEvidence;
  private final Map<MapField, FieldState> states = new LinkedHashMap<>();
  /** Computed on first use, for the rules that follow calls: see {@link #accessesRunWithin}. */
  private CallGraph callGraph;

  private final SharingPolicy policy;
  private Map<CodeUnit, List<Access>> accessesByUnit;
  /** The calls into each unit, computed on first use. */
  private Map<CodeUnit, List<CallEdge>> incoming;
  /** Which accesses reach an object still confined to its creator; only for classes with such accesses. */
  private Ownership ownership;
  /** Maps published through a volatile flag; only for classes with flag uses, one for all fields. */
  private VolatilePublication publication;

  private ClassAnalysis(ClassFacts facts, SharingPolicy policy) {
    this.facts = facts;
    this.policy = policy;
    this.classEvidence = classEvidence(facts);
    this.requestScoped = RequestScopedTypes.describe(facts.supertypes()).isPresent();
    Map<MapField, List<ResolvedAccess>> byField = new LinkedHashMap<>();
    for (MapField field : facts.fields()) {
      byField.put(field, new ArrayList<>());
    }
    for (Access access : facts.accesses()) {
      byField
          .computeIfAbsent(access.field(), k -> new ArrayList<>())
          .add(resolve(access));
    }
    byField.forEach((field, accesses) -> states.put(field, analyseField(field, accesses)));
  }

  /** The analysis of one class under the user's sharing policy (the rules read it too). */
  public static ClassAnalysis of(ClassFacts facts, SharingPolicy policy) {
    return new ClassAnalysis(facts, policy);
  }

  public ClassFacts facts() {
    return facts;
  }

  public SharingPolicy policy() {
    return policy;
  }

  /** Why the class's methods run on many threads at once, or null. */
  public String classEvidence() {
    return classEvidence;
  }

  /**
   * Whether anything in the class shows that it runs on several threads: a task, a lock taken or
   * held on entry, a concurrency annotation or a managed-singleton role.
   */
  private boolean classHasThreadEvidence() {
    if (threadEvidence == null) {
      threadEvidence = findThreadEvidence(); // asked per field by the per-method rules
    }
    return threadEvidence;
  }

  private boolean findThreadEvidence() {
    if (classEvidence != null) {
      return true;
    }
    for (CodeUnit unit : facts.units()) {
      if (unit.task() != null || !requestScoped && !unit.entryLocks().isEmpty()) {
        return true;
      }
    }
    if (requestScoped) {
      return false;
    }
    for (Access access : facts.accesses()) {
      if (!access.locksHeld().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether threads can use the field at the same time: it is shared (or static, or its class runs on
   * many threads), and neither {@code @ThreadConfined} nor confined to one single-thread executor.
   */
  public boolean manyThreadsReach(FieldState state) {
    return !state.field().threadConfined()
        && !confinedToOneSingleThreadExecutor(state)
        && (state.shared() || state.field().isStatic() || classHasThreadEvidence());
  }

  /**
   * Whether every access after construction runs in tasks of one single-thread executor (and none on
   * callers' threads): the field is confined to that executor's thread.
   */
  public boolean confinedToOneSingleThreadExecutor(FieldState state) {
    Set<ThreadRoot> roots = rootsOf(state.afterConstruction());
    List<ThreadRoot> tasks = roots.stream().filter(ThreadRoot::isTask).toList();
    return !tasks.isEmpty()
        && !roots.contains(ThreadRoot.CALLER)
        && confinedToOneSingleThreadExecutor(tasks);
  }

  public UnitContexts contexts() {
    if (contexts == null) {
      contexts = UnitContexts.compute(facts);
    }
    return contexts;
  }

  /**
   * The accesses to {@code map} that {@code which} accepts, made in {@code start} or in a unit it
   * runs right then ({@link CallGraph#runWithin}), by unit in call order, then in source order.
   */
  public List<Access> accessesRunWithin(CodeUnit start, MapField map, Predicate<Access> which) {
    if (callGraph == null) {
      callGraph = new CallGraph(facts);
      accessesByUnit = new HashMap<>();
      for (Access access : facts.accesses()) {
        accessesByUnit.computeIfAbsent(access.unit(), k -> new ArrayList<>()).add(access);
      }
    }
    List<Access> found = new ArrayList<>();
    for (CodeUnit unit : callGraph.runWithin(start)) {
      for (Access access : accessesByUnit.getOrDefault(unit, List.of())) {
        if (access.field().equals(map) && which.test(access)) {
          found.add(access);
        }
      }
    }
    return found;
  }

  public Iterable<FieldState> fields() {
    return states.values();
  }

  public FieldState state(MapField field) {
    return states.get(field);
  }

  /**
   * The access with its unit's entry locks and roots; an access to a field of an object its unit
   * still holds alone runs as part of building that object, and one through a parameter only on
   * the threads of the calls that pass a shared object (see {@link Ownership}).
   */
  public ResolvedAccess resolve(Access access) {
    Set<LockRef> atAccess = access.locksHeld();
    if (access.calleeMonitor() != null) {
      atAccess = new LinkedHashSet<>(atAccess);
      atAccess.add(access.calleeMonitor());
    }
    Set<LockRef> locks = new LinkedHashSet<>(contexts().entryLocks(access.unit()));
    locks.addAll(atAccess);
    Set<ThreadRoot> roots =
        access.holder() == null ? contexts().roots(access.unit()) : ownership().roots(access);
    if (access.field().isStatic() && access.unit().constructor()) {
      // a constructor builds its own object, not the class's static state: every new object, made on
      // whatever thread calls new, writes the shared static
      roots = Set.of(ThreadRoot.CALLER);
    }
    Set<LockRef> own = contexts().inheritsLocks(access.unit()) ? locksAt(access.unit(), atAccess) : locks;
    return new ResolvedAccess(access, locks, roots, own);
  }

  private Ownership ownership() {
    if (ownership == null) {
      ownership = Ownership.of(facts, contexts());
    }
    return ownership;
  }

  /**
   * The locks held in {@code unit} where {@code local} are held inside it that keep every other
   * thread out: in a task its starter waits for, the task's own (they keep its copies out too).
   */
  public Set<LockRef> locksAt(CodeUnit unit, Set<LockRef> local) {
    Set<LockRef> locks = new LinkedHashSet<>(contexts().ownEntryLocks(unit));
    locks.addAll(local);
    return locks;
  }

  /**
   * Whether the class's own role says it runs on many threads (see {@link #classEvidence()}); front
   * ends ask before they extract anything else.
   */
  public static boolean hasClassEvidence(ClassFacts facts) {
    return classEvidence(facts) != null;
  }

  private static String classEvidence(ClassFacts facts) {
    for (String annotation : facts.annotations()) {
      if (ConcurrencyAnnotations.THREAD_SAFE.contains(annotation)) {
        return "the class is annotated @ThreadSafe, so its methods run on many threads at once";
      }
    }
    return ManagedSingletons.describe(facts.annotations(), facts.annotationValues(), facts.supertypes())
        .map(d -> "the class is " + d + ", whose methods run on many request threads at once")
        .orElse(null);
  }

  private FieldState analyseField(MapField field, List<ResolvedAccess> accesses) {
    MapKind kind = MapTypes.kindOfField(field.declaredType(), field.assignedValues());
    List<ResolvedAccess> after = new ArrayList<>();
    for (ResolvedAccess access : accesses) {
      if (access.afterConstruction()) {
        after.add(access);
      }
    }
    after.sort(Comparator.comparingInt(ResolvedAccess::line));
    Set<Access> fills = fills(after);
    List<ResolvedAccess> raceRelevant = new ArrayList<>();
    for (ResolvedAccess access : after) {
      if (access.effect().touchesContents()
          && !fills.contains(access.access())
          && !isHandOff(access, after)) {
        raceRelevant.add(access);
      }
    }
    if (!facts.flagUses().isEmpty() && publishedThroughFlag(raceRelevant)) {
      raceRelevant.clear(); // filled under a lock before a volatile flag is set, read after it
    }
    Optional<Guard> guard = declaredGuard(field, after);
    if (guard.isEmpty()) {
      guard = GuardInference.infer(raceRelevant);
    }
    Optional<Sharing> sharing =
        field.threadConfined() ? Optional.empty() : sharing(field, raceRelevant);
    return new FieldState(field, kind, after, raceRelevant, sharing, guard, fills);
  }

  private Optional<Guard> declaredGuard(MapField field, List<ResolvedAccess> after) {
    if (field.declaredGuard() == null) {
      return Optional.empty();
    }
    String expression = canonicalGuard(field, field.declaredGuard());
    LockRef.Kind kind = LockRef.Kind.MONITOR;
    for (ResolvedAccess access : after) {
      for (LockRef lock : access.locks()) {
        if (lock.expression().equals(expression)) {
          kind = lock.kind();
        }
      }
    }
    int example = 0;
    return Optional.of(
        new Guard(
            new LockRef(expression, LockRef.Mode.EXCLUSIVE, kind), true, 0, after.size(), example));
  }

  /** Turns a {@code @GuardedBy} value into the canonical lock expression front ends produce. */
  String canonicalGuard(MapField field, String value) {
    String v = value.trim();
    if (ConcurrencyAnnotations.ITSELF.contains(v)) {
      return field.name();
    }
    String simpleClass = facts.className().substring(facts.className().lastIndexOf('.') + 1);
    if (v.equals(simpleClass + ".this") || v.equals(facts.className() + ".this")) {
      return "this";
    }
    if (v.startsWith("this.")) {
      v = v.substring("this.".length());
    }
    if (v.startsWith(simpleClass + ".") && !v.endsWith(".class") && !v.endsWith(".this")) {
      v = v.substring(simpleClass.length() + 1);
    }
    if (v.endsWith("()")) {
      v = v.substring(0, v.length() - 2) + "()";
    }
    return v;
  }

  private boolean publishedThroughFlag(List<ResolvedAccess> raceRelevant) {
    if (publication == null) {
      publication = new VolatilePublication(facts.flagUses(), facts.calls(), incoming());
    }
    return publication.publishingFlag(raceRelevant) != null;
  }

  /**
   * Writes that directly follow a fresh assignment to the field in the same unit: the map is being
   * filled after it was published. After a lazy creation ({@code if (f == null) { f = new …; } }),
   * only the writes of that branch: those after it run on every call; and every access of a method
   * only that branch calls (directly or through other such methods), which helps fill the new map.
   */
  private Set<Access> fills(List<ResolvedAccess> after) {
    Set<Access> fills = new HashSet<>();
    for (ResolvedAccess assign : after) {
      if (assign.effect() != Effect.ASSIGN || !assign.access().freshValue()) {
        continue;
      }
      CodeUnit unit = assign.access().unit();
      int from = assign.access().order();
      int until = Integer.MAX_VALUE;
      for (ResolvedAccess other : after) {
        // a reset to null ends no filling: writes written after it run on the paths that skip it
        if (other.access().unit() == unit
            && other.effect() == Effect.ASSIGN
            && !other.access().nullArgument()
            && other.access().order() > from) {
          until = Math.min(until, other.access().order());
        }
      }
      for (ResolvedAccess other : after) {
        Access a = other.access();
        if (a.unit() == unit
            && a.effect() == Effect.WRITE
            && a.order() > from
            && a.order() < until
            && (!assign.access().inNullBranch() || a.inNullBranch())) {
          fills.add(a);
        }
      }
      if (assign.access().inNullBranch()) {
        Set<CodeUnit> helpers = fillingHelpers(assign.access(), until);
        for (ResolvedAccess other : after) {
          if (helpers.contains(other.access().unit())) {
            fills.add(other.access());
          }
        }
      }
    }
    return fills;
  }

  /**
   * The methods called only from the branch of the lazy creation {@code assign} (before the unit
   * assigns the field again, at {@code until}), directly or through other such methods: they run
   * while the new map is being filled, before the branch publishes it. Only methods whose calls are
   * all known ({@link CodeUnit#exported}) and that run right away (not tasks).
   */
  private Set<CodeUnit> fillingHelpers(Access assign, int until) {
    Set<CallEdge> fromBranch = Collections.newSetFromMap(new IdentityHashMap<>());
    for (CallEdge edge : facts.calls()) {
      if (edge.caller() == assign.unit()
          && edge.inLazyCreationOf().contains(assign.field())
          && edge.order() > assign.order()
          && edge.order() < until) {
        fromBranch.add(edge);
      }
    }
    if (fromBranch.isEmpty()) {
      return Set.of();
    }
    Map<CodeUnit, List<CallEdge>> incoming = new HashMap<>();
    for (CallEdge edge : facts.calls()) {
      incoming.computeIfAbsent(edge.callee(), k -> new ArrayList<>()).add(edge);
    }
    Set<CodeUnit> helpers = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<CodeUnit, List<CallEdge>> calls : incoming.entrySet()) {
        CodeUnit callee = calls.getKey();
        if (helpers.contains(callee)
            || callee == assign.unit()
            || callee.exported()
            || callee.kind() != CodeUnit.Kind.METHOD) {
          continue;
        }
        if (calls.getValue().stream().allMatch(e -> fromBranch.contains(e) || helpers.contains(e.caller()))) {
          helpers.add(callee);
          grew = true;
        }
      }
    }
    return helpers;
  }

  /**
   * A write made before the same unit starts a task that only reads the field: the start of a thread
   * or a submission is a happens-before edge, so the task sees the finished map.
   */
  private static boolean isHandOff(ResolvedAccess access, List<ResolvedAccess> after) {
    if (access.effect() != Effect.WRITE) {
      return false;
    }
    Access a = access.access();
    for (ResolvedAccess other : after) {
      for (ThreadRoot root : other.roots()) {
        if (root.isTask()
            && root.startUnit() == a.unit().id()
            && a.order() < root.startOrder()
            && onlyReadsIn(root, after)
            && !writtenElsewhere(access, after)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean onlyReadsIn(ThreadRoot task, List<ResolvedAccess> after) {
    return after.stream()
        .filter(a -> a.roots().contains(task))
        .noneMatch(a -> a.effect() == Effect.WRITE || a.effect() == Effect.ASSIGN);
  }

  private static boolean writtenElsewhere(ResolvedAccess write, List<ResolvedAccess> after) {
    CodeUnit unit = write.access().unit();
    return after.stream()
        .anyMatch(a -> a.effect() == Effect.WRITE && a.access().unit() != unit);
  }

  private Optional<Sharing> sharing(MapField field, List<ResolvedAccess> raceRelevant) {
    boolean written = raceRelevant.stream().anyMatch(a -> a.effect() == Effect.WRITE);
    if (!written) {
      return Optional.empty(); // effectively immutable after construction
    }
    Set<ThreadRoot> roots = rootsOf(raceRelevant);
    Set<ThreadRoot> running = runningRoots(roots);
    boolean locked =
        (!requestScoped || field.isStatic())
            && raceRelevant.stream().anyMatch(a -> !a.locks().isEmpty());
    List<ThreadRoot> tasks = running.stream().filter(ThreadRoot::isTask).toList();
    boolean callers = running.contains(ThreadRoot.CALLER);
    if (!tasks.isEmpty() && !callers && confinedToOneSingleThreadExecutor(tasks)) {
      return Optional.empty();
    }
    String evidence =
        callers && classEvidence != null && evidenceReaches(field, raceRelevant) ? classEvidence : null;
    boolean shared =
        tasks.size() >= 2
            || !tasks.isEmpty() && callers
            || tasks.stream().anyMatch(this::runsAsCopies)
            || evidence != null
            || locked
            || field.isStatic() && !tasks.isEmpty()
            || !copyRaces(raceRelevant).isEmpty();
    return shared ? Optional.of(new Sharing(roots, evidence)) : Optional.empty();
  }

  /**
   * Whether copies of {@code task} run at the same time: it is started in a loop or by a parallel
   * stream ({@link ThreadRoot#repeated}), or a method callers call handed it to an executor of
   * several threads, one task per call ({@link ThreadRoot#pooled}): a second call before the first
   * task ends runs a second copy beside it. A method that starts its object once ({@link
   * LifecycleMethods#STARTS_ONCE}: {@code start()}, {@code init()}) runs one copy.
   */
  private boolean runsAsCopies(ThreadRoot task) {
    return task.repeated() || startedOnEveryCall(task);
  }

  private boolean startedOnEveryCall(ThreadRoot task) {
    if (!task.pooled()) {
      return false;
    }
    CodeUnit starter = contexts().starter(task);
    return starter != null
        && starter.kind() == CodeUnit.Kind.METHOD
        && !starter.constructor()
        && !LifecycleMethods.STARTS_ONCE.contains(methodName(starter))
        && contexts().roots(starter).contains(ThreadRoot.CALLER);
  }

  /** "restock" for the unit named "restock(String, int)". */
  private static String methodName(CodeUnit unit) {
    int parenthesis = unit.name().indexOf('(');
    return parenthesis < 0 ? unit.name() : unit.name().substring(0, parenthesis);
  }

  /**
   * The roots the code runs on, for what runs at the same time: a task its starter waits for (see
   * {@link UnitContexts#awaited}) runs within the starter's call, so it stands for the starter's roots;
   * its copies running at once are {@link #copyRaces}.
   */
  private Set<ThreadRoot> runningRoots(Set<ThreadRoot> roots) {
    Set<ThreadRoot> running = new LinkedHashSet<>();
    Deque<ThreadRoot> pending = new ArrayDeque<>(roots);
    Set<ThreadRoot> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      ThreadRoot root = pending.pop();
      if (!seen.add(root)) {
        continue;
      }
      if (contexts().awaited(root)) {
        pending.addAll(contexts().starterRoots(root));
      } else if (root.kind() != ThreadRoot.Kind.CONSTRUCTION) {
        running.add(root);
      }
    }
    return running;
  }

  /**
   * The accesses among {@code accesses} that race with another copy of a task its starter waits for:
   * the copies started in a loop (or two tasks started before one wait) run at once, and the locks
   * the waiting starter holds keep other threads out but not the copies from each other. An access
   * races when one of the two writes and no lock taken by the task's own code covers both.
   */
  public List<ResolvedAccess> copyRaces(List<ResolvedAccess> accesses) {
    List<ResolvedAccess> racing = new ArrayList<>();
    for (ResolvedAccess access : accesses) {
      for (ThreadRoot root : access.roots()) {
        if (contexts().awaited(root) && racesWithCopy(access, root, accesses)) {
          racing.add(access);
          break;
        }
      }
    }
    return racing;
  }

  private boolean racesWithCopy(
      ResolvedAccess access, ThreadRoot root, List<ResolvedAccess> accesses) {
    for (ResolvedAccess other : accesses) {
      if (access.effect() != Effect.WRITE && other.effect() != Effect.WRITE) {
        continue;
      }
      boolean atOnce = other.roots().stream().anyMatch(r -> runAtOnce(root, r));
      if (atOnce
          && !commonLock(access.ownLocks(), access.effect(), other.ownLocks(), other.effect())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Two waited-for tasks that run at the same time: copies of one started in a loop, or two whose
   * waits overlap.
   */
  private boolean runAtOnce(ThreadRoot task, ThreadRoot other) {
    if (task.equals(other)) {
      return task.repeated() || contexts().startsSeveral(task);
    }
    return contexts().awaited(other)
        && task.startUnit() == other.startUnit()
        && task.startOrder() <= other.awaitOrder()
        && other.startOrder() <= task.awaitOrder();
  }

  /** Whether one lock is held at two accesses, in modes that allow each one's effect. */
  private static boolean commonLock(
      Set<LockRef> one, Effect oneEffect, Set<LockRef> other, Effect otherEffect) {
    for (LockRef lock : one) {
      if (lock.covers(oneEffect)
          && other.stream().anyMatch(o -> o.sameLock(lock) && o.covers(otherEffect))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the class's own evidence is about the object holding the field (see below). */
  public boolean classEvidenceReaches(FieldState state) {
    return classEvidence != null && evidenceReaches(state.field(), state.afterConstruction());
  }

  /**
   * Whether the class's own evidence (a managed singleton, {@code @ThreadSafe}) is about the object
   * holding this field: always for the class's own and static fields; for an instance field of a
   * nested class, when one of its callers' accesses is the class's own code, or nested code reached
   * from it on an object the caller does not hold alone. A request wrapper a filter creates for
   * each request is not the filter: its maps are not shared because the filter's methods are.
   */
  private boolean evidenceReaches(MapField field, List<ResolvedAccess> raceRelevant) {
    String nested = field.nestedClass();
    if (field.isStatic() || nested == null) {
      return true;
    }
    for (ResolvedAccess access : raceRelevant) {
      if (access.roots().contains(ThreadRoot.CALLER)
          && reachedFromOutside(access.access().unit(), nested, new HashSet<>())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether code outside {@code nested} reaches {@code unit} on an object it does not hold alone; a
   * nested object's constructor, and what it calls, never does.
   */
  private boolean reachedFromOutside(CodeUnit unit, String nested, Set<CodeUnit> seen) {
    if (!nested.equals(unit.nestedClass())) {
      return true;
    }
    if (unit.kind() == CodeUnit.Kind.CONSTRUCTOR || !seen.add(unit)) {
      return false; // whoever calls new, a constructor works on an object no other code holds yet
    }
    for (CallEdge call : incoming().getOrDefault(unit, List.of())) {
      if (!ownership().passesConfined(call, call.receiver())
          && reachedFromOutside(call.caller(), nested, seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean confinedToOneSingleThreadExecutor(List<ThreadRoot> tasks) {
    String executor = tasks.get(0).executor();
    return executor != null
        && tasks.stream().allMatch(t -> t.singleThreadExecutor() && executor.equals(t.executor()));
  }

  /**
   * Thread evidence for a message about {@code access}: the other root that uses the field, or why
   * the access's own root runs concurrently with itself; null when the only evidence is that other
   * accesses take a lock (the guard evidence already says so).
   */
  public String threadEvidence(FieldState state, ResolvedAccess access) {
    return threadEvidence(state, access, true);
  }

  /**
   * The same; with {@code otherAccess} false, an access made both in a task and by callers does not
   * cite another method's access as the other side ({@link #callersElsewhere}): a rule about a value
   * taken out of the map races on the value, not on the map.
   */
  public String threadEvidence(FieldState state, ResolvedAccess access, boolean otherAccess) {
    Cited cited = threadCited(state, access, otherAccess);
    return cited == null ? null : cited.text();
  }

  /** Where {@link #threadEvidence} points: the task's start or the caller's access; null if nowhere. */
  public Evidence threadEvidencePlace(FieldState state, ResolvedAccess access) {
    return threadEvidencePlace(state, access, true);
  }

  public Evidence threadEvidencePlace(FieldState state, ResolvedAccess access, boolean otherAccess) {
    Cited cited = threadCited(state, access, otherAccess);
    return cited == null ? null : cited.place();
  }

  /** Evidence text and the place it cites (null when it cites none, e.g. a class annotation). */
  private record Cited(String text, Evidence place) {}

  private Cited threadCited(FieldState state, ResolvedAccess access, boolean otherAccess) {
    Sharing sharing = state.sharing().orElse(null);
    Set<ThreadRoot> roots =
        sharing != null ? sharing.roots() : rootsOf(state.raceRelevant());
    for (ThreadRoot root : roots) {
      if (root.isTask() && !access.roots().contains(root)) {
        return new Cited(
            "it is " + verbIn(state, root) + " in " + root.describe(), taskStart(root));
      }
    }
    if (roots.contains(ThreadRoot.CALLER) && !access.roots().contains(ThreadRoot.CALLER)) {
      String verb = verbIn(state, ThreadRoot.CALLER);
      ResolvedAccess caller = callerAccess(state, verb);
      if (caller == null) {
        return new Cited("it is " + verb + " by callers of its methods", null);
      }
      List<CodeUnit> path = callerPath(caller.access().unit());
      CodeUnit entry = path.get(0);
      return new Cited(
          "it is " + verb + " " + byCallers(path, caller.line()),
          place(caller, verb + " by callers of " + entry.name()));
    }
    for (ThreadRoot root : access.roots()) {
      if (root.isTask() && root.repeated()) {
        return new Cited(root.describe() + " runs on several threads at once", taskStart(root));
      }
      if (root.isTask() && startedOnEveryCall(root)) {
        return new Cited(
            root.describe()
                + " runs on several threads at once: "
                + contexts().starter(root).name()
                + " hands one to '"
                + root.executor()
                + "', an executor of several threads, on every call",
            taskStart(root));
      }
    }
    Cited callers = otherAccess ? callersElsewhere(state, access) : null;
    if (callers != null) {
      return callers;
    }
    if (sharing != null && sharing.classEvidence() != null) {
      return new Cited(sharing.classEvidence(), null);
    }
    if (state.field().isStatic()) {
      for (ThreadRoot root : roots) {
        if (root.isTask()) {
          return new Cited(
              "it is static and used in " + root.describe() + ", which every instance starts",
              taskStart(root));
        }
      }
    }
    return null;
  }

  /**
   * For an access made both in a task and on callers' threads (a method a task calls that callers
   * may call too), the other side of the race: a callers' access in another method ("it is read by
   * callers of attribute(String) (line 32)"), a write when this access only reads; null if none.
   */
  private Cited callersElsewhere(FieldState state, ResolvedAccess access) {
    if (access.roots().stream().noneMatch(ThreadRoot::isTask)) {
      return null;
    }
    for (ResolvedAccess other : state.raceRelevant()) {
      CodeUnit unit = other.access().unit();
      if (unit != access.access().unit()
          && unit.kind() == CodeUnit.Kind.METHOD
          && other.roots().contains(ThreadRoot.CALLER)
          && (access.effect() == Effect.WRITE || other.effect() == Effect.WRITE)) {
        String verb = other.briefVerb();
        List<CodeUnit> path = callerPath(unit);
        return new Cited(
            "it is " + verb + " " + byCallers(path, other.line()),
            place(other, verb + " by callers of " + path.get(0).name()));
      }
    }
    return null;
  }

  /**
   * Sharing evidence when no thread root names another thread: an access that takes a lock shows the
   * author expects other threads, e.g. "it is written at line 277 while holding 'this'".
   */
  public String lockEvidence(FieldState state) {
    ResolvedAccess locked = lockedAccess(state);
    if (locked == null) {
      return null;
    }
    return "it is "
        + locked.briefVerb()
        + " at line "
        + locked.line()
        + " while holding '"
        + locked.locks().iterator().next().expression()
        + "', so other threads are expected";
  }

  /** Where {@link #lockEvidence} points, or null. */
  public Evidence lockEvidencePlace(FieldState state) {
    ResolvedAccess locked = lockedAccess(state);
    return locked == null
        ? null
        : place(
            locked,
            locked.briefVerb()
                + " while holding '"
                + locked.locks().iterator().next().expression()
                + "'");
  }

  private static ResolvedAccess lockedAccess(FieldState state) {
    for (ResolvedAccess access : state.raceRelevant()) {
      if (!access.locks().isEmpty()) {
        return access;
      }
    }
    return null;
  }

  /** An access as evidence: its line and column. */
  public static Evidence place(ResolvedAccess access, String description) {
    return new Evidence(access.line(), access.access().site().column(), description);
  }

  /** Where {@code task} is started, as evidence: "the task submitted at line 17". */
  public static Evidence taskStart(ThreadRoot task) {
    return new Evidence(task.line(), 0, task.describe());
  }

  private static Set<ThreadRoot> rootsOf(List<ResolvedAccess> accesses) {
    Set<ThreadRoot> roots = new LinkedHashSet<>();
    accesses.forEach(a -> roots.addAll(a.roots()));
    roots.remove(ThreadRoot.CONSTRUCTION);
    return roots;
  }

  /**
   * What {@code root} does to the field: "written", else "read and so written" for a read that
   * changes the map ({@link io.mapguard.engine.model.ReadingWrite}), else "read".
   */
  private static String verbIn(FieldState state, ThreadRoot root) {
    String verb = "read";
    for (ResolvedAccess access : state.raceRelevant()) {
      if (access.roots().contains(root) && access.effect() == Effect.WRITE) {
        if (access.access().readingWrite() == null) {
          return "written";
        }
        verb = access.briefVerb();
      }
    }
    return verb;
  }

  /**
   * An access made on callers' threads that does what {@code verb} ({@link #verbIn}) says: the
   * message says "written by callers of …", so the access it cites must write.
   */
  private ResolvedAccess callerAccess(FieldState state, String verb) {
    boolean write = !verb.equals("read");
    for (ResolvedAccess access : state.raceRelevant()) {
      CodeUnit unit = access.access().unit();
      if (unit.kind() == CodeUnit.Kind.METHOD
          && contexts().roots(unit).contains(ThreadRoot.CALLER)
          && (write ? access.briefVerb().equals(verb) : access.effect() != Effect.WRITE)) {
        return access;
      }
    }
    return null;
  }

  /**
   * "by callers of add(String) (line 13)", "by callers of add(String), through store(String) (line
   * 13)": the method callers call and the named helpers on the way to the access; lambdas run
   * inline are part of the method around them and are not named.
   */
  private static String byCallers(List<CodeUnit> path, int line) {
    CodeUnit entry = path.get(0);
    String at = entry.name().endsWith("at line " + line) ? "" : " (line " + line + ")";
    if (entry.functional()) {
      return "in the " + entry.name() + ", which callers may run on any thread" + at;
    }
    List<String> through = new ArrayList<>();
    for (CodeUnit unit : path.subList(1, path.size())) {
      if (!unit.functional()) {
        through.add(unit.name());
      }
    }
    return "by callers of "
        + entry.name()
        + (through.isEmpty() ? "" : ", through " + String.join(", then ", through))
        + at;
  }

  private Map<CodeUnit, List<CallEdge>> incoming() {
    if (incoming == null) {
      incoming = new HashMap<>();
      for (CallEdge edge : facts.calls()) {
        incoming.computeIfAbsent(edge.callee(), k -> new ArrayList<>()).add(edge);
      }
    }
    return incoming;
  }

  /** A unit callers call directly: a non-private method, or a private one nothing in the class calls. */
  private boolean calledByCallers(CodeUnit unit) {
    return unit.kind() == CodeUnit.Kind.METHOD
        && (!unit.isPrivate() || !incoming().containsKey(unit));
  }

  /**
   * How callers' threads reach {@code unit}: the method they call first, {@code unit} last, the
   * units called in between in order (shortest such path); just {@code unit} when none is found.
   */
  public List<CodeUnit> callerPath(CodeUnit unit) {
    if (calledByCallers(unit)) {
      return List.of(unit);
    }
    List<CallEdge> edges =
        pathFromEntry(
            unit, edge -> contexts().roots(edge.caller()).contains(ThreadRoot.CALLER));
    List<CodeUnit> path = new ArrayList<>();
    if (edges.isEmpty()) {
      path.add(unit);
      return path;
    }
    path.add(edges.get(0).caller());
    edges.forEach(e -> path.add(e.callee()));
    return path;
  }

  /**
   * The methods callers call first that run {@code unit}: {@code unit} itself when callers call it,
   * else the methods up its calls in the class (constructors left out: they build a new object).
   */
  public Set<CodeUnit> entryMethods(CodeUnit unit) {
    Set<CodeUnit> entries = new LinkedHashSet<>();
    Set<CodeUnit> seen = new HashSet<>(List.of(unit));
    Deque<CodeUnit> pending = new ArrayDeque<>(List.of(unit));
    while (!pending.isEmpty()) {
      CodeUnit callee = pending.pop();
      if (calledByCallers(callee)) {
        entries.add(callee);
        continue;
      }
      for (CallEdge edge : incoming().getOrDefault(callee, List.of())) {
        if (!contexts().isConstructionOnly(edge.caller()) && seen.add(edge.caller())) {
          pending.push(edge.caller());
        }
      }
    }
    return entries;
  }

  /**
   * The calls by which {@code unit} is reached without holding {@code lock} in a mode that allows
   * {@code effect}: from a method callers call or a task, outermost call first; empty when every
   * path holds it (or {@code unit} is not a private helper).
   */
  public List<CallEdge> callsWithout(CodeUnit unit, LockRef lock, Effect effect) {
    if (unit.kind() != CodeUnit.Kind.METHOD || calledByCallers(unit)) {
      return List.of();
    }
    return pathFromEntry(
        unit,
        edge ->
            !contexts().isConstructionOnly(edge.caller())
                && locksAt(edge.caller(), edge.locksHeld()).stream()
                    .noneMatch(l -> l.sameLock(lock) && l.covers(effect)));
  }

  /** Breadth-first up the call edges {@code follow} accepts, to a unit that is not a called helper. */
  private List<CallEdge> pathFromEntry(CodeUnit unit, Predicate<CallEdge> follow) {
    Map<CodeUnit, CallEdge> towards = new HashMap<>();
    java.util.ArrayDeque<CodeUnit> queue = new java.util.ArrayDeque<>();
    queue.add(unit);
    while (!queue.isEmpty()) {
      CodeUnit callee = queue.poll();
      if (callee != unit && (calledByCallers(callee) || callee.kind() == CodeUnit.Kind.TASK)) {
        List<CallEdge> path = new ArrayList<>();
        for (CodeUnit u = callee; u != unit; u = towards.get(u).callee()) {
          path.add(towards.get(u));
        }
        return path;
      }
      for (CallEdge edge : incoming().getOrDefault(callee, List.of())) {
        CodeUnit caller = edge.caller();
        if (caller != unit && !towards.containsKey(caller) && follow.test(edge)) {
          towards.put(caller, edge);
          queue.add(caller);
        }
      }
    }
    return List.of();
  }
}

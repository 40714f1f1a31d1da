package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.extract.UnitScan.PendingEdge;
import io.mapguard.engine.extract.UnitScan.PendingMutation;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.FunctionalContext;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.model.ThreadRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the use scan does at the nodes it stops at: a use of a map variable, a declaration, an
 * assignment, a for-each over entries, a call, a lambda, a method reference, a creation. The walk
 * itself (which nodes, in which unit, class and method) is the front end's; every decision about
 * what a node means is made here, once, against the {@link SyntaxPort}.
 *
 * @param <N> the front end's node type
 * @param <P> the front end's position of a use (see {@link UnitScan})
 */
public final class ScanSteps<N, P> {
  /** What the steps ask the front end that walks. */
  public interface FrontEnd<N, P> {
    /** The unit the scan is in, or null outside any. */
    UnitScan<N, P> current();

    P position(SyntaxPath<N> path);

    Site site(P at);

    int nextUnitId();

    /** Registers a unit the scan made (a lambda's, an anonymous class method's, a started task's). */
    UnitScan<N, P> register(CodeUnit unit, N body);

    /** The unit of a callee ({@link SyntaxPort#callee}) analysed here, or null. */
    CodeUnit unitCalled(Object callee);

    /** Records the unit of a method of an anonymous class. */
    void putMethodUnit(N method, CodeUnit unit);

    /** The unit of the method a method reference names, when it is analysed here, or null. */
    CodeUnit referencedUnit(N methodReference);

    /**
     * The units of the methods of the class a {@code new} without a body creates, or {@code this}
     * denotes, when that class is analysed here.
     */
    List<MethodUnit> unitsOfClass(N creationOrThis);
  }

  /** A method's unit with the method's name and parameter count. */
  public record MethodUnit(String name, int parameters, CodeUnit unit) {}

  /** The class-wide tables the scan reads and adds to, keyed by the port's variable handles. */
  public record Tables<N>(
      Map<Object, MapField> fields,
      Map<Object, Alias> aliases,
      Map<Object, MapField> localMaps,
      Map<Object, List<String>> localMapValues,
      Map<Object, ValueLocal> valueLocals,
      Map<Object, N> newInitializers) {}

  private final SyntaxPort<N> port;
  private final CallShapes<N> shapes;
  private final LockNames<N> locks;
  private final TaskStarts<N> starts;
  private final LocalAliases<N> localAliases;
  private final MapFields<N> mapFields;
  private final FrontEnd<N, P> frontEnd;
  private final Tables<N> tables;
  private MapUses<N, P> uses;

  public ScanSteps(
      CallShapes<N> shapes,
      LockNames<N> locks,
      TaskStarts<N> starts,
      LocalAliases<N> localAliases,
      MapFields<N> mapFields,
      FrontEnd<N, P> frontEnd,
      Tables<N> tables) {
    this.port = shapes.port();
    this.shapes = shapes;
    this.locks = locks;
    this.starts = starts;
    this.localAliases = localAliases;
    this.mapFields = mapFields;
    this.frontEnd = frontEnd;
    this.tables = tables;
  }

  /** The classification of uses, set once (it reads {@link #mapFieldOf}). */
  public void classifyWith(MapUses<N, P> uses) {
    this.uses = uses;
  }

  /** The map field (or local map) an expression denotes directly ({@code cache}, {@code this.cache}, an alias). */
  public MapField mapFieldOf(N expression) {
    Object variable = port.variable(port.skipParens(expression));
    if (variable == null) {
      return null;
    }
    MapField field = tables.fields().get(variable);
    if (field != null) {
      return field;
    }
    Alias alias = tables.aliases().get(variable);
    if (alias != null) {
      return alias.kind() == AliasKind.MAP ? alias.field() : null;
    }
    return tables.localMaps().get(variable);
  }

  /**
   * Whether a name or field access denotes a variable the scan follows (a map field, a local map,
   * an alias, a local holding a map's value): asked before {@link #use}, so that the walk makes a
   * path only for those.
   */
  public boolean follows(N expression) {
    Object variable = port.variable(expression);
    return variable != null
        && (tables.fields().containsKey(variable)
            || tables.aliases().containsKey(variable)
            || tables.localMaps().containsKey(variable)
            || tables.valueLocals().containsKey(variable));
  }

  /** A name or field access that may denote a map variable, a value taken out of one, or an alias. */
  public void use(SyntaxPath<N> at) {
    UnitScan<N, P> unit = frontEnd.current();
    Object variable = port.variable(at.leaf());
    if (variable == null || unit == null) {
      return;
    }
    ValueLocal value = tables.valueLocals().get(variable);
    if (value != null) {
      CallShapes.ValueUse<N> use = shapes.useOfValue(at);
      if (use != null) {
        SyntaxPath<N> used = at;
        while (used.leaf() != use.node()) {
          used = used.parent();
        }
        unit.mutations.add(
            new PendingMutation<>(
                value.field(), value.source(), value.line(), use.method(), port.name(at.leaf()),
                frontEnd.position(used)));
      }
      return;
    }
    MapField field = tables.fields().get(variable);
    if (field != null) {
      uses.classify(field, at, AliasKind.MAP);
      return;
    }
    Alias alias = tables.aliases().get(variable);
    if (alias != null) {
      uses.classify(alias.field(), at, alias.kind());
      return;
    }
    MapField local = tables.localMaps().get(variable);
    if (local != null) {
      uses.classify(local, at, AliasKind.MAP);
    }
  }

  /** A variable declaration: a local standing for a map (an alias), or a local map. */
  public void declaration(SyntaxPath<N> declaration) {
    N node = declaration.leaf();
    if (port.declaresLocal(node) && port.initializer(node) != null) {
      localAliases.record(
          port.declaredVariable(node), port.initializer(node), declaration, tables.aliases(),
          tables.fields()::get, e -> mapFieldOf(e));
    }
    parameter(declaration);
  }

  /** A parameter (or local) the triage found holding a map becomes a local map, unless it is an alias. */
  public void parameter(SyntaxPath<N> declaration) {
    Object variable = port.declaredVariable(declaration.leaf());
    if (tables.localMapValues().containsKey(variable) && !tables.aliases().containsKey(variable)) {
      tables
          .localMaps()
          .put(variable, mapFields.local(declaration.leaf(), frontEnd.site(frontEnd.position(declaration))));
    }
  }

  /** An assignment: a local now standing for another map, or a field published from a local. */
  public void assignment(SyntaxPath<N> assignment) {
    N assign = assignment.leaf();
    N target = port.assignTarget(assign);
    Object local = port.localVariable(target);
    if (local != null) {
      tables.aliases().remove(local);
      localAliases.record(
          local, port.assignedValue(assign), assignment, tables.aliases(), tables.fields()::get, e -> mapFieldOf(e));
    }
    Object value = port.localVariable(port.assignedValue(assign));
    MapField field = tables.fields().get(port.variable(target));
    if (field != null && value != null) {
      // field = local: from here on, filling the local fills the published field
      tables.aliases().put(value, new Alias(field, AliasKind.MAP));
    }
  }

  /** {@code for (Map.Entry<K, V> e : cache.entrySet())}: the loop variable is an entry of the map. */
  public void enhancedFor(N loop) {
    N iterated = port.skipParens(port.iterable(loop));
    if (port.kind(iterated) != Kind.METHOD_CALL || port.receiver(iterated) == null) {
      return;
    }
    MapField field = mapFieldOf(port.receiver(iterated));
    if (field != null && port.name(iterated).equals("entrySet")) {
      tables.aliases().put(port.declaredVariable(port.loopVariableDeclaration(loop)), new Alias(field, AliasKind.ENTRY));
    }
  }

  /**
   * A method call: a lock call, a call of a method analysed here (an edge), a start of a named
   * task class, and a getter returning a synchronized map field ({@code sessions().keySet()}: a use
   * of the field).
   */
  public void call(SyntaxPath<N> callPath) {
    N call = callPath.leaf();
    UnitScan<N, P> unit = frontEnd.current();
    String name = port.name(call);
    // where types are costly (mapvet) the name decides; the lock regions find the lock later
    if (unit != null
        && LockApis.ALL_METHOD_NAMES.contains(name)
        && (!port.resolvesTypesCheaply() || port.callee(call) != null && locks.operation(call) != null)) {
      unit.hasLockCalls = true;
    }
    sameClassCall(callPath);
    startedNamedClasses(callPath);
    MapField returned = getterField(call);
    if (returned != null && unit != null) {
      uses.classify(returned, callPath, AliasKind.MAP);
    }
  }

  /**
   * The field a call returns when the method it calls (of this class, called on {@code this}) has
   * no parameters, its body is {@code return field;}, and the field holds a synchronized wrapper.
   * Other getters are left to GuardedMapEscape.
   */
  private MapField getterField(N call) {
    N receiver = port.receiver(call);
    if (!port.arguments(call).isEmpty() || receiver != null && port.kind(receiver) != Kind.THIS) {
      return null;
    }
    N method = port.calledMethod(call);
    N body = method == null ? null : port.methodBody(method);
    if (body == null || !port.parameters(method).isEmpty() || port.statements(body).size() != 1) {
      return null;
    }
    N statement = port.statements(body).get(0);
    N returned = port.kind(statement) == Kind.RETURN ? port.returnedValue(statement) : null;
    MapField field = returned == null ? null : tables.fields().get(port.variable(port.skipParens(returned)));
    return field != null
            && MapTypes.kindOfField(field.declaredType(), field.assignedValues()) == MapKind.SYNCHRONIZED
        ? field
        : null;
  }

  private void sameClassCall(SyntaxPath<N> callPath) {
    UnitScan<N, P> unit = frontEnd.current();
    Object callee = unit == null ? null : port.callee(callPath.leaf());
    CodeUnit target = callee == null ? null : frontEnd.unitCalled(callee);
    if (target != null) {
      unit.edges.add(new PendingEdge<>(target, frontEnd.position(callPath)));
    }
  }

  /**
   * {@code executor.submit(new Worker())}, {@code new Thread(this)}, or a local holding a new
   * {@code Worker} handed to a start: the class's run() is a task.
   */
  private void startedNamedClasses(SyntaxPath<N> callPath) {
    N call = callPath.leaf();
    List<N> started = new ArrayList<>();
    for (N argument : port.arguments(call)) {
      N a = port.skipParens(argument);
      if (port.kind(a) == Kind.IDENTIFIER && port.localVariable(a) != null) {
        // Runnable task = new Worker(); pool.submit(task)
        a = tables.newInitializers().getOrDefault(port.localVariable(a), a);
      }
      if (port.kind(a) == Kind.NEW && !port.hasClassBody(a) || port.kind(a) == Kind.THIS) {
        started.add(a);
      }
    }
    if (started.isEmpty()) {
      return; // only new Worker() or this can start a named class's run()
    }
    Optional<ThreadStartApis.Entry> start = starts.startOf(call);
    if (start.isEmpty()) {
      return;
    }
    for (N argument : started) {
      for (MethodUnit method : frontEnd.unitsOfClass(argument)) {
        if (method.parameters() == 0 && TaskClasses.STARTED_INSTANCE_METHODS.contains(method.name())) {
          ThreadRoot root = starts.taskRoot(callPath, start.get());
          UnitScan<N, P> task =
              frontEnd.register(
                  new CodeUnit(frontEnd.nextUnitId(), CodeUnit.Kind.TASK, root.describe(), true, Set.of(), root),
                  null);
          task.edges.add(new PendingEdge<>(method.unit(), frontEnd.position(callPath)));
          awaitedBy(task, callPath);
        }
      }
    }
  }

  /**
   * A task its starter waits for runs while the starter holds its locks: an edge from the starter at
   * the start carries them (see io.mapguard.engine.analysis.UnitContexts).
   */
  private void awaitedBy(UnitScan<N, P> task, SyntaxPath<N> startPath) {
    UnitScan<N, P> starter = frontEnd.current();
    if (task.unit.task().awaited() && starter != null && starter != task) {
      starter.edges.add(new PendingEdge<>(task.unit, frontEnd.position(startPath)));
    }
  }

  /**
   * A lambda's unit: inline, later, or a task (see {@link TaskStarts#functionalContext}); one
   * passed to a locking callback method runs holding the lock that call is given.
   */
  public CodeUnit lambda(SyntaxPath<N> lambda) {
    return functionalUnit(
            starts.functionalContext(lambda),
            "lambda at line " + port.line(lambda.leaf()),
            lambda.leaf(),
            lambda,
            lockOfLockingCallback(lambda))
        .unit;
  }

  /**
   * The lock a locking callback method holds around the function at {@code functional} (the option
   * lockingCallbackMethods): its first other argument that names a lock — a {@code Lock} taken, any
   * other object as a monitor — or its receiver when it has no other argument.
   */
  private Set<LockRef> lockOfLockingCallback(SyntaxPath<N> functional) {
    N call = starts.lockingCallbackCall(functional);
    if (call == null) {
      return Set.of();
    }
    List<N> candidates = new ArrayList<>();
    for (N argument : port.arguments(call)) {
      Kind kind = port.kind(port.skipParens(argument));
      if (kind != Kind.LAMBDA && kind != Kind.METHOD_REFERENCE) {
        candidates.add(argument);
      }
    }
    if (candidates.isEmpty() && port.receiver(call) != null) {
      candidates.add(port.receiver(call));
    }
    for (N candidate : candidates) {
      LockRef lock =
          port.isSubtype(candidate, LockApis.LOCK) ? locks.lockObject(candidate) : locks.monitor(candidate);
      if (lock != null) {
        return Set.of(lock);
      }
    }
    return Set.of();
  }

  /** A method reference to a method analysed here: an edge to it, from here or from the task it starts. */
  public void methodReference(SyntaxPath<N> reference) {
    CodeUnit target = frontEnd.referencedUnit(reference.leaf());
    if (target == null) {
      return;
    }
    FunctionalContext context = starts.functionalContext(reference);
    P at = frontEnd.position(reference);
    if (context.kind() == FunctionalContext.Kind.TASK) {
      functionalUnit(context, "method reference at line " + port.line(reference.leaf()), null, reference, Set.of())
          .edges
          .add(new PendingEdge<>(target, at));
    } else if (frontEnd.current() != null) {
      frontEnd.current().edges.add(new PendingEdge<>(target, at));
    }
  }

  /**
   * A creation: a named task class started, the call of a constructor analysed here, or an
   * anonymous class whose methods get units of their own. Returns those methods, for the walk.
   */
  public List<N> creation(SyntaxPath<N> creationPath) {
    N creation = creationPath.leaf();
    startedNamedClasses(creationPath);
    if (!port.hasClassBody(creation)) {
      sameClassCall(creationPath);
      return List.of();
    }
    FunctionalContext context = starts.functionalContext(creationPath);
    TaskClasses.TaskClass taskClass = starts.taskClassOf(creation);
    if (context.kind() == FunctionalContext.Kind.INLINE && taskClass != null) {
      // an anonymous Thread, TimerTask or fork-join task runs on its own thread whoever starts it
      context = FunctionalContext.task(starts.taskClassRoot(creationPath, taskClass));
    }
    List<N> methods = port.classBodyMethods(creation);
    for (N method : methods) {
      String name = port.name(method);
      boolean entryPoint =
          (TaskClasses.STARTED_INSTANCE_METHODS.contains(name) || taskClass != null && name.equals(taskClass.method()))
              && port.parameters(method).isEmpty();
      FunctionalContext methodContext =
          context.kind() == FunctionalContext.Kind.TASK && !entryPoint ? FunctionalContext.DEFERRED : context;
      CodeUnit unit =
          functionalUnit(
                  methodContext,
                  name + "() of the anonymous class at line " + port.line(creation),
                  method,
                  creationPath,
                  locksHeldByCaller(creation, method))
              .unit;
      frontEnd.putMethodUnit(method, unit);
    }
    return methods;
  }

  /** The lock an anonymous {@code Monitor.Guard}'s {@code isSatisfied()} always runs under. */
  private Set<LockRef> locksHeldByCaller(N creation, N method) {
    for (LockApis.CallbackUnderLock callback : LockApis.CALLBACKS_UNDER_LOCK) {
      if (port.name(method).equals(callback.method())
          && port.isSubtype(creation, callback.owner())
          && port.arguments(creation).size() > callback.lockArgument()) {
        LockRef lock = locks.lockObject(port.arguments(creation).get(callback.lockArgument()));
        return lock == null ? Set.of() : Set.of(lock);
      }
    }
    return Set.of();
  }

  /**
   * The unit of a function: a task of its start, an inline part of the unit around it (an edge
   * from there at {@code at}), or code run later by whoever holds it.
   */
  private UnitScan<N, P> functionalUnit(
      FunctionalContext context, String name, N body, SyntaxPath<N> at, Set<LockRef> entryLocks) {
    UnitScan<N, P> around = frontEnd.current();
    String nestedClass = around == null ? null : around.unit.nestedClass(); // a lambda's code is its method's
    CodeUnit unit;
    switch (context.kind()) {
      case TASK:
        unit =
            new CodeUnit(
                frontEnd.nextUnitId(), CodeUnit.Kind.TASK, name, true, Set.of(), context.task(), false, nestedClass, false);
        break;
      case INLINE:
        // entry locks: those a locking callback method or a callback-under-lock API holds around it
        unit = new CodeUnit(frontEnd.nextUnitId(), CodeUnit.Kind.METHOD, name, true, entryLocks, null, false, nestedClass, false);
        break;
      default:
        unit =
            new CodeUnit(
                frontEnd.nextUnitId(), CodeUnit.Kind.METHOD, name, false, entryLocks, null, false, nestedClass, false);
        break;
    }
    UnitScan<N, P> registered = frontEnd.register(unit, body);
    if (context.kind() == FunctionalContext.Kind.INLINE && around != null) {
      around.edges.add(new PendingEdge<>(unit, frontEnd.position(at)));
    } else if (context.kind() == FunctionalContext.Kind.TASK) {
      awaitedBy(registered, at);
    }
    return registered;
  }
}

package io.mapguard.engine.extract;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.extract.SyntaxPort.Annotation;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.extract.SyntaxPort.Modifier;
import io.mapguard.engine.knowledge.CapacityHints;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.LocalMapTriggers;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.TeardownMethods;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.MapCreation;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.project.ResultUse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The first passes over a class, before any unit is built. {@link #findDeclarations} finds its map
 * fields (and what they are declared with), local maps, sized map creations and single-thread
 * executors; most classes have no map, and their extraction ends there. For the others, once the
 * front end has added inherited fields, {@link #findSignalsAndUses} finds the class-wide signals
 * without which no rule can fire, and {@link #findUses} records what is assigned to the maps, lock
 * aliases, and functions kept in a local and later started as tasks. Written once for every front
 * end, against the {@link SyntaxPort}.
 *
 * <p>Where resolving a type is costly (mapvet without a classpath, {@link
 * SyntaxPort#resolvesTypesCheaply}), only locals the local-map rules can involve are resolved, and
 * the signals are not computed (mapvet scans every class that has a map).
 *
 * @param <N> the front end's node type
 */
public final class ClassTriage<N> {
  private static final List<String> THREAD_CLASSES = List.of("java.lang.Thread", "java.util.TimerTask");
  /** What {@link #findDeclarations} looks at besides variable declarations. */
  private static final Set<Kind> DECLARATION_PASS_KINDS = EnumSet.of(Kind.NEW);
  /** The same where types are costly: calls and parameters choose the locals worth resolving. */
  private static final Set<Kind> DECLARATION_PASS_KINDS_WITH_CANDIDATES =
      EnumSet.of(Kind.NEW, Kind.METHOD_CALL, Kind.METHOD);
  /** What {@link #signal} looks at. */
  private static final Set<Kind> SIGNAL_PASS_KINDS =
      EnumSet.of(Kind.METHOD_CALL, Kind.NEW, Kind.SYNCHRONIZED, Kind.METHOD, Kind.CLASS);
  /** The second look of a class that may keep its one instance in a static field ({@link #singletonFields}). */
  private static final Set<Kind> SINGLETON_PASS_KINDS = EnumSet.of(Kind.NEW, Kind.METHOD);
  /** What {@link #findUses} looks at besides variable declarations. */
  private static final Set<Kind> USE_PASS_KINDS = EnumSet.of(Kind.ASSIGN, Kind.METHOD_CALL, Kind.NEW);
  private static final Set<Kind> SIGNAL_AND_USE_PASS_KINDS =
      EnumSet.of(Kind.ASSIGN, Kind.METHOD_CALL, Kind.NEW, Kind.SYNCHRONIZED, Kind.METHOD, Kind.CLASS);

  /** The class-wide tables the triage fills, keyed by the port's variable handles. */
  public record Tables<N>(
      Map<Object, N> mapFields,
      Map<Object, List<String>> assignedValues,
      Map<Object, List<String>> localMapValues,
      Map<Object, N> newInitializers,
      Map<N, N> startedLater,
      Map<Object, ThreadStartApis.ExecutorThreads> executorThreads,
      Set<Object> executorsNotKnown,
      List<MapCreation> creations,
      Set<Object> volatileFields,
      Set<Object> nullableFields,
      List<N> cleaningActions) {}

  private final SyntaxPort<N> port;
  private final KnownApis apis;
  private final LockNames<N> locks;
  private final BiConsumer<N, List<String>> describeValue;
  private final Function<N, Site> sites;
  private final Tables<N> tables;
  private final N topLevel;
  private final boolean cheapTypes;
  /** Locals initialised with a lambda, a method reference or an anonymous class, by handle. */
  private final Map<Object, N> localFunctions = new HashMap<>();
  /**
   * The static fields of the class declared with its own type, by variable, to their names: where
   * it may keep its one instance ({@link #singletonFields}). Most classes have none.
   */
  private final Map<Object, String> ownTypeStaticFields = new java.util.LinkedHashMap<>();

  /**
   * An update function or synchronized wrapper ({@link LocalMapTriggers#UPDATE_OR_WRAP_CALLS}), or
   * both a walk over a map (a view, {@code forEach}) and a call that may change a map: without one,
   * the rules about iteration, recursion and wrappers cannot fire. Known where types are cheap.
   */
  private boolean loopsOrUpdates;
  private boolean walksAMap;
  private boolean changesAMap;
  /**
   * A call that writes a map ({@code put}, {@code merge}…): with a thread start or a parallel stream
   * ({@link #concurrencySignals}), a local map may be written by callbacks that run as several
   * copies at once (UnsynchronizedSharedMap). Known where types are cheap.
   */
  private boolean writesAMap;
  /**
   * Anything the race rules need before they can fire: a lock (synchronized, a lock API call, a
   * guard annotation), a thread start (task, thread class, parallel stream), a volatile or atomic
   * field. Known where types are cheap.
   */
  private boolean concurrencySignals;

  /** @param sites the report site of a node (of a sized map creation) */
  public ClassTriage(
      SyntaxPort<N> port,
      KnownApis apis,
      LockNames<N> locks,
      BiConsumer<N, List<String>> describeValue,
      Function<N, Site> sites,
      Tables<N> tables,
      N topLevel) {
    this.port = port;
    this.apis = apis;
    this.locks = locks;
    this.describeValue = describeValue;
    this.sites = sites;
    this.tables = tables;
    this.topLevel = topLevel;
    this.cheapTypes = port.resolvesTypesCheaply();
  }

  private void describeValue(N expression, List<String> out) {
    describeValue.accept(expression, out);
  }

  /**
   * Whether the rest of the extraction can find anything: a map field, or a local map (where the
   * signals are known, only with a loop over or an update of a map).
   */
  public boolean worthScanning() {
    return !tables.mapFields().isEmpty()
        || !tables.localMapValues().isEmpty() && (!cheapTypes || localMapsMatter());
  }

  /**
   * Whether the map fields need the walk: where the signals are known, only with a signal, a loop
   * or update, or class-level evidence ({@link #needsAnalysisAnyway}); elsewhere always.
   */
  public boolean needsScan(ClassFacts facts, Collection<MapField> fields) {
    return !cheapTypes || loopsOrUpdates || concurrencySignals || needsAnalysisAnyway(facts, fields);
  }

  /**
   * Whether, with no signal of its own, the class may still have a map that other classes' tasks
   * write through its methods (UnsynchronizedSharedMap's question about a service kept in another
   * class's field, {@code WrittenThroughSharedFieldByTask}): it writes a map, and has a
   * non-thread-safe instance map. Then the front end's callers decide ({@link
   * ExtractionTables.Steps#calledOnFieldsElsewhere}). Known where the signals are.
   */
  public boolean mayBeWrittenForOtherClasses(Collection<MapField> fields) {
    if (!cheapTypes || !writesAMap) {
      return false;
    }
    for (MapField field : fields) {
      if (!field.isStatic()
          && MapTypes.kindOfField(field.declaredType(), field.assignedValues()) == MapKind.NON_THREAD_SAFE) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a rule about local maps can fire: loops or updates ({@link #loopsOrUpdates}), or a map
   * written where callbacks may run as copies at once.
   */
  private boolean localMapsMatter() {
    return loopsOrUpdates || concurrencySignals && writesAMap;
  }

  /** Whether loops matter to the assembly: see {@link FactAssembly#assemble}; always where unknown. */
  public boolean loopsMatter() {
    return !cheapTypes || loopsOrUpdates;
  }

  /** Whether the class has a map field or a local map: without one, there is nothing to scan. */
  public boolean hasMaps() {
    return !tables.mapFields().isEmpty() || !tables.localMapValues().isEmpty();
  }

  /**
   * Evidence the first pass does not see as a signal: the class's own role (the engine's class
   * evidence: a managed singleton, {@code @ThreadSafe}), and map fields that are concurrent or
   * synchronized (a static ConcurrentMap counts as shared; a synchronized map's iteration is
   * checked without threads), and static non-thread-safe maps, those of a class with one instance
   * ({@link ClassFacts#singleton}) and those a subclass written elsewhere may use as its own (a task
   * of another class may write them: UnsynchronizedSharedMap asks the project's calls).
   */
  private static boolean needsAnalysisAnyway(ClassFacts facts, Collection<MapField> fields) {
    if (ClassAnalysis.hasClassEvidence(facts)) {
      return true;
    }
    for (MapField field : fields) {
      MapKind kind = MapTypes.kindOfField(field.declaredType(), field.assignedValues());
      if (kind != MapKind.NON_THREAD_SAFE && kind != MapKind.UNKNOWN
          || kind == MapKind.NON_THREAD_SAFE
              && (field.isStatic() || facts.singleton() || field.subclassesUseAs() != null)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ the first pass

  /**
   * Map fields, local maps, sized creations, single-thread executors, field signals. Every class
   * takes this pass, and most have no map: it looks only at declarations and creations (and, where
   * types are costly, at calls and parameters, to choose the locals worth resolving).
   */
  public void findDeclarations() {
    LocalCandidates candidates = new LocalCandidates();
    port.forEachNodeOf(
        topLevel,
        cheapTypes ? DECLARATION_PASS_KINDS : DECLARATION_PASS_KINDS_WITH_CANDIDATES,
        true,
        node -> {
          switch (port.kind(node)) {
            case METHOD_CALL:
              candidates.noteCall(node);
              break;
            case NEW:
              recordSizedCreation(node);
              break;
            case METHOD:
              candidates.parameters.addAll(port.parameters(node));
              break;
            default:
              declaration(node, candidates);
          }
        });
    candidates.resolve();
  }

  /**
   * For a class with a map (its own or inherited), after {@link #findDeclarations}: the signals
   * (where types are cheap) and the uses ({@link #findUses}) where the class is worth scanning. One
   * walk serves both when the uses are needed whatever the signals say (a map field).
   */
  public void findSignalsAndUses() {
    if (!cheapTypes) {
      findUses();
      return;
    }
    if (worthScanning()) {
      port.forEachNodeOf(
          topLevel,
          SIGNAL_AND_USE_PASS_KINDS,
          true,
          node -> {
            Kind kind = port.kind(node);
            signal(node, kind);
            use(node, kind);
          });
      return;
    }
    port.forEachNodeOf(topLevel, SIGNAL_PASS_KINDS, false, node -> signal(node, port.kind(node)));
    if (worthScanning()) {
      findUses();
    }
  }

  /** What a call, creation, synchronized block, method or class says about threads and loops. */
  private void signal(N node, Kind kind) {
    switch (kind) {
      case METHOD_CALL:
        callSignals(node);
        break;
      case NEW:
        concurrencySignals |=
            !concurrencySignals && (apis.startOf(port.callee(node)).isPresent() || isThreadClass(node));
        break;
      case SYNCHRONIZED:
        concurrencySignals = true;
        break;
      case METHOD:
        concurrencySignals |= port.hasModifier(node, Modifier.SYNCHRONIZED) || hasConcurrencyAnnotation(node);
        break;
      case CLASS:
        concurrencySignals |= hasConcurrencyAnnotation(node) || isThreadClass(node);
        break;
      default:
        break;
    }
  }

  private void declaration(N declaration, LocalCandidates candidates) {
    N init = port.initializer(declaration);
    if (port.declaresLocal(declaration)) {
      candidates.locals.add(declaration);
      N value = init == null ? null : port.skipParens(init);
      if (value != null && port.kind(value) == Kind.NEW) {
        tables.newInitializers().put(port.declaredVariable(declaration), value);
      }
      if (value != null
          && (port.kind(value) == Kind.LAMBDA
              || port.kind(value) == Kind.METHOD_REFERENCE
              || port.kind(value) == Kind.NEW && port.hasClassBody(value))) {
        localFunctions.put(port.declaredVariable(declaration), value);
      }
      return;
    }
    if (cheapTypes) { // a field
      concurrencySignals |=
          port.hasModifier(declaration, Modifier.VOLATILE)
              || hasConcurrencyAnnotation(declaration)
              || port.declaredTypeIsSubtype(declaration, "java.util.concurrent.atomic.AtomicReference");
    }
    if (!port.isFieldOfNamedClass(declaration)) {
      return;
    }
    Object field = port.declaredVariable(declaration);
    if (port.hasModifier(declaration, Modifier.STATIC) && ownClassField(declaration)) {
      ownTypeStaticFields.put(field, port.variableName(declaration));
    }
    if (port.declaresMap(declaration)) {
      tables.mapFields().put(field, declaration);
      if (init != null) {
        describeValue(init, assignedValues(field));
      }
    }
    if (init != null) {
      TaskStarts.fieldGiven(port, apis, tables.executorThreads(), tables.executorsNotKnown(), field, init);
    }
    if (port.hasModifier(declaration, Modifier.VOLATILE) && !port.declaresMap(declaration)) {
      tables.volatileFields().add(field); // a flag that may publish a map (VolatilePublication)
    }
    if (Annotation.anyNamed(port.annotations(declaration), ConcurrencyAnnotations.NULLABLE)
        || Annotation.anyNamed(port.typeAnnotations(declaration), ConcurrencyAnnotations.NULLABLE)) {
      tables.nullableFields().add(field); // a null source for ConcurrentMapNullValue (NullSources)
    }
  }

  /** Whether a field of the class itself is declared with the class's own type (the name first: cheap). */
  private boolean ownClassField(N declaration) {
    String className = port.flatName(topLevel);
    return className != null
        && className.substring(className.lastIndexOf('.') + 1).equals(port.declaredTypeAsWritten(declaration))
        && port.declaringClass(declaration) == topLevel
        && port.declaredTypeIsSubtype(declaration, className);
  }

  /**
   * The names of the static fields in which the class keeps its one instance ({@link
   * ClassFacts#singletonFields}): it declares constructors and none is public, and every object of
   * its type (its own or a subclass's) that its code creates is assigned to one of those fields
   * ({@code registry = new Registry()}, {@code static final Registry INSTANCE = new Registry()}).
   * Empty for any other class, and for an enum (its constants are several instances). A constructor
   * that is not public may still be called by its package or by subclasses: the class's own code is
   * what shows it keeps one instance.
   */
  public List<String> singletonFields() {
    String className = port.flatName(topLevel);
    if (ownTypeStaticFields.isEmpty() || className == null || port.isSubtype(topLevel, "java.lang.Enum")) {
      return List.of();
    }
    boolean[] one = {true};
    boolean[] constructorDeclared = {false};
    port.forEachNodeOf(
        topLevel,
        SINGLETON_PASS_KINDS,
        false,
        node -> {
          if (!one[0]) {
            return;
          }
          if (port.kind(node) == Kind.METHOD) {
            if (port.isConstructor(node) && port.pathTo(node).parent().leaf() == topLevel) {
              constructorDeclared[0] = true;
              one[0] = !port.hasModifier(node, Modifier.PUBLIC);
            }
          } else if (port.isSubtype(node, className)) {
            one[0] = keptInOwnTypeStaticField(node);
          }
        });
    return one[0] && constructorDeclared[0] ? List.copyOf(ownTypeStaticFields.values()) : List.of();
  }

  /** Whether a creation is assigned to, or initializes, one of {@link #ownTypeStaticFields}. */
  private boolean keptInOwnTypeStaticField(N creation) {
    SyntaxPath<N> at = port.pathTo(creation).parent();
    while (at != null && (port.kind(at.leaf()) == Kind.PARENS || port.kind(at.leaf()) == Kind.CAST)) {
      at = at.parent();
    }
    if (at == null) {
      return false;
    }
    N holder = at.leaf();
    if (port.kind(holder) == Kind.ASSIGN) {
      return ownTypeStaticFields.containsKey(port.variable(port.assignTarget(holder)));
    }
    return port.isVariableDeclaration(holder) && ownTypeStaticFields.containsKey(port.declaredVariable(holder));
  }

  /**
   * The locals that may hold a map. Where types are cheap, every local and parameter declared with
   * a map type. Elsewhere only names the local-map rules can involve are resolved: the receiver of a
   * {@link LocalMapTriggers} call or of a view call ({@code m.keySet()}), the argument of a
   * synchronized wrapper, and a local those are initialised from (an alias); parameters of methods
   * and constructors only.
   */
  private final class LocalCandidates {
    final Set<String> names = new HashSet<>();
    /**
     * Receivers of calls that write a map, which count only with {@link #startsCopies}: a local map
     * that callbacks running as copies at once may write (UnsynchronizedSharedMap).
     */
    final Set<String> writeReceivers = new HashSet<>();
    /** A parallel stream, or a call of a thread-start method's name. */
    boolean startsCopies;
    final List<N> locals = new ArrayList<>();
    final List<N> parameters = new ArrayList<>();

    void noteCall(N call) {
      if (cheapTypes) {
        return;
      }
      String name = port.name(call);
      if (LocalMapTriggers.CALLS.contains(name) || MapMethods.isView(name)) {
        N receiver = port.receiver(call);
        addIfName(receiver);
      }
      if (MapMethods.effectOnMap(name) == Effect.WRITE) {
        addIfName(port.receiver(call), writeReceivers);
      }
      startsCopies |= ThreadStartApis.PARALLEL_STREAM_METHODS.contains(name) || apis.mayStartThreads(name);
      if (name.startsWith("synchronized") && LocalMapTriggers.CALLS.contains(name)) {
        port.arguments(call).forEach(this::addIfName);
      }
    }

    private void addIfName(N expression) {
      addIfName(expression, names);
    }

    private void addIfName(N expression, Set<String> into) {
      N e = expression == null ? null : port.skipParens(expression);
      if (e != null && port.kind(e) == Kind.IDENTIFIER) {
        into.add(port.name(e));
      }
    }

    void resolve() {
      if (cheapTypes) {
        for (N local : locals) {
          if (port.declaresMap(local)) {
            addLocalMap(local);
          }
        }
        return;
      }
      if (startsCopies) {
        names.addAll(writeReceivers);
      }
      if (names.isEmpty()) {
        return; // no rule about local maps can fire here
      }
      for (N local : locals) {
        if (names.contains(port.localDeclaredBy(local)) && port.initializer(local) != null) {
          addIfName(port.initializer(local));
        }
      }
      for (N local : locals) {
        if (names.contains(port.localDeclaredBy(local)) && port.declaresMap(local)) {
          addLocalMap(local);
        }
      }
      for (N parameter : parameters) {
        if (names.contains(port.name(parameter)) && port.declaresMap(parameter)) {
          tables.localMapValues().computeIfAbsent(port.declaredVariable(parameter), k -> new ArrayList<>());
        }
      }
    }

    private void addLocalMap(N local) {
      List<String> values =
          tables.localMapValues().computeIfAbsent(port.declaredVariable(local), k -> new ArrayList<>());
      if (port.initializer(local) != null) {
        describeValue(port.initializer(local), values);
      }
    }
  }

  private void callSignals(N call) {
    String method = port.name(call);
    if (!writesAMap && MapMethods.effectOnMap(method) == Effect.WRITE) {
      writesAMap = mayBeOnAMap(call);
    }
    if (!loopsOrUpdates) {
      boolean walk = MapMethods.isView(method) || method.equals("forEach");
      boolean updateOrWrap = LocalMapTriggers.UPDATE_OR_WRAP_CALLS.contains(method);
      boolean onAMap =
          (walk || updateOrWrap || MapMethods.effectOnMap(method) == Effect.WRITE) && mayBeOnAMap(call);
      walksAMap |= walk && onAMap;
      changesAMap |= LocalMapTriggers.mayChangeAMap(method, onAMap);
      loopsOrUpdates = updateOrWrap && onAMap || walksAMap && changesAMap;
    }
    concurrencySignals |=
        LockApis.ALL_METHOD_NAMES.contains(method)
            || ThreadStartApis.PARALLEL_STREAM_METHODS.contains(method)
            || !concurrencySignals && apis.startOf(port.callee(call)).isPresent();
  }

  /**
   * Whether a view or update call may be made on a map: a {@code values()} of an enum or a
   * {@code forEach} of a list is not. Unqualified and static calls count (a map subclass calling
   * its own {@code keySet()}, {@code Collections.synchronizedMap(m)}).
   */
  private boolean mayBeOnAMap(N call) {
    N receiver = port.receiver(call);
    return receiver == null
        || port.callee(call) == null
        || port.staticCallTarget(call) != null
        || !port.typeKnown(receiver)
        || port.isMap(receiver);
  }

  private boolean isThreadClass(N classOrCreation) {
    for (String type : THREAD_CLASSES) { // asked of every creation: no stream
      if (port.isSubtype(classOrCreation, type)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasConcurrencyAnnotation(N declaration) {
    for (Annotation annotation : port.annotations(declaration)) {
      if (ConcurrencyAnnotations.HELD_ON_ENTRY.contains(annotation.name())
          || ConcurrencyAnnotations.THREAD_SAFE.contains(annotation.name())) {
        return true;
      }
    }
    return false;
  }

  /** {@code new HashMap<>(n)} through the {@code int} constructor (a map argument is the copy constructor). */
  private void recordSizedCreation(N creation) {
    if (port.arguments(creation).size() != 1 || port.hasClassBody(creation)) {
      return;
    }
    Object constructor = port.callee(creation);
    String created = constructor == null ? null : apis.callees().owner(constructor);
    if (created == null || !CapacityHints.SIZED_FACTORIES.containsKey(created) || !port.sizedByInt(creation)) {
      return;
    }
    N argument = port.skipParensAndCasts(port.arguments(creation).get(0));
    tables
        .creations()
        .add(
            new MapCreation(
                created, port.text(argument).replaceAll("\\s+", ""), sizeArgument(argument), sites.apply(creation)));
  }

  private MapCreation.SizeArgument sizeArgument(N argument) {
    Kind kind = port.kind(argument);
    if (kind == Kind.METHOD_CALL && port.arguments(argument).isEmpty() && port.receiver(argument) != null) {
      String name = port.name(argument);
      if (name.equals("size")) {
        return MapCreation.SizeArgument.SIZE_CALL;
      }
      if (name.equals("length")) {
        return MapCreation.SizeArgument.LENGTH;
      }
    }
    if (kind == Kind.FIELD_ACCESS && port.name(argument).equals("length")) {
      return MapCreation.SizeArgument.LENGTH;
    }
    if (kind == Kind.IDENTIFIER || kind == Kind.FIELD_ACCESS) {
      return MapCreation.SizeArgument.NAME;
    }
    return kind == Kind.LITERAL ? MapCreation.SizeArgument.LITERAL : MapCreation.SizeArgument.OTHER;
  }

  private List<String> assignedValues(Object field) {
    return tables.assignedValues().computeIfAbsent(field, k -> new ArrayList<>());
  }

  // ------------------------------------------------------------------ the second pass

  /**
   * With the map fields known (inherited ones included): values assigned to map fields and local
   * maps, executors assigned to fields, lock aliases, and functions kept in a
   * local and then handed to a thread start ({@code Runnable r = () -> ..; pool.submit(r);}).
   */
  public void findUses() {
    port.forEachNodeOf(topLevel, USE_PASS_KINDS, true, node -> use(node, port.kind(node)));
  }

  private void use(N node, Kind kind) {
    if (kind == Kind.ASSIGN) {
      assignment(node);
    } else if (kind == Kind.METHOD_CALL || kind == Kind.NEW) {
      startsLocalFunctions(node);
      if (kind == Kind.METHOD_CALL && TeardownMethods.mayRegister(port.name(node))) {
        registersCleaningAction(node);
      }
    } else if (port.isVariableDeclaration(node)) {
      locks.recordAlias(node);
    }
  }

  private void assignment(N assign) {
    Object target = port.variable(port.assignTarget(assign));
    if (target == null) {
      return;
    }
    locks.recordReassignment(assign);
    List<String> localValues = tables.localMapValues().get(target);
    if (localValues != null) {
      describeValue(port.assignedValue(assign), localValues);
    }
    if (tables.mapFields().containsKey(target)) {
      describeValue(port.assignedValue(assign), assignedValues(target));
    }
    if (port.fieldName(port.assignTarget(assign)) != null) {
      // an executor made in a constructor counts as one made in the declaration
      TaskStarts.fieldGiven(
          port, apis, tables.executorThreads(), tables.executorsNotKnown(), target, port.assignedValue(assign));
    }
  }

  /**
   * The action of a cleaner registration whose {@code Cleanable} is thrown away: it runs only once
   * the registered object is unreachable (see {@link TeardownMethods}).
   */
  private void registersCleaningAction(N call) {
    Object callee = port.callee(call);
    List<N> arguments = port.arguments(call);
    for (TeardownMethods.Registration registration : TeardownMethods.REGISTRATIONS) {
      if (apis.matches(registration.method(), callee)
          && arguments.size() > registration.action()
          && ProjectCallShapes.use(port, apis, port.pathTo(call), null) == ResultUse.DISCARDED) {
        tables.cleaningActions().add(port.skipParens(arguments.get(registration.action())));
      }
    }
  }

  private void startsLocalFunctions(N call) {
    for (N argument : port.arguments(call)) {
      Object local = port.localVariable(argument);
      N function = local == null ? null : localFunctions.get(local);
      if (function != null && apis.startOf(port.callee(call)).isPresent()) {
        tables.startedLater().putIfAbsent(function, call);
      }
    }
  }
}

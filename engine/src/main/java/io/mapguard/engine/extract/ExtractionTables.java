package io.mapguard.engine.extract;

import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.LazyInit;
import io.mapguard.engine.model.MapCreation;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.NullableArgument;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.model.StoredValue;
import io.mapguard.engine.model.ThreadRoot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The extraction of one top-level class: the port it reads the trees through, the shared roles,
 * and the class-wide tables they fill and read, keyed by the port's variable handles. A table is
 * kept here, not in the role that fills it, because other roles read it (the scan reads what the
 * triage found, the assembly what the scan found). A front end extends it with what only it needs.
 *
 * @param <N> the front end's node type
 * @param <S> the front end's port
 */
public class ExtractionTables<N, S extends SyntaxPort<N>> {
  public final S syntax;
  public final KnownApis apis;
  /** The class being analysed. */
  public final N topLevel;
  public final LockNames<N> locks;
  public final CallShapes<N> shapes;
  public final LocalAliases<N> localAliases;
  public final ValueDescriptions<N> valueDescriptions;

  /** The map fields' declarations (own and inherited), by variable handle. */
  public final Map<Object, N> mapFieldDeclarations;
  public final Map<Object, MapField> fields;
  public final Map<Object, List<String>> assignedValues;
  /** Locals initialized with {@code new ...}: what they hold when assigned to a map. */
  public final Map<Object, N> newInitializers;
  /** Local variables and parameters holding a map, and what is assigned to them. */
  public final Map<Object, List<String>> localMapValues;
  public final Map<Object, MapField> localMaps;
  /** Locals standing for a map field (see {@link LocalAliases}). */
  public final Map<Object, Alias> aliases;
  /** Locals holding values of a map field (see {@link MapValueLocals}). */
  public final Map<Object, ValueLocal> valueLocals;
  /** Executor fields made by a known factory, with how many tasks at once each runs. */
  public final Map<Object, ThreadStartApis.ExecutorThreads> executorThreads;
  /** Fields given a value no known factory makes: their executors are not known ({@link TaskStarts#fieldGiven}). */
  public final Set<Object> executorsNotKnown = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The class's volatile fields that hold no map, by variable handle. */
  public final Set<Object> volatileFields;
  /** Fields annotated {@code @Nullable} (any flavor), by handle: null sources (NullSources). */
  public final Set<Object> nullableFields;
  /** Functional values kept in a local and later handed to a thread-start call, by that call. */
  public final Map<N, N> startedLater = new IdentityHashMap<>();
  public final Map<N, ThreadRoot> rootsByStart = new IdentityHashMap<>();
  /** The actions of cleaner registrations that run only once their object is unreachable. */
  public final List<N> cleaningActions = new ArrayList<>();
  public final List<MapCreation> creations = new ArrayList<>();
  public final List<LazyInit> lazyInits = new ArrayList<>();
  public final List<StoredValue> storedValues = new ArrayList<>();
  public final List<NullableArgument> nullableArguments = new ArrayList<>();
  public final MapFields<N> mapFields;
  public int nextUnitId;
  /** The walk's steps, once the walk has begun: they know what an expression denotes. */
  private ScanSteps<N, ?> scanSteps;

  /**
   * @param handlesByIdentity whether the port's variable handles must be compared by identity
   *     (JavaParser's nodes compare by structure: two equal declarations in two classes are equal);
   *     otherwise (javac's symbols) the tables keep the order fields are found in
   */
  protected ExtractionTables(S syntax, KnownApis apis, N topLevel, boolean handlesByIdentity) {
    this.syntax = syntax;
    this.apis = apis;
    this.topLevel = topLevel;
    this.locks = new LockNames<>(syntax);
    this.shapes = new CallShapes<>(syntax);
    this.localAliases = new LocalAliases<>(syntax);
    this.valueDescriptions = new ValueDescriptions<>(syntax, topLevel);
    this.mapFieldDeclarations = handlesByIdentity ? new IdentityHashMap<>() : new LinkedHashMap<>();
    this.fields = handlesByIdentity ? new IdentityHashMap<>() : new LinkedHashMap<>();
    this.assignedValues = map(handlesByIdentity);
    this.newInitializers = map(handlesByIdentity);
    this.localMapValues = map(handlesByIdentity);
    this.localMaps = map(handlesByIdentity);
    this.aliases = map(handlesByIdentity);
    this.valueLocals = map(handlesByIdentity);
    this.executorThreads = map(handlesByIdentity);
    this.volatileFields =
        handlesByIdentity ? Collections.newSetFromMap(new IdentityHashMap<>()) : new HashSet<>();
    this.nullableFields =
        handlesByIdentity ? Collections.newSetFromMap(new IdentityHashMap<>()) : new HashSet<>();
    this.mapFields = new MapFields<>(syntax, topLevel, assignedValues, localMapValues);
  }

  private static <V> Map<Object, V> map(boolean byIdentity) {
    return byIdentity ? new IdentityHashMap<>() : new HashMap<>();
  }

  /** What the extraction's steps ask of the front end, in the order {@link #extract} takes them. */
  public interface Steps<N, P> {
    /** The report site of a node (a sized map creation). */
    Site site(N node);

    /** Adds the non-private map fields of superclasses the front end can read to the tables. */
    void addInheritedFields();

    /** Where a map field (by its declaration, own or inherited) is reported. */
    Site fieldSite(N declaration);

    /** The qualified names of the class's annotations, and of the class and its supertypes. */
    void describeClass(ClassFacts facts);

    /**
     * Whether code of another top-level class calls a non-private method of this class (or of a
     * class nested in it) on a field ({@code inventory.reserve(…)}): a task there may write the
     * class's maps through it, which the class's own code does not show. True when it cannot tell.
     */
    boolean calledOnFieldsElsewhere();

    /** Makes the units of the class's methods and walks them; returns the units found. */
    Collection<? extends UnitScan<N, P>> scan();

    /** Where the assembly reads positions, locks and update calls. */
    FactAssembly.Positions<N, P> positions();
  }

  /**
   * The extraction of the class, start to end: the triage, the map fields, the walk and the
   * assembly into {@code facts}. Most classes end after the triage (no map, or, where the signals
   * are known, nothing concurrent or looping). Returns whether the class has a map at all.
   */
  public <P> boolean extract(ClassFacts facts, Steps<N, P> steps) {
    ClassTriage<N> triage = triage(steps::site);
    triage.findDeclarations();
    steps.addInheritedFields();
    facts.creations().addAll(creations);
    if (!triage.hasMaps()) {
      return false;
    }
    triage.findSignalsAndUses();
    if (!triage.worthScanning()) {
      return true;
    }
    steps.describeClass(facts);
    facts.singletonFields().addAll(triage.singletonFields());
    mapFieldDeclarations.forEach(
        (field, declaration) -> fields.put(field, mapFields.field(declaration, steps.fieldSite(declaration))));
    if (!triage.needsScan(facts, fields.values())
        && !(triage.mayBeWrittenForOtherClasses(fields.values()) && steps.calledOnFieldsElsewhere())) {
      return true; // the common case: maps used by one thread at a time, no loops over them
    }
    Collection<? extends UnitScan<N, P>> units = steps.scan();
    assemble(facts, units, steps.positions(), this::mapFieldOf, triage.loopsMatter());
    return true;
  }

  /** The triage of this class, reporting sized creations at {@code sites}. */
  public ClassTriage<N> triage(Function<N, Site> sites) {
    return new ClassTriage<>(
        syntax,
        apis,
        locks,
        this::describeValue,
        sites,
        new ClassTriage.Tables<>(
            mapFieldDeclarations,
            assignedValues,
            localMapValues,
            newInitializers,
            startedLater,
            executorThreads,
            executorsNotKnown,
            creations,
            volatileFields,
            nullableFields,
            cleaningActions),
        topLevel);
  }

  /**
   * A value a superclass's non-private field is given (its initializer, an assignment in the
   * superclass), for a front end that reads the superclass ({@link Steps#addInheritedFields}): an
   * executor made there runs this class's tasks as it runs the superclass's.
   */
  public void inheritedFieldGiven(Object field, N value) {
    TaskStarts.fieldGiven(syntax, apis, executorThreads, executorsNotKnown, field, value);
  }

  /** Adds the descriptors of a value assigned to a map (see {@link ValueDescriptions#describe}). */
  public void describeValue(N expression, List<String> out) {
    valueDescriptions.describe(expression, out, newInitializers::get);
  }

  /**
   * Turns what the scan found in {@code units} into the facts of the class: its map fields, units,
   * accesses, edges, escapes… (see {@link FactAssembly}), lazy initializations, stored values and
   * nullable arguments.
   *
   * @param loopsMatter see {@link FactAssembly#assemble}
   */
  public <P> void assemble(
      ClassFacts facts,
      Collection<? extends UnitScan<N, P>> units,
      FactAssembly.Positions<N, P> positions,
      Function<N, Object> mapFieldOf,
      boolean loopsMatter) {
    facts.fields().addAll(fields.values());
    FactAssembly<N, P> assembly = new FactAssembly<>(shapes, apis, positions);
    assembly.assemble(facts, units, fields.values(), mapFieldOf, loopsMatter);
    if (!volatileFields.isEmpty() && !facts.accesses().isEmpty() && takesLocks(units)) {
      assembly.flagUses(facts, units, volatileFields); // a map published through a flag is filled under a lock
    }
    facts.lazyInits().addAll(lazyInits);
    facts.storedValues().addAll(storedValues);
    facts.nullableArguments().addAll(nullableArguments);
  }

  private static boolean takesLocks(Collection<? extends UnitScan<?, ?>> units) {
    for (UnitScan<?, ?> unit : units) {
      if (unit.hasSynchronizedBlocks || unit.hasLockCalls || !unit.unit.entryLocks().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The scan's steps, with the classification of uses they hand map uses to: both ask the walking
   * front end where it is.
   */
  public <P> ScanSteps<N, P> scanSteps(
      ScanSteps.FrontEnd<N, P> walk, MapUses.FrontEnd<N, P> uses, IntSupplier currentUnitId) {
    TaskStarts<N> starts =
        new TaskStarts<>(syntax, apis, startedLater, executorThreads, rootsByStart, currentUnitId);
    ScanSteps<N, P> steps =
        new ScanSteps<>(
            shapes,
            locks,
            starts,
            localAliases,
            mapFields,
            walk,
            new ScanSteps.Tables<>(fields, aliases, localMaps, localMapValues, valueLocals, newInitializers));
    steps.classifyWith(
        new MapUses<>(
            shapes,
            apis,
            uses,
            steps::mapFieldOf,
            this::describeValue,
            new MapUses.Tables(fields, valueLocals, storedValues, nullableArguments, lazyInits, nullableFields)));
    scanSteps = steps;
    return steps;
  }

  /**
   * The map field (or local map) an expression denotes, once the walk is done (see {@link
   * ScanSteps#mapFieldOf}); null before the walk.
   */
  public Object mapFieldOf(N expression) {
    return scanSteps == null ? null : scanSteps.mapFieldOf(expression);
  }
}

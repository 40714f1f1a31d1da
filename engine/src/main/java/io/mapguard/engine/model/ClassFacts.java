package io.mapguard.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a front end extracts from one top-level class. Front ends fill it; the engine reads it.
 *
 * @param annotations qualified names of the class's annotations
 * @param annotationValues the values of those annotations, by qualified name: a literal as its
 *     value, a constant or an enum constant as its name or value ({@code prototype} or {@code
 *     SCOPE_PROTOTYPE}, {@code READ})
 * @param supertypes qualified names of all its supertypes
 * @param creations maps created with a size argument anywhere in the class, fields or not
 * @param localAccesses uses of maps held in local variables and parameters ({@link MapField#local}):
 *     only the rules that need no sharing (iteration, recursion) read them
 * @param wraps map fields and locals handed to {@code Collections.synchronizedMap} and friends
 * @param valueMutations calls on values taken out of map fields
 * @param storedValues values put into map fields
 * @param nullableArguments keys and values passed to map fields that may be null
 * @param parameterFates what methods do with objects passed to them, for ownership (see {@link
 *     Holder})
 * @param flagUses reads and writes of volatile fields that hold no map, in classes with map fields
 * @param singletonFields the static fields of the class's own type that hold every instance it has,
 *     when it has one at a time: its constructors are not public, and each object of the class (or of
 *     a subclass) that its code creates is assigned to one of them ({@code registry = new
 *     Registry()}). Its instance maps are then one per program, as a static map is. Empty otherwise
 * @param projectMethods per unit that uses a map field or calls a unit of the class, the non-private
 *     method it is as other classes call it: the project's callers decide what locks it runs with,
 *     where what it returns goes, and on which threads it runs. Made when a rule asks ({@link
 *     #projectMethod}, {@link #calledAs}): deciding who may call a method can take the front end's
 *     type solver
 */
public record ClassFacts(
    String className,
    String file,
    List<String> annotations,
    java.util.Map<String, List<String>> annotationValues,
    List<String> supertypes,
    List<MapField> fields,
    List<CodeUnit> units,
    List<Access> accesses,
    List<CallEdge> calls,
    List<Escape> escapes,
    List<LazyInit> lazyInits,
    List<MapCreation> creations,
    List<Access> localAccesses,
    List<MapWrap> wraps,
    List<ValueMutation> valueMutations,
    List<StoredValue> storedValues,
    List<NullableArgument> nullableArguments,
    List<ParameterFate> parameterFates,
    List<FlagUse> flagUses,
    List<String> singletonFields,
    java.util.Map<CodeUnit, java.util.function.Supplier<io.mapguard.engine.project.CalledMethod>> projectMethods) {

  /**
   * {@link #projectMethods}' method of {@code unit} when the project holds all of its calls (see
   * {@link io.mapguard.engine.extract.ProjectCallShapes#open}), or null.
   */
  public io.mapguard.engine.project.ProjectMethod projectMethod(CodeUnit unit) {
    io.mapguard.engine.project.CalledMethod called = called(unit);
    return called != null && called.callsAllInProject() ? called.method() : null;
  }

  /** {@link #projectMethods}' method of {@code unit}, whoever else may call it, or null. */
  public io.mapguard.engine.project.ProjectMethod calledAs(CodeUnit unit) {
    io.mapguard.engine.project.CalledMethod called = called(unit);
    return called == null ? null : called.method();
  }

  private io.mapguard.engine.project.CalledMethod called(CodeUnit unit) {
    java.util.function.Supplier<io.mapguard.engine.project.CalledMethod> called = projectMethods.get(unit);
    return called == null ? null : called.get();
  }

  public static ClassFacts empty(String className, String file) {
    return new ClassFacts(
        className,
        file,
        new ArrayList<>(),
        new java.util.HashMap<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new java.util.HashMap<>());
  }

  /** Whether the class's instance maps are one per program ({@link #singletonFields}). */
  public boolean singleton() {
    return !singletonFields.isEmpty();
  }

  /**
   * The same class with {@code from} replaced by {@code to} everywhere it is used: what the class
   * would be if the field were declared differently (the engine asks whether a fix that changes a
   * field's type leaves anything to report).
   */
  public ClassFacts withMapReplaced(MapField from, MapField to) {
    java.util.function.UnaryOperator<MapField> swap = m -> from.equals(m) ? to : m;
    List<Access> newAccesses = new ArrayList<>();
    for (Access a : accesses) {
      newAccesses.add(
          new Access(
              swap.apply(a.field()), a.effect(), a.method(), a.site(), a.unit(), a.locksHeld(),
              a.order(), a.freshValue(), a.nullArgument(), a.call(), a.holder(), a.inNullBranch(), a.readingWrite(),
              a.calleeMonitor()));
    }
    List<CallEdge> newCalls = new ArrayList<>();
    for (CallEdge c : calls) {
      newCalls.add(
          new CallEdge(
              c.caller(), c.callee(), c.locksHeld(), c.line(),
              c.updatedMap() == null ? null : swap.apply(c.updatedMap()), c.update(),
              c.loopedMap() == null ? null : swap.apply(c.loopedMap()), c.loop(), c.order(),
              c.arguments(), c.receiver(),
              c.inLazyCreationOf().stream().map(swap).collect(java.util.stream.Collectors.toSet())));
    }
    List<Escape> newEscapes = new ArrayList<>();
    for (Escape e : escapes) {
      newEscapes.add(
          new Escape(
              swap.apply(e.field()), e.kind(), e.detail(), e.site(), e.unit(), e.locksHeld(), e.view()));
    }
    List<LazyInit> newLazyInits = new ArrayList<>();
    for (LazyInit l : lazyInits) {
      newLazyInits.add(new LazyInit(swap.apply(l.field()), l.assignment(), l.outerCheckLine()));
    }
    List<MapWrap> newWraps = new ArrayList<>();
    for (MapWrap w : wraps) {
      newWraps.add(new MapWrap(swap.apply(w.backing()), w.wrapper(), w.site(), w.unit(), w.order()));
    }
    List<ValueMutation> newMutations = new ArrayList<>();
    for (ValueMutation v : valueMutations) {
      newMutations.add(
          new ValueMutation(
              swap.apply(v.map()), v.source(), v.sourceLine(), v.method(), v.through(), v.site(),
              v.unit(), v.locksHeld()));
    }
    List<StoredValue> newStored = new ArrayList<>();
    for (StoredValue v : storedValues) {
      newStored.add(new StoredValue(swap.apply(v.map()), v.value(), v.line()));
    }
    List<NullableArgument> newNullable = new ArrayList<>();
    for (NullableArgument n : nullableArguments) {
      newNullable.add(
          new NullableArgument(
              swap.apply(n.map()), n.method(), n.key(), n.argument(), n.source(), n.detail(),
              n.sourceLine(), n.site(), n.callee(), n.parameter()));
    }
    List<MapField> newFields = new ArrayList<>();
    fields.forEach(f -> newFields.add(swap.apply(f)));
    return new ClassFacts(
        className, file, annotations, annotationValues, supertypes, newFields, units, newAccesses, newCalls,
        newEscapes, newLazyInits, creations, localAccesses, newWraps, newMutations, newStored,
        newNullable, parameterFates, flagUses, singletonFields, projectMethods);
  }

  /** Accesses to map fields and to local maps, for the rules that need no sharing. */
  public List<Access> fieldAndLocalAccesses() {
    List<Access> all = new ArrayList<>(accesses);
    all.addAll(localAccesses);
    return all;
  }
}

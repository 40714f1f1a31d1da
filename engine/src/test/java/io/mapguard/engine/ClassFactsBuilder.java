package io.mapguard.engine;

import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.LazyInit;
import io.mapguard.engine.model.MapCreation;
import io.mapguard.engine.model.MapWrap;
import io.mapguard.engine.model.NullableArgument;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.model.StoredValue;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.engine.model.ValueMutation;
import java.util.List;
import java.util.Set;

/**
 * Facts of one class written by hand, so the engine is tested without any compiler: a class, its map
 * fields, its code units and the accesses in them, in source order. Lines stand in for positions.
 */
final class ClassFactsBuilder {
  private final ClassFacts facts;
  private int order;

  private ClassFactsBuilder(String className) {
    facts = ClassFacts.empty(className, className + ".java");
  }

  static ClassFactsBuilder forClass(String className) {
    return new ClassFactsBuilder(className);
  }

  /** A {@code private final Map<K, V> name = new HashMap<>()} declared at {@code line}. */
  MapField hashMapField(String name, int line) {
    MapField field =
        new MapField(
            name,
            List.of("java.util.Map"),
            List.of("new:java.util.HashMap"),
            false,
            true,
            false,
            false,
            null,
            null,
            false,
            site(line, null),
            false,
            null,
            null);
    facts.fields().add(field);
    return field;
  }

  /** A map field of the given declared types (most specific first) and assigned values. */
  MapField field(String name, int line, List<String> declared, List<String> assigned, String guardAnnotation) {
    MapField field =
        new MapField(
            name, declared, assigned, false, true, false, false,
            guardAnnotation == null ? null : "lock", guardAnnotation, false, site(line, null), false, null, null);
    facts.fields().add(field);
    return field;
  }

  /**
   * A field that is neither static nor volatile nor guarded, with its finality and the declared type
   * of its values ({@code java.util.List}) chosen.
   */
  MapField field(
      String name, int line, List<String> declared, List<String> assigned, boolean isFinal, String valueType) {
    MapField field =
        new MapField(
            name, declared, assigned, false, isFinal, false, false, null, null, false, site(line, null),
            false, valueType, null);
    facts.fields().add(field);
    return field;
  }

  /** A private method of the class; callers are added with {@link #call}. */
  CodeUnit privateMethod(String signature) {
    return unit(CodeUnit.Kind.METHOD, signature, true, Set.of(), null);
  }

  /** A lambda run inline (Map.forEach, computeIfAbsent…) by {@code method}, at {@code line}. */
  CodeUnit inlineLambda(CodeUnit method, int line) {
    CodeUnit lambda = unit(CodeUnit.Kind.METHOD, "lambda at line " + line, true, Set.of(), null);
    call(method, lambda, line);
    return lambda;
  }

  ClassFactsBuilder escape(MapField field, Escape.Kind kind, String detail, CodeUnit unit, int line) {
    facts.escapes().add(new Escape(field, kind, detail, site(line, unit), unit, Set.of()));
    return this;
  }

  ClassFactsBuilder wrap(MapField backing, String wrapper, CodeUnit unit, int line) {
    facts.wraps().add(new MapWrap(backing, wrapper, site(line, unit), unit, order++));
    return this;
  }

  CodeUnit constructor() {
    return unit(CodeUnit.Kind.CONSTRUCTOR, facts.className() + "()", true, Set.of(), null);
  }

  /** A public method any thread may call. */
  CodeUnit publicMethod(String signature) {
    return unit(CodeUnit.Kind.METHOD, signature, false, Set.of(), null);
  }

  CodeUnit synchronizedMethod(String signature) {
    return unit(CodeUnit.Kind.METHOD, signature, false, Set.of(LockRef.monitor("this")), null);
  }

  /** A lambda handed to {@code executor.submit} at {@code line} inside {@code starter}. */
  CodeUnit submittedTask(int line, CodeUnit starter) {
    ThreadRoot root =
        new ThreadRoot(ThreadRoot.Kind.TASK, line, "the task submitted", null, false, false, starter.id(), order++);
    return unit(CodeUnit.Kind.TASK, "lambda at line " + line, true, Set.of(), root);
  }

  /**
   * The lambda of a parallel stream's {@code forEach} at {@code line} inside {@code starter}: a task
   * that runs on several threads at once.
   */
  CodeUnit parallelStreamCallback(int line, CodeUnit starter) {
    ThreadRoot root =
        new ThreadRoot(
            ThreadRoot.Kind.TASK, line, "the parallel stream callback", null, false, true, starter.id(), order++);
    return unit(CodeUnit.Kind.TASK, "lambda at line " + line, true, Set.of(), root);
  }

  /** An access with the syntax around it ({@link MapCall}). */
  ClassFactsBuilder access(MapField field, Effect effect, String method, CodeUnit unit, int line, MapCall call) {
    facts.accesses().add(
        new Access(field, effect, method, site(line, unit), unit, Set.of(), order++, false, false, call, null, false, null, null));
    return this;
  }

  /** {@code field = new HashMap<>()} at {@code line}: a fresh map assigned. */
  ClassFactsBuilder assignFresh(MapField field, CodeUnit unit, int line) {
    facts.accesses().add(
        new Access(field, Effect.ASSIGN, null, site(line, unit), unit, Set.of(), order++, true, false, MapCall.NONE, null, false, null, null));
    return this;
  }

  /** Double-checked lazy initialization: the assignment at {@code line}, the unlocked check before it. */
  ClassFactsBuilder lazyInit(MapField field, CodeUnit unit, int line, int outerCheckLine) {
    facts.lazyInits().add(new LazyInit(field, site(line, unit), outerCheckLine));
    return this;
  }

  /** A value ({@code new:java.util.ArrayList}) put into {@code map} at {@code line}. */
  ClassFactsBuilder storedValue(MapField map, String value, int line) {
    facts.storedValues().add(new StoredValue(map, value, line));
    return this;
  }

  /** {@code through.method(..)} at {@code line} on a value {@code source} took out of {@code map}. */
  ClassFactsBuilder valueMutation(
      MapField map, String source, int sourceLine, String method, String through, CodeUnit unit, int line) {
    facts.valueMutations().add(
        new ValueMutation(map, source, sourceLine, method, through, site(line, unit), unit, Set.of()));
    return this;
  }

  /** A call made inside the function of {@code update} on {@code map}. */
  ClassFactsBuilder callInUpdate(
      CodeUnit caller, CodeUnit callee, int line, MapField map, MapCall.Update update) {
    facts.calls().add(new CallEdge(caller, callee, Set.of(), line, map, update, null, null, -1, List.of(), null, Set.of()));
    return this;
  }

  /** A {@code method} call on {@code map} at {@code line} whose key or value may be null. */
  ClassFactsBuilder nullableArgument(
      MapField map,
      String method,
      boolean key,
      String argument,
      NullableArgument.Source source,
      String detail,
      int sourceLine,
      CodeUnit unit,
      int line) {
    facts.nullableArguments().add(
        new NullableArgument(map, method, key, argument, source, detail, sourceLine, site(line, unit)));
    return this;
  }

  /** {@code new <type>(argument)} at {@code line}. */
  ClassFactsBuilder creation(
      String type, String argument, MapCreation.SizeArgument kind, CodeUnit unit, int line) {
    facts.creations().add(new MapCreation(type, argument, kind, site(line, unit)));
    return this;
  }

  ClassFactsBuilder access(MapField field, Effect effect, String method, CodeUnit unit, int line, LockRef... held) {
    facts.accesses().add(
        new Access(field, effect, method, site(line, unit), unit, Set.of(held), order++, false, false, MapCall.NONE, null, false, null, null));
    return this;
  }

  ClassFactsBuilder call(CodeUnit caller, CodeUnit callee, int line, LockRef... held) {
    facts.calls().add(new CallEdge(caller, callee, Set.of(held), line));
    return this;
  }

  ClassFacts build() {
    return facts;
  }

  private CodeUnit unit(CodeUnit.Kind kind, String name, boolean isPrivate, Set<LockRef> entryLocks, ThreadRoot task) {
    CodeUnit unit = new CodeUnit(facts.units().size(), kind, name, isPrivate, entryLocks, task);
    facts.units().add(unit);
    return unit;
  }

  private Site site(int line, CodeUnit unit) {
    String member = facts.className() + "#" + (unit == null ? "<field>" : unit.name());
    return new Site(line, 5, member, "statement at line " + line, Set.of(), null);
  }
}

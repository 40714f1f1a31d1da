package io.mapguard.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a front end extracts from one top-level class. Front ends fill it; the engine reads it.
 *
 * @param annotations qualified names of the class's annotations
 * @param supertypes qualified names of all its supertypes
 * @param creations maps created with a size argument anywhere in the class, fields or not
 * @param localAccesses uses of maps held in local variables and parameters ({@link MapField#local}):
 *     only the rules that need no sharing (iteration, recursion) read them
 * @param wraps map fields and locals handed to {@code Collections.synchronizedMap} and friends
 * @param valueMutations calls on values taken out of map fields
 * @param storedValues values put into map fields
 * @param nullableArguments keys and values passed to map fields that may be null
 */
public record ClassFacts(
    String className,
    String file,
    List<String> annotations,
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
    List<NullableArgument> nullableArguments) {

  public static ClassFacts empty(String className, String file) {
    return new ClassFacts(
        className,
        file,
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
        new ArrayList<>());
  }

  /** Accesses to map fields and to local maps, for the rules that need no sharing. */
  public List<Access> fieldAndLocalAccesses() {
    List<Access> all = new ArrayList<>(accesses);
    all.addAll(localAccesses);
    return all;
  }
}

package io.mapguard.engine.model;

import java.util.List;

/**
 * A field holding a map (or, with {@code local}, a local variable or parameter holding one).
 *
 * @param name how messages name it: {@code cache}, or {@code State.index} for a nested class's field
 * @param declaredType the erased declared type, with its supertypes (most specific first)
 * @param assignedValues what is assigned to it anywhere: {@code new:java.util.HashMap},
 *     {@code call:java.util.Collections.synchronizedMap}, or {@code type:<static type>}
 * @param declaredGuard the value of a {@code @GuardedBy} of any flavor, or null
 * @param guardAnnotation the qualified name of that annotation, or null
 * @param atomicReference whether the field is an AtomicReference holding a map
 * @param local a local variable or parameter, not a field: its accesses are in
 *     {@link ClassFacts#localAccesses}
 * @param valueType the erased qualified type of the map's values as declared
 *     ({@code java.util.List} for {@code Map<String, List<Long>>}, {@code int[]} for an array), or
 *     null when the declaration does not say
 */
public record MapField(
    String name,
    List<String> declaredType,
    List<String> assignedValues,
    boolean isStatic,
    boolean isFinal,
    boolean isVolatile,
    boolean atomicReference,
    String declaredGuard,
    String guardAnnotation,
    boolean threadConfined,
    Site declaration,
    boolean local,
    String valueType) {}

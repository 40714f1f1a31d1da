package io.mapguard.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A field holding a map (or, with {@code local}, a local variable or parameter holding one).
 *
 * @param name how messages name it: {@code cache}, or {@code State.index} for a nested class's field
 * @param declaredType the erased declared type, with its supertypes (most specific first)
 * @param assignedValues what is assigned to it anywhere: {@code new:java.util.HashMap},
 *     {@code call:java.util.Collections.synchronizedMap}, {@code type:<static type>}, or {@code
 *     accessOrdered:java.util.LinkedHashMap} for a LinkedHashMap created in access order
 * @param declaredGuard the value of a {@code @GuardedBy} of any flavor, or null
 * @param guardAnnotation the qualified name of that annotation, or null
 * @param atomicReference whether the field is an AtomicReference holding a map
 * @param local a local variable or parameter, not a field: its accesses are in
 *     {@link ClassFacts#localAccesses}
 * @param valueType the erased qualified type of the map's values as declared
 *     ({@code java.util.List} for {@code Map<String, List<Long>>}, {@code int[]} for an array), or
 *     null when the declaration does not say
 * @param subclassesUseAs the field as classes of other files name it ({@code shop.Shelf#onHand}:
 *     its top-level class's qualified name and its own) when a subclass written elsewhere may use it
 *     as its own: an instance field, not private, of a top-level class that is not final; null
 *     otherwise (a nested class's field, a local, an inherited field: its own class asks)
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
    String valueType,
    String subclassesUseAs) {

  /**
   * The simple name of the nested class that declares the field ({@code State} for {@code
   * State.index}), or null for a field of the class analysed and for a local.
   */
  public String nestedClass() {
    int dot = name.lastIndexOf('.');
    return local || dot < 0 ? null : name.substring(0, dot);
  }

  /**
   * From the name and where it is declared only: the analysis keys its tables by map, and the
   * record's own hash went through both type lists and the declaration's site on every lookup.
   * Equal maps still hash alike (these are among the fields equality compares).
   */
  @Override
  public int hashCode() {
    return 31 * name.hashCode() + (declaration == null ? 0 : declaration.line()) + (local ? 1 : 0);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof MapField that
            && name.equals(that.name)
            && local == that.local
            && Objects.equals(declaration, that.declaration)
            && declaredType.equals(that.declaredType)
            && assignedValues.equals(that.assignedValues)
            && isStatic == that.isStatic
            && isFinal == that.isFinal
            && isVolatile == that.isVolatile
            && atomicReference == that.atomicReference
            && threadConfined == that.threadConfined
            && Objects.equals(declaredGuard, that.declaredGuard)
            && Objects.equals(guardAnnotation, that.guardAnnotation)
            && Objects.equals(valueType, that.valueType)
            && Objects.equals(subclassesUseAs, that.subclassesUseAs);
  }
}

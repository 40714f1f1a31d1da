package io.mapguard.engine.model;

/**
 * What a method does with the object one of its parameters receives, for the units that receive an
 * object their caller holds (see {@link Holder}) or reach a map field through a parameter.
 *
 * @param escapeOrder where in the unit the object first escapes ({@link Holder#escapeOrder}), or
 *     {@link Holder#NEVER}; 0 for a unit whose body is not seen (abstract, native)
 */
public record ParameterFate(CodeUnit unit, int parameter, int escapeOrder) {}

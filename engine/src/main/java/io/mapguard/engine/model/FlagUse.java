package io.mapguard.engine.model;

/**
 * A read or write of a volatile field that holds no map (a flag such as {@code initialized}): a
 * write of it after a map is filled and a read of it before the map is read order the two (see
 * {@code io.mapguard.engine.analysis.VolatilePublication}).
 *
 * @param flag the field, as the engine names fields ({@code initialized}, {@code State.ready})
 * @param order the use's position inside its unit (same scale as {@link Access#order})
 */
public record FlagUse(String flag, boolean write, CodeUnit unit, int order) {}

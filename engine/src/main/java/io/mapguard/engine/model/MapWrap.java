package io.mapguard.engine.model;

/**
 * A map variable handed to a synchronized wrapper factory: {@code Collections.synchronizedMap(backing)}.
 *
 * @param backing the map wrapped (a field or a local)
 * @param wrapper how the wrapper is held: the field or local it initialises or is assigned to, as
 *     lock names spell it; null when it is not kept in a variable (returned, passed on)
 * @param site the wrapped argument
 * @param order the argument's position, on the scale of {@link Access#order}
 */
public record MapWrap(MapField backing, String wrapper, Site site, CodeUnit unit, int order) {}

package io.mapguard.engine.model;

/**
 * {@code if (f == null) { synchronized (x) { if (f == null) { f = ...; } } }}: the assignment and the
 * line of the unlocked outer check.
 */
public record LazyInit(MapField field, Site assignment, int outerCheckLine) {}

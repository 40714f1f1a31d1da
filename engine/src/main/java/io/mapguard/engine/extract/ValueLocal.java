package io.mapguard.engine.extract;

import io.mapguard.engine.model.MapField;

/** A local holding a value taken out of a map field ({@code List<V> l = index.get(k)}). */
public record ValueLocal(MapField field, String source, int line) {}

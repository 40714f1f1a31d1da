package io.mapguard.engine.extract;

import io.mapguard.engine.model.MapField;

/** A local variable that holds a map field, one of its views, an entry or an iterator of it. */
public record Alias(MapField field, AliasKind kind) {}

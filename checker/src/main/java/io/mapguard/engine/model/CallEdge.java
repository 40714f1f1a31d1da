package io.mapguard.engine.model;

import java.util.Set;

/** A call from one unit to another unit of the same class, with the locks held at the call. */
public record CallEdge(CodeUnit caller, CodeUnit callee, Set<LockRef> locksHeld, int line) {}

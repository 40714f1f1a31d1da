package io.mapguard.lint.symbols;

/**
 * A callee as mapvet knows it: the receiver's (or created) type when known, the name and the
 * arity. The handle the engine's {@code Callees} questions are asked about.
 */
public record Callee(String owner, String name, int arity) {}

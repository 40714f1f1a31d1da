package io.mapguard.lint.symbols;

import java.util.List;

/**
 * A callee as mapvet knows it: the receiver's (or created) type when known, the name and the
 * arity. The handle the engine's {@code Callees} questions are asked about.
 *
 * @param argumentTypes the arguments' static types (null where unknown), when this file's class
 *     {@code owner} has several methods of that name and arity to choose from; else null
 */
public record Callee(String owner, String name, int arity, List<String> argumentTypes) {
  public Callee(String owner, String name, int arity) {
    this(owner, name, arity, null);
  }
}

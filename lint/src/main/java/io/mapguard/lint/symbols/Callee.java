package io.mapguard.lint.symbols;

import java.util.List;
import java.util.Objects;

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

  /**
   * Written out, as the engine's {@code CodeUnit#equals} says why (callees key the tables of a
   * file's calls); the generated hash's value.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof Callee callee
            && arity == callee.arity
            && Objects.equals(owner, callee.owner)
            && Objects.equals(name, callee.name)
            && Objects.equals(argumentTypes, callee.argumentTypes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * Objects.hashCode(owner) + Objects.hashCode(name)) + arity) + Objects.hashCode(argumentTypes);
  }
}

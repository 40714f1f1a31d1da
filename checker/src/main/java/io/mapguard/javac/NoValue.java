package io.mapguard.javac;

import org.checkerframework.errorprone.dataflow.analysis.AbstractValue;

/** The lock analysis tracks no values, only the store. */
final class NoValue implements AbstractValue<NoValue> {
  private NoValue() {}

  @Override
  public NoValue leastUpperBound(NoValue other) {
    return this;
  }
}

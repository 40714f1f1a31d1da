package io.mapguard.compiler;

import com.sun.tools.javac.code.Symbol;

/**
 * Test hook: when the system property {@value #PROPERTY} names a class, analysing it fails, so tests
 * can check that an internal error becomes one note and the compile goes on.
 */
final class FailureHook {
  static final String PROPERTY = "mapguard.internal.failOnClass";

  private FailureHook() {}

  /** Asked for every class compiled: the class name is compared, not spelled. */
  static boolean shouldFail(Symbol.ClassSymbol type) {
    String target = System.getProperty(PROPERTY);
    return target != null && type != null && type.getQualifiedName().contentEquals(target);
  }
}

package io.mapguard.javac;

/**
 * Test hook: when the system property {@value #PROPERTY} names a class, analysing it fails, so tests
 * can check that an internal error becomes one note and the compile goes on.
 */
final class FailureHook {
  static final String PROPERTY = "mapguard.internal.failOnClass";

  private FailureHook() {}

  static boolean shouldFail(String className) {
    String target = System.getProperty(PROPERTY);
    return target != null && target.equals(className);
  }
}

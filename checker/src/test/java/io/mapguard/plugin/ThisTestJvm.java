package io.mapguard.plugin;

import java.lang.management.ManagementFactory;
import java.util.List;

/** What the tests that start a java or javac process of their own take from the JVM running them. */
final class ThisTestJvm {
  private ThisTestJvm() {}

  /** The surefire argLine's exports and opens of javac's internals, which the plugin needs. */
  static List<String> javacInternalsFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(flag -> flag.startsWith("--add-exports=jdk.compiler/") || flag.startsWith("--add-opens=jdk.compiler/"))
        .toList();
  }

  /** The tests' class path: Surefire runs them from a manifest-only jar and passes the real one in a property. */
  static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}

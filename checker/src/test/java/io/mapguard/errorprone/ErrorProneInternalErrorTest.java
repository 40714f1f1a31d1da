package io.mapguard.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failure inside the engine becomes a note (its text is checked in PluginBehaviourTest); the
 * compile goes on and no finding is reported.
 */
class ErrorProneInternalErrorTest {
  @AfterEach
  void clearHook() {
    System.clearProperty("mapguard.internal.failOnClass");
  }

  @Test
  void failureInOneClassDoesNotBreakTheBuild() {
    System.setProperty("mapguard.internal.failOnClass", "Broken");
    CompilationTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .addSourceLines(
            "Broken.java",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "class Broken {",
            "  private final Map<String, Integer> m = new HashMap<>();",
            "  void start() { new Thread(() -> m.put(\"a\", 1)).start(); }",
            "  int get() { return m.get(\"a\"); }",
            "}")
        // The note does not name a check; any [UnsynchronizedSharedMap] warning would fail the test.
        .expectResult(com.sun.tools.javac.main.Main.Result.OK)
        .doTest();
  }
}

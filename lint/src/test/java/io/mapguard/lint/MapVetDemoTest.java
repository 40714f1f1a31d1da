package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mapvet on the bundled demo reports what the compiler plugin reports. */
class MapVetDemoTest {
  @Test
  void demoHasTheThreeFindingsOfTheCompilerPluginWithTheirSuggestedFixes() {
    CliHarness cli = new CliHarness(Path.of("..").toAbsolutePath().normalize());

    CliHarness.Result result = cli.runReal("demo/src/SessionRegistry.java");

    assertEquals(1, result.exitCode(), result::toString);
    List<String> lines = result.outLines();
    assertEquals(6, lines.size(), result::toString);
    // the race on 'hits': one finding at its write, naming its read
    expect(lines.get(0), 17, "UnsynchronizedSharedMap", "'hits'");
    assertTrue(lines.get(0).contains(" Also unguarded: line 37 (read). "), lines.get(0));
    assertEquals("\tsuggested fix: Create 'hits' as a ConcurrentHashMap.", lines.get(1));
    expect(lines.get(2), 27, "InconsistentMapLocking", "'sessions'");
    assertEquals("\tsuggested fix: Wrap the statement in synchronized (lock) { … }.", lines.get(3));
    assertEquals(
        "\tsuggested fix: Annotate 'sessions' with @GuardedBy(\"lock\") (io.mapguard.annotations.GuardedBy,"
            + " from the io.mapguard:mapguard-annotations dependency).",
        lines.get(4));
    expect(lines.get(5), 32, "GuardedMapEscape", "'sessions'");
    assertEquals(List.of("mapvet: 3 findings in 1 of 1 files (0 errors)"), result.errLines());
  }

  private static void expect(String line, int lineNumber, String rule, String field) {
    assertTrue(line.startsWith("demo/src/SessionRegistry.java:" + lineNumber + ":"), line);
    assertTrue(line.endsWith(" [" + rule + "]"), line);
    assertTrue(line.contains(field), line);
  }
}

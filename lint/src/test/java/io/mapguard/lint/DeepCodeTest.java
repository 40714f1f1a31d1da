package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.lint.source.NestingLimits;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code javac compiles is analysed however deep its expressions go, and the outcome for a file does
 * not change from run to run: through the real front end, whose parser and analysis recurse over
 * the syntax tree.
 */
class DeepCodeTest {
  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void harness() {
    cli = new CliHarness(dir);
  }

  /** A class with two findings whose get() returns {@code expression}, built around the read. */
  private static String counter(String expression) {
    return "import java.util.HashMap;\nimport java.util.Map;\n\nclass Deep {\n"
        + "  private final Map<String, Integer> m = new HashMap<>();\n"
        + "  void start() { new Thread(() -> m.put(\"a\", 1)).start(); }\n"
        + "  Object get() { return "
        + expression
        + "; }\n}\n";
  }

  @Test
  void nestedCallsAsDeepAsJavacTakesAreAnalysed() {
    // 415 overflowed the default stack; javac's own limit is about 2,000
    for (int depth : new int[] {415, 2_040}) {
      cli.write("calls/Deep.java", counter("Math.abs(".repeat(depth) + "m.get(\"a\")" + ")".repeat(depth)));

      assertTheRaceOfTwoAccesses(cli.runReal("calls"), depth + " nested calls");
    }
  }

  @Test
  void nestedParenthesesAsDeepAsJavacTakesAreAnalysed() {
    int depth = 2_040;
    cli.write("parens/Deep.java", counter("(".repeat(depth) + "m.get(\"a\")" + ")".repeat(depth)));

    assertTheRaceOfTwoAccesses(cli.runReal("parens"), depth + " nested parentheses");
  }

  @Test
  void longConcatenationsAreAnalysed() {
    // 6,300 terms overflowed the default stack; javac compiles 40,000
    for (int terms : new int[] {6_300, 40_000}) {
      cli.write("concat/Deep.java", counter("\"a\" + ".repeat(terms - 1) + "m.get(\"a\")"));

      assertTheRaceOfTwoAccesses(cli.runReal("concat"), terms + " terms");
    }
  }

  /** Beyond the limits a file is refused before parsing: the same answer on every run. */
  @Test
  void aFileBeyondTheLimitsIsRefusedTheSameWayEveryTime() {
    int depth = NestingLimits.MAX_DEPTH + 1;
    cli.write("deeper/Deep.java", counter("(".repeat(depth) + "m.get(\"a\")" + ")".repeat(depth)));
    List<String> expected =
        List.of(
            "deeper/Deep.java: error: brackets nested 10,004 deep, beyond mapvet's limit of 10,000;"
                + " skipped",
            "mapvet: no file could be analysed");

    for (int run = 0; run < 3; run++) {
      CliHarness.Result result = cli.runReal("deeper");

      assertEquals(2, result.exitCode(), result::toString);
      assertEquals(expected, result.errLines());
    }
  }

  /** Both accesses of the file's race found: one finding (the default) that names the other. */
  private static void assertTheRaceOfTwoAccesses(CliHarness.Result result, String what) {
    assertEquals(1, result.exitCode(), what + ": " + result);
    assertEquals(
        List.of("mapvet: 1 finding in 1 of 1 files (0 errors)"), result.errLines(), what);
    assertTrue(result.out().contains(" Also unguarded: line "), what + ": " + result);
  }
}

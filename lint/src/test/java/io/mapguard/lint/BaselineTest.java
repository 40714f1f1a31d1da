package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --write-baseline} and {@code --baseline}: accept today's findings, fail on new ones. */
class BaselineTest {
  /** Every access a finding of its own, for the tests of one statement's fingerprint. */
  private static final String EVERY_ACCESS = "--every-access";

  private static final String A =
      "class A {\n"
          + "  // FAKE(UnsynchronizedSharedMap): 'c' is racy\n"
          + "  // FAKE(InconsistentMapLocking): 'd' is unlocked\n"
          + "}\n";
  private static final String B = "class B {\n  // FAKE(GuardedMapEscape): 'm' escapes\n}\n";

  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void files() {
    cli = new CliHarness(dir);
    cli.write("src/B.java", B);
    cli.write("src/A.java", A);
  }

  @Test
  void writeBaselineRecordsEveryFindingSortedAndReportsNone() throws IOException {
    CliHarness.Result result = cli.run("--write-baseline", "mapvet-baseline.json", "src");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", result.out());
    assertEquals(
        List.of(
            "mapvet: wrote 3 findings to baseline " + dir.resolve("mapvet-baseline.json"),
            "mapvet: 0 findings in 2 of 2 files (0 errors, 3 in baseline)"),
        result.errLines());
    assertEquals(
        "{\n"
            + "  \"tool\" : \"mapvet\",\n"
            + "  \"format\" : 2,\n"
            + "  \"findings\" : [\n"
            + entry("InconsistentMapLocking", "src/A.java", A, "'d' is unlocked")
            + ",\n"
            + entry("UnsynchronizedSharedMap", "src/A.java", A, "'c' is racy")
            + ",\n"
            + entry("GuardedMapEscape", "src/B.java", B, "'m' escapes")
            + "\n"
            + "  ]\n"
            + "}\n",
        Files.readString(dir.resolve("mapvet-baseline.json"), StandardCharsets.UTF_8));
  }

  private static String entry(String rule, String file, String source, String message) {
    return "    {\n"
        + "      \"fingerprint\" : \""
        + FakeAnalyzer.reportedFingerprint(file, source, rule)
        + "\",\n"
        + "      \"rule\" : \""
        + rule
        + "\",\n"
        + "      \"file\" : \""
        + file
        + "\",\n"
        + "      \"message\" : \""
        + message
        + "\"\n"
        + "    }";
  }

  @Test
  void baselinedFindingsAreDroppedAndNewOnesStillFail() {
    cli.run("--write-baseline", "mapvet-baseline.json", "src");

    CliHarness.Result unchanged = cli.run("--baseline", "mapvet-baseline.json", "src");
    assertEquals(0, unchanged.exitCode(), unchanged::toString);
    assertEquals("", unchanged.out());
    assertEquals(
        List.of("mapvet: 0 findings in 2 of 2 files (0 errors, 3 in baseline)"),
        unchanged.errLines());

    // Unrelated edits move the old findings; a new finding appears.
    cli.write(
        "src/A.java",
        "// a new header comment\n\n"
            + "class A {\n"
            + "  // FAKE(UnsynchronizedSharedMap): 'c' is racy\n"
            + "  // FAKE(InconsistentMapLocking): 'd' is unlocked\n"
            + "  // FAKE(InconsistentMapLocking): 'e' is unlocked\n"
            + "}\n");
    CliHarness.Result changed = cli.run("--baseline", "mapvet-baseline.json", "src");
    assertEquals(1, changed.exitCode(), changed::toString);
    assertEquals(
        List.of("src/A.java:6:3: 'e' is unlocked [InconsistentMapLocking]"), changed.outLines());
    assertEquals(
        List.of("mapvet: 1 finding in 2 of 2 files (0 errors, 3 in baseline)"), changed.errLines());
  }

  /** The real engine's fingerprints: lines inserted above the findings leave them baselined. */
  @Test
  void realFingerprintsSurviveLinesInsertedAboveTheFindings() {
    // each access a finding, each statement its own fingerprint
    String counter =
        "import java.util.HashMap;\n"
            + "import java.util.Map;\n"
            + "\n"
            + "class Counter {\n"
            + "  private final Map<String, Integer> counts = new HashMap<>();\n"
            + "\n"
            + "  void start() {\n"
            + "    new Thread(() -> counts.merge(\"a\", 1, Integer::sum)).start();\n"
            + "  }\n"
            + "\n"
            + "  Integer get() {\n"
            + "    return counts.get(\"a\");\n"
            + "  }\n"
            + "}\n";
    cli.write("real/Counter.java", counter);
    CliHarness.Result before = cli.runReal(EVERY_ACCESS, "real");
    assertEquals(2, findingLines(before).size(), before::toString);
    cli.runReal(EVERY_ACCESS, "--write-baseline", "real-baseline.json", "real");

    cli.write(
        "real/Counter.java",
        "// Copyright notice added later\n// with a second line\n\n"
            + counter.replace("  Integer get() {", "  /** Reads the count. */\n  Integer get() {"));
    CliHarness.Result moved = cli.runReal(EVERY_ACCESS, "real");
    assertEquals(2, findingLines(moved).size(), moved::toString);
    assertEquals(true, findingLines(moved).get(0).startsWith("real/Counter.java:11:"), moved::toString);

    CliHarness.Result baselined = cli.runReal(EVERY_ACCESS, "--baseline", "real-baseline.json", "real");
    assertEquals(0, baselined.exitCode(), baselined::toString);
    assertEquals("", baselined.out());

    cli.write("real/Counter.java", counter.replace("counts.get(\"a\")", "counts.get(\"b\")"));
    CliHarness.Result edited = cli.runReal(EVERY_ACCESS, "--baseline", "real-baseline.json", "real");
    assertEquals(1, edited.exitCode(), "an edited statement is a new finding: " + edited);
    assertEquals(1, findingLines(edited).size(), edited::toString);
  }

  @Test
  void aMissingBaselineIsAUsageError() {
    CliHarness.Result result = cli.run("--baseline", "nope.json", "src");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "mapvet: baseline "
                + dir.resolve("nope.json")
                + ": no such file (create it with --write-baseline)"),
        result.errLines());
  }

  @Test
  void aCorruptBaselineIsAUsageError() {
    cli.write("broken.json", "{\"findings\": [");

    CliHarness.Result result = cli.run("--baseline", "broken.json", "src");

    assertEquals(2, result.exitCode());
    assertEquals(1, result.errLines().size());
    assertEquals(
        true,
        result
            .errLines()
            .get(0)
            .startsWith(
                "mapvet: baseline " + dir.resolve("broken.json") + ": not a mapvet baseline ("),
        result::toString);
  }

  @Test
  void aBaselineWithoutFindingsListIsRejected() {
    cli.write("other.json", "{\"runs\": []}");

    CliHarness.Result result = cli.run("--baseline", "other.json", "src");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "mapvet: baseline "
                + dir.resolve("other.json")
                + ": not a mapvet baseline (no \"findings\" list)"),
        result.errLines());
  }

  /** The finding lines of a text report, without the indented suggested-fix lines under them. */
  private static List<String> findingLines(CliHarness.Result result) {
    return result.outLines().stream().filter(line -> !line.startsWith("\t")).toList();
  }
}

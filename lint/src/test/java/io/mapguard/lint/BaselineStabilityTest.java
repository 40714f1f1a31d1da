package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baselines that do not churn: reformatting keeps baselined findings baselined, a regenerated
 * baseline does not change with edits elsewhere, old baselines keep matching, and entries that no
 * longer match are reported.
 */
class BaselineStabilityTest {
  private static final String COUNTER =
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

  /** COUNTER as another formatter, or another developer, would lay it out. */
  private static final String REFORMATTED =
      "import java.util.HashMap;\n"
          + "import java.util.Map;\n"
          + "\n"
          + "class Counter\n"
          + "{\n"
          + "\tprivate final Map<String,Integer> counts = new HashMap<>();\n"
          + "\tvoid start( ) {\n"
          + "\t\tnew Thread(() ->\n"
          + "\t\t\t\tcounts.merge( \"a\", 1, Integer::sum )).start();\n"
          + "\t}\n"
          + "\tInteger get() { return counts.get(\"a\"); }\n"
          + "}\n";

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
    cli.write("real/Counter.java", COUNTER);
    cli.write("src/A.java", A);
    cli.write("src/B.java", B);
  }

  @Test
  void reformattingKeepsBaselinedFindingsBaselined() {
    assertEquals(1, findingLines(cli.runReal("real")).size()); // the race, at its write
    cli.runReal("--write-baseline", "baseline.json", "real");

    cli.write("real/Counter.java", REFORMATTED);
    CliHarness.Result result = cli.runReal("--baseline", "baseline.json", "real");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of("mapvet: 0 findings in 1 of 1 files (0 errors, 1 in baseline)"),
        result.errLines());
  }

  @Test
  void theSameStatementInAnotherMethodIsStillANewFinding() {
    cli.runReal("--every-access", "--write-baseline", "baseline.json", "real");

    cli.write(
        "real/Counter.java",
        COUNTER.replace(
            "  Integer get() {",
            "  Integer peek() {\n    return counts.get(\"a\");\n  }\n\n  Integer get() {"));
    CliHarness.Result result = cli.runReal("--every-access", "--baseline", "baseline.json", "real");

    assertEquals(1, result.exitCode(), result::toString);
    List<String> reported = findingLines(result);
    assertEquals(1, reported.size(), result::toString);
    assertTrue(reported.get(0).startsWith("real/Counter.java:12:12: 'counts' is read"), result::toString);
  }

  /**
   * A race is baselined by its finding (the fingerprint of the access it is reported at): another
   * unguarded access of the same race joins it, named in its message, and stays baselined.
   */
  @Test
  void aNewAccessOfABaselinedRaceJoinsIt() {
    cli.runReal("--write-baseline", "baseline.json", "real");

    cli.write(
        "real/Counter.java",
        COUNTER.replace(
            "  Integer get() {",
            "  Integer peek() {\n    return counts.get(\"a\");\n  }\n\n  Integer get() {"));
    CliHarness.Result result = cli.runReal("real");
    CliHarness.Result baselined = cli.runReal("--baseline", "baseline.json", "real");

    assertTrue(result.out().contains("Also unguarded: line 12 (read), line 16 (read)."), result::toString);
    assertEquals(0, baselined.exitCode(), baselined::toString);
  }

  @Test
  void aRegeneratedBaselineDoesNotChangeWithEditsElsewhere() throws IOException {
    cli.runReal("--write-baseline", "baseline.json", "real");
    String before = read("baseline.json");

    cli.write(
        "real/Counter.java",
        "// Copyright notice added later\n\n" + REFORMATTED.replace("\tvoid start", "\n\tvoid start"));
    cli.runReal("--write-baseline", "baseline.json", "real");

    assertEquals(before, read("baseline.json"));
    assertTrue(before.contains("callers of get() (line …)"), before);
    assertFalse(before.matches("(?s).*line \\d.*"), before);
  }

  /** A baseline written before format 2 holds the engine's fingerprints; they still match. */
  @Test
  void aFormatOneBaselineStillMatchesAndSaysHowToUpgrade() {
    cli.write(
        "old.json",
        "{\"tool\": \"mapvet\", \"format\": 1, \"findings\": ["
            + oldEntry("UnsynchronizedSharedMap", "src/A.java", "'c' is racy")
            + ","
            + oldEntry("InconsistentMapLocking", "src/A.java", "'d' is unlocked")
            + ","
            + oldEntry("GuardedMapEscape", "src/B.java", "'m' escapes")
            + "]}");

    CliHarness.Result result = cli.run("--baseline", "old.json", "src");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "mapvet: note: baseline "
                + dir.resolve("old.json")
                + " is in format 1: its entries still match, but reformatting a line makes its"
                + " finding new; regenerate it with --write-baseline to upgrade",
            "mapvet: 0 findings in 2 of 2 files (0 errors, 3 in baseline)"),
        result.errLines());
  }

  private static String oldEntry(String rule, String file, String message) {
    return "{\"fingerprint\": \""
        + FakeAnalyzer.fingerprint(rule, file, message)
        + "\", \"rule\": \""
        + rule
        + "\", \"file\": \""
        + file
        + "\"}";
  }

  @Test
  void entriesThatMatchNoFindingAreCountedAndListedOnRequest() {
    cli.run("--write-baseline", "baseline.json", "src");
    String fixedA = A.replace("  // FAKE(InconsistentMapLocking): 'd' is unlocked\n", "");
    cli.write("src/A.java", fixedA);

    CliHarness.Result counted = cli.run("--baseline", "baseline.json", "src");
    assertEquals(0, counted.exitCode(), counted::toString);
    assertEquals(
        List.of("mapvet: 0 findings in 2 of 2 files (0 errors, 2 in baseline, 1 stale baseline entry)"),
        counted.errLines());

    CliHarness.Result listed =
        cli.run("--baseline", "baseline.json", "--report-stale-baseline", "src");
    assertEquals(0, listed.exitCode(), listed::toString);
    assertEquals(
        List.of(
            "src/A.java: note: stale baseline entry "
                + FakeAnalyzer.reportedFingerprint("src/A.java", A, "InconsistentMapLocking")
                + " (InconsistentMapLocking: 'd' is unlocked) matches no finding; regenerate the"
                + " baseline with --write-baseline to drop it",
            "mapvet: 0 findings in 2 of 2 files (0 errors, 2 in baseline, 1 stale baseline entry)"),
        listed.errLines());
  }

  /** A pull request's files are a part of the tree: entries of the other files are not stale. */
  @Test
  void entriesOfFilesNotScannedAreNotStaleButThoseOfDeletedFilesAre() throws IOException {
    cli.run("--write-baseline", "baseline.json", "src");

    CliHarness.Result partial = cli.run("--baseline", "baseline.json", "src/A.java");
    assertEquals(
        List.of("mapvet: 0 findings in 1 of 1 files (0 errors, 2 in baseline)"),
        partial.errLines());

    Files.delete(dir.resolve("src/B.java"));
    CliHarness.Result deleted = cli.run("--baseline", "baseline.json", "src");
    assertEquals(
        List.of("mapvet: 0 findings in 1 of 1 files (0 errors, 2 in baseline, 1 stale baseline entry)"),
        deleted.errLines());
  }

  private String read(String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  /** The finding lines of a text report, without the indented suggested-fix lines under them. */
  private static List<String> findingLines(CliHarness.Result result) {
    return result.outLines().stream().filter(line -> !line.startsWith("\t")).toList();
  }
}

package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source roots are for looking up the scanned tree's own types: nothing under a root but the files
 * that are asked for is read before the analysis, so what lies elsewhere under it cannot stop the
 * scan. Through the real JavaParser front end.
 */
class SourceRootTest {
  /** Two findings, but only if the solver learns from the tree that q.Registry is a HashMap. */
  private static final String A =
      "package p;\n\nimport q.Registry;\n\nclass A {\n"
          + "  private final Registry counts = new Registry();\n\n"
          + "  void start() {\n    new Thread(() -> counts.put(\"a\", 1)).start();\n  }\n\n"
          + "  Integer get() {\n    return counts.get(\"a\");\n  }\n}\n";

  private static final String REGISTRY =
      "package q;\n\nimport java.util.HashMap;\n\n"
          + "public class Registry extends HashMap<String, Integer> {}\n";

  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void files() {
    cli = new CliHarness(dir);
    cli.write("src/p/A.java", A);
    cli.write("src/q/Registry.java", REGISTRY);
  }

  @Test
  void typesOfTheTreeOutsideTheGivenPathsAreStillResolved() {
    CliHarness.Result result = cli.runReal("src/p/A.java");

    assertEquals(1, result.exitCode(), result::toString);
    assertOneRaceOfTwoAccesses(result);
  }

  private static final String TABLE =
      "package p;\n\nimport java.util.HashMap;\nimport java.util.Map;\n\npublic class Table {\n"
          + "  private final Map<String, String> rows = new HashMap<>();\n\n"
          + "  public void put(String k, String v) {\n    synchronized (rows) {\n      rows.put(k, v);\n    }\n  }\n\n"
          + "  Map<String, String> rows() {\n    return rows;\n  }\n}\n";

  /**
   * Whether a guarded map a package-private getter returns escapes its lock is decided by its
   * callers in the whole tree, not only in the files asked for: a scan of the changed file alone
   * (a pull request's) decides as a scan of the tree would.
   */
  @Test
  void aGettersCallersOutsideTheGivenPathsDecideIt() {
    cli.write(
        "src/p/Reader.java",
        "package p;\n\nclass Reader {\n  int count(Table table) {\n    return table.rows().size();\n  }\n}\n");
    cli.write("src/p/Table.java", TABLE);

    CliHarness.Result unlocked = cli.runReal("src/p/Table.java");

    assertEquals(1, unlocked.exitCode(), unlocked::toString);
    assertTrue(unlocked.out().contains("It is used without the lock by Reader.count (Reader.java:5)"), unlocked::toString);

    cli.write(
        "src/p/Reader.java",
        "package p;\n\nimport java.util.Map;\n\nclass Reader {\n  int count(Table table) {\n"
            + "    Map<String, String> rows = table.rows();\n    synchronized (rows) {\n      return rows.size();\n    }\n  }\n}\n");

    CliHarness.Result locked = cli.runReal("src/p/Table.java");

    assertEquals(0, locked.exitCode(), locked::toString);
  }

  /** JavaParser parsed every module-info.java under the root before the first file. */
  @Test
  void aPathologicalModuleInfoElsewhereUnderTheRootIsNotRead() {
    int depth = 50_000;
    cli.write(
        "src/fixtures/broken/module-info.java",
        "@A(".repeat(depth) + "1" + ")".repeat(depth) + " module m {}\n");

    CliHarness.Result result = cli.runReal("src/p/A.java");

    assertEquals(1, result.exitCode(), result::toString);
    assertOneRaceOfTwoAccesses(result);
    assertEquals(List.of("mapvet: 1 finding in 1 of 1 files (0 errors)"), result.errLines());
  }

  /**
   * A directory JavaParser's walk could not enter ended the scan. Here its path is longer than the
   * system allows (4,096 bytes on Linux), which stops even root, who can read any directory; a
   * shell makes it, one relative step at a time, as Java cannot, and removes it again, as JUnit
   * cannot.
   */
  @Test
  void anUnreadableDirectoryElsewhereUnderTheRootIsNotRead()
      throws IOException, InterruptedException {
    Path deep = Files.createDirectories(dir.resolve("src/deep"));
    String name = "d".repeat(200);
    try {
      assumeTrue(
          shell(deep, "for i in $(seq 30); do mkdir " + name + " && cd -P " + name + " || exit 1; done"),
          "sh, mkdir and cd -P");

      CliHarness.Result result = cli.runReal("src/p/A.java");

      assertEquals(1, result.exitCode(), result::toString);
      assertEquals(List.of("mapvet: 1 finding in 1 of 1 files (0 errors)"), result.errLines());
    } finally {
      shell(deep.getParent(), "rm -rf deep");
    }
  }

  private static boolean shell(Path directory, String command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("sh", "-c", command).directory(directory.toFile()).inheritIO().start();
    return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
  }

  /** A default-package file makes its directory a root: that must not mean reading all of it. */
  @Test
  void aFileInTheDefaultPackageDoesNotMakeMapvetReadItsWholeDirectory() {
    cli.write(
        "home/Tool.java",
        "import java.util.HashMap;\nimport java.util.Map;\n\nclass Tool {\n"
            + "  private final Map<String, Integer> m = new HashMap<>();\n"
            + "  void start() { new Thread(() -> m.put(\"a\", 1)).start(); }\n"
            + "  Integer get() { return m.get(\"a\"); }\n}\n");
    int depth = 50_000;
    cli.write(
        "home/projects/other/module-info.java",
        "@A(".repeat(depth) + "1" + ")".repeat(depth) + " module m {}\n");

    CliHarness.Result result = cli.runReal(dir.resolve("home/Tool.java").toString());

    assertEquals(1, result.exitCode(), result::toString);
    assertOneRaceOfTwoAccesses(result);
  }

  /** The file's race, both of its accesses found: one finding (the default) naming the other access. */
  private static void assertOneRaceOfTwoAccesses(CliHarness.Result result) {
    List<String> findings = findingLines(result);
    assertEquals(1, findings.size(), result::toString);
    assertTrue(findings.get(0).contains(" Also unguarded: line "), result::toString);
  }

  private static List<String> findingLines(CliHarness.Result result) {
    return result.outLines().stream().filter(line -> !line.startsWith("\t")).toList();
  }
}

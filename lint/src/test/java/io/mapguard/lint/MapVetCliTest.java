package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's output and exit codes, with a fake analyzer (see {@link FakeAnalyzer}). */
class MapVetCliTest {
  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void files() {
    cli = new CliHarness(dir);
    cli.write(
        "src/b/B.java",
        "package b;\n"
            + "class B {\n"
            + "  // FAKE(InconsistentMapLocking): 'm' is read without 'lock'\n"
            + "}\n");
    cli.write(
        "src/a/A.java",
        "package a;\n"
            + "// FAKE(UnsynchronizedSharedMap): 'cache' is written without a lock\n"
            + "class A {\n"
            + "    /* FAKE(GuardedMapEscape): 'cache' escapes */ int x;\n"
            + "}\n");
  }

  @Test
  void textFormatIsGoVetStyleSortedByFileAndLineWithRelativePaths() {
    CliHarness.Result result = cli.run("src");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "src/a/A.java:2:1: 'cache' is written without a lock [UnsynchronizedSharedMap]",
            "src/a/A.java:4:5: 'cache' escapes [GuardedMapEscape]",
            "src/b/B.java:3:3: 'm' is read without 'lock' [InconsistentMapLocking]"),
        result.outLines());
    assertEquals(List.of("mapvet: 3 findings in 2 of 2 files (0 errors)"), result.errLines());
  }

  @Test
  void absolutePathsInsideTheWorkingDirectoryAreShownRelative() {
    CliHarness.Result result = cli.run(dir.resolve("src/b/B.java").toString());

    assertEquals(
        List.of("src/b/B.java:3:3: 'm' is read without 'lock' [InconsistentMapLocking]"),
        result.outLines());
  }

  @Test
  void cleanFilesExitZeroWithOnlyTheSummary() {
    cli.write("clean/C.java", "class C {}\n");

    CliHarness.Result result = cli.run("clean");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", result.out());
    assertEquals(List.of("mapvet: 0 findings in 1 of 1 files (0 errors)"), result.errLines());
  }

  @Test
  void oneFindingIsSingular() {
    CliHarness.Result result = cli.run("src/b");

    assertEquals(List.of("mapvet: 1 finding in 1 of 1 files (0 errors)"), result.errLines());
  }

  @Test
  void failOnNoneNeverFailsOnFindings() {
    CliHarness.Result result = cli.run("--fail-on", "none", "src");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(3, result.outLines().size());
  }

  @Test
  void failOnErrorIgnoresWarnings() {
    assertEquals(0, cli.run("--fail-on=error", "src").exitCode());
    assertEquals(1, cli.run("--fail-on=warning", "src").exitCode());
  }

  @Test
  void badFailOnValueIsAUsageError() {
    CliHarness.Result result = cli.run("--fail-on", "fatal", "src");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "mapvet: Invalid value for option '--fail-on': expected one of none, warning, error,"
                + " got 'fatal'",
            "Try 'mapvet --help' for more information."),
        result.errLines());
  }

  @Test
  void quietDropsTheSummaryLine() {
    CliHarness.Result result = cli.run("--quiet", "src");

    assertEquals(1, result.exitCode());
    assertEquals("", result.err());
    assertEquals(3, result.outLines().size());
  }

  @Test
  void versionPrintsTheBuildVersion() {
    CliHarness.Result result = cli.run("--version");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().matches("mapvet \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), result.out());
  }

  @Test
  void helpListsOptionsAndExitCodes() {
    CliHarness.Result result = cli.run("--help");

    assertEquals(0, result.exitCode());
    assertEquals("Usage: mapvet [options] <paths...>", result.outLines().get(0));
    for (String option :
        List.of(
            "--format",
            "--checks",
            "--list-checks",
            "--explain",
            "--fail-on",
            "--baseline",
            "--write-baseline",
            "--report-unused-ignores",
            "--jobs",
            "--quiet",
            "--version",
            "--config",
            "--source-root",
            "--classpath")) {
      assertTrue(result.out().contains(option), option);
    }
    assertTrue(
        result.out().contains("  2   usage or configuration error, nothing could be analysed, mapvet failed,"),
        result::toString);
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliHarness.Result result = cli.run("--bogus", "src");

    assertEquals(2, result.exitCode());
    assertEquals("", result.out());
    assertEquals(
        List.of("mapvet: Unknown option: '--bogus'", "Try 'mapvet --help' for more information."),
        result.errLines());
  }

  @Test
  void noPathsIsAUsageError() {
    CliHarness.Result result = cli.run();

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of("mapvet: no paths given; try 'mapvet src/' or 'mapvet --help'"), result.errLines());
  }

  @Test
  void jobsMustBePositive() {
    CliHarness.Result result = cli.run("--jobs", "0", "src");

    assertEquals(2, result.exitCode());
    assertEquals(List.of("mapvet: --jobs must be at least 1, got 0"), result.errLines());
  }

  @Test
  void dashReadsTheFileListFromStdin() {
    cli.stdin("src/b/B.java\n\n  src/a/A.java  \n");

    CliHarness.Result result = cli.run("-");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(3, result.outLines().size());
    assertEquals(List.of("mapvet: 3 findings in 2 of 2 files (0 errors)"), result.errLines());
  }

  /** A pull request that changes no Java file gives an empty list: nothing wrong, nothing to do. */
  @Test
  void anEmptyListOnStdinHasNothingToAnalyseAndExitsZero() throws IOException {
    cli.stdin("\n");

    CliHarness.Result result =
        cli.run("--strict", "--format", "sarif", "--write-baseline", "b.json", "-");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "mapvet: nothing to analyse: the list on stdin names no file to analyse; the baseline"
                + " was not written"),
        result.errLines());
    assertTrue(result.out().contains("\"results\" : [ ]"), result::toString);
    assertTrue(Files.notExists(dir.resolve("b.json")));
  }

  @Test
  void aListOnStdinOfExcludedFilesHasNothingToAnalyse() {
    cli.stdin("src/a/A.java\n");

    CliHarness.Result result = cli.run("--exclude", "A.java", "-");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of("mapvet: nothing to analyse: the list on stdin names no file to analyse"),
        result.errLines());
  }

  /** Path.of("") is the working directory: an unset variable in a CI script must not scan it. */
  @Test
  void anEmptyPathIsAnErrorNotTheWorkingDirectory() {
    CliHarness.Result alone = cli.run("");
    assertEquals(2, alone.exitCode(), alone::toString);
    assertEquals(
        List.of(
            "'': error: empty path; to scan the working directory, give '.'",
            "mapvet: no .java files to analyse"),
        alone.errLines());

    CliHarness.Result withOthers = cli.run("src/a/A.java", "");
    assertEquals(1, withOthers.exitCode(), withOthers::toString);
    assertEquals(2, withOthers.outLines().size(), withOthers::toString);
  }

  @Test
  void anEmptyDirectoryIsStillAnError() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    cli.stdin("");

    CliHarness.Result result = cli.run("-", "empty");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals(List.of("mapvet: no .java files to analyse"), result.errLines());
  }

  @Test
  void outputOptionWritesTheReportToAFileCreatingItsDirectory() throws IOException {
    CliHarness.Result result = cli.run("-o", "build/reports/mapvet.txt", "src/b");

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    assertEquals(
        "src/b/B.java:3:3: 'm' is read without 'lock' [InconsistentMapLocking]\n",
        Files.readString(dir.resolve("build/reports/mapvet.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void anOutputThatIsADirectoryIsAUsageErrorBeforeTheScan() throws IOException {
    Files.createDirectories(dir.resolve("taken"));

    CliHarness.Result result = cli.run("-o", "taken", "src/b");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of("mapvet: --output " + dir.resolve("taken") + ": is not a regular file"),
        result.errLines());
  }

  @Test
  void directoriesYieldOnlyJavaFiles() {
    cli.write("src/notes.txt", "FAKE(GuardedMapEscape): not Java\n");

    assertEquals(3, cli.run("src").outLines().size());
  }

  @Test
  void aFileNamedTwiceIsAnalysedOnce() {
    CliHarness.Result result = cli.run("src/b/B.java", "src", "./src/b/../b/B.java");

    assertEquals(3, result.outLines().size());
    assertEquals(List.of("mapvet: 3 findings in 2 of 2 files (0 errors)"), result.errLines());
  }

  @Test
  void aMissingPathIsReportedAndTheRestIsScanned() {
    CliHarness.Result result = cli.run("nope", "src");

    assertEquals(1, result.exitCode());
    assertEquals(3, result.outLines().size());
    assertEquals(
        List.of(
            "nope: error: no such file or directory",
            "mapvet: 3 findings in 2 of 2 files (1 error); incomplete: 1 path not read"),
        result.errLines());
  }

  @Test
  void onlyMissingPathsExitTwo() {
    CliHarness.Result result = cli.run("nope.java");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of("nope.java: error: no such file or directory", "mapvet: no .java files to analyse"),
        result.errLines());
  }

  @Test
  void aDirectoryWithoutJavaFilesExitsTwo() throws IOException {
    Files.createDirectories(dir.resolve("empty"));

    CliHarness.Result result = cli.run("empty");

    assertEquals(2, result.exitCode());
    assertEquals(List.of("mapvet: no .java files to analyse"), result.errLines());
  }

  @Test
  void parseErrorsAreReportedPerFileAndTheScanGoesOn() {
    cli.write("src/c/Bad.java", "class Bad {\n  SYNTAX ERROR\n}\n");

    CliHarness.Result result = cli.run("src");

    assertEquals(1, result.exitCode());
    assertEquals(3, result.outLines().size());
    assertEquals(
        List.of(
            "src/c/Bad.java:2:3: parse error: fake parse error",
            "mapvet: 3 findings in 2 of 3 files (1 error); incomplete: 1 file not analysed"),
        result.errLines());
  }

  @Test
  void nothingParsedExitsTwo() {
    cli.write("bad/Bad.java", "class Bad {\n  SYNTAX ERROR\n}\n");

    CliHarness.Result result = cli.run("bad");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "bad/Bad.java:2:3: parse error: fake parse error", "mapvet: no file could be analysed"),
        result.errLines());
  }

  @Test
  void anAnalyzerCrashIsAnInternalErrorForThatFileOnly() {
    cli.write("src/d/Crash.java", "class Crash { /* CRASH */ }\n");

    CliHarness.Result result = cli.run("src");

    assertEquals(1, result.exitCode());
    assertEquals(3, result.outLines().size());
    assertEquals(
        List.of(
            "src/d/Crash.java:1:1: internal error: mapvet failed on this file"
                + " (java.lang.IllegalStateException: boom), please report",
            "mapvet: 3 findings in 2 of 3 files (1 error); incomplete: 1 file not analysed"),
        result.errLines());
  }

  @Test
  void anAnalyzerThatCannotBeSetUpStopsTheRun() {
    CliHarness.Result result =
        cli.run(
            (options, roots, classpath) -> {
              throw new IOException("corrupt jar lib.jar");
            },
            "src");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of("mapvet: cannot set up the analysis: corrupt jar lib.jar"), result.errLines());
  }

  @Test
  void missingClasspathJarIsAUsageError() {
    CliHarness.Result result = cli.run("--classpath", "lib/missing.jar", "src");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of("mapvet: --classpath entry lib/missing.jar: no such jar"), result.errLines());
  }
}

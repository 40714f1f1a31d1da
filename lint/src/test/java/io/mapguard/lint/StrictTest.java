package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file mapvet could not analyse is visible to a gate: the summary says the scan is incomplete,
 * and {@code --strict} turns that into exit code 2 instead of passing on part of the code.
 */
class StrictTest {
  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void files() {
    cli = new CliHarness(dir);
    cli.write("src/A.java", "class A {\n  // FAKE(UnsynchronizedSharedMap): 'a' is racy\n}\n");
    cli.write("src/Clean.java", "class Clean {}\n");
  }

  @Test
  void theSummarySaysWhichFilesWereNotAnalysed() {
    cli.write("src/Broken.java", "class Broken {\n  SYNTAX ERROR\n}\n");

    CliHarness.Result result = cli.run("--fail-on", "none", "src");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "src/Broken.java:2:3: parse error: fake parse error",
            "mapvet: 1 finding in 2 of 3 files (1 error); incomplete: 1 file not analysed"),
        result.errLines());
  }

  @Test
  void strictMakesAFileThatWasNotAnalysedExitTwo() {
    cli.write("src/Broken.java", "class Broken {\n  SYNTAX ERROR\n}\n");

    CliHarness.Result result = cli.run("--strict", "src");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "src/Broken.java:2:3: parse error: fake parse error",
            "mapvet: 1 finding in 2 of 3 files (1 error); incomplete: 1 file not analysed",
            "mapvet: --strict: exit code 2, the scan is incomplete (1 file not analysed)"),
        result.errLines());
    assertEquals(List.of("src/A.java:2:3: 'a' is racy [UnsynchronizedSharedMap]"), result.outLines());
  }

  @Test
  void strictCountsAPartlyAnalysedFile() {
    cli.write("src/Part.java", "class Part {\n  // INTERNAL ERROR\n}\n");

    CliHarness.Result result = cli.run("--strict", "--fail-on", "none", "src");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "src/Part.java:2:1: internal error: fake failure in one class",
            "mapvet: 1 finding in 3 of 3 files (1 error); incomplete: 1 file partly analysed",
            "mapvet: --strict: exit code 2, the scan is incomplete (1 file partly analysed)"),
        result.errLines());
  }

  @Test
  void strictCountsAPathThatCouldNotBeRead() {
    CliHarness.Result result = cli.run("--strict", "src", "src/Missing.java");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "src/Missing.java: error: no such file or directory",
            "mapvet: 1 finding in 2 of 2 files (1 error); incomplete: 1 path not read",
            "mapvet: --strict: exit code 2, the scan is incomplete (1 path not read)"),
        result.errLines());
  }

  @Test
  void strictExplainsItsExitCodeEvenWhenQuiet() {
    cli.write("src/Broken.java", "class Broken {\n  SYNTAX ERROR\n}\n");

    CliHarness.Result result = cli.run("--strict", "--quiet", "src");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals(
        "mapvet: --strict: exit code 2, the scan is incomplete (1 file not analysed)",
        result.errLines().get(result.errLines().size() - 1));
  }

  @Test
  void strictKeepsTheUsualExitCodesOfACompleteScan() {
    assertEquals(1, cli.run("--strict", "src").exitCode());
    assertEquals(0, cli.run("--strict", "--fail-on", "none", "src").exitCode());
    assertEquals(0, cli.run("--strict", "src/Clean.java").exitCode());
  }

  @Test
  void sarifMarksAStrictFailureAsAnUnsuccessfulExecution() throws IOException {
    cli.write("src/Broken.java", "class Broken {\n  SYNTAX ERROR\n}\n");

    JsonNode strict = sarif(cli.run("--strict", "--format", "sarif", "src"));
    JsonNode lenient = sarif(cli.run("--format", "sarif", "src"));

    assertEquals(false, strict.at("/runs/0/invocations/0/executionSuccessful").asBoolean(true));
    assertEquals(true, lenient.at("/runs/0/invocations/0/executionSuccessful").asBoolean(false));
  }

  private static JsonNode sarif(CliHarness.Result result) throws IOException {
    assertTrue(result.out().startsWith("{"), result::toString);
    return new ObjectMapper().readTree(result.out());
  }
}

package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.lint.cli.Environment;
import io.mapguard.lint.report.ReportFile;
import io.mapguard.lint.report.ReportFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MapVet#runEmbedded}, the entry point of tools that run mapvet in their own JVM (the Maven
 * plugin): the command line's run, plus report files written from the same scan.
 */
class EmbeddedRunTest {
  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void demo() throws IOException {
    cli = new CliHarness(dir);
    cli.write(
        "src/SessionRegistry.java",
        Files.readString(Path.of("../demo/src/SessionRegistry.java"), StandardCharsets.UTF_8));
  }

  private record Run(int exitCode, String out, String err) {}

  private Run embedded(List<String> args, List<ReportFile> alsoWrite) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode =
        MapVet.runEmbedded(
            args,
            new Environment(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                dir,
                false),
            alsoWrite);
    return new Run(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsWhatTheCommandLinePrintsAndWritesTheSameReportAsItsOutputOption() throws IOException {
    CliHarness.Result text = cli.runReal("src");
    CliHarness.Result sarif = cli.runReal("--format", "sarif", "--output", "cli.sarif", "src");
    assertEquals(1, sarif.exitCode(), sarif::toString);

    Run run =
        embedded(
            List.of("src"),
            List.of(
                new ReportFile(ReportFormat.SARIF, Path.of("target/mapvet.sarif")),
                new ReportFile(ReportFormat.JSON, dir.resolve("mapvet.jsonl"))));

    assertEquals(text.exitCode(), run.exitCode());
    assertEquals(text.out(), run.out());
    assertEquals(text.err(), run.err());
    assertEquals(
        Files.readString(dir.resolve("cli.sarif")),
        Files.readString(dir.resolve("target/mapvet.sarif")));
    assertEquals(3, Files.readAllLines(dir.resolve("mapvet.jsonl")).size());
  }

  @Test
  void anExtraReportIsCheckedAsOutputIs() throws IOException {
    Path victim = cli.write("elsewhere/keep.txt", "precious\n");
    Files.createSymbolicLink(dir.resolve("link.sarif"), victim);

    Run link =
        embedded(List.of("src"), List.of(new ReportFile(ReportFormat.SARIF, Path.of("link.sarif"))));
    assertEquals(2, link.exitCode(), link::toString);
    assertTrue(
        link.err().startsWith("mapvet: report file " + dir.resolve("link.sarif") + ": is a symbolic link"),
        link::toString);
    assertEquals("precious\n", Files.readString(victim));

    cli.write("base.json", "{\"tool\":\"mapvet\",\"format\":2,\"findings\":[]}\n");
    Run baseline =
        embedded(
            List.of("--baseline", "base.json", "src"),
            List.of(new ReportFile(ReportFormat.SARIF, Path.of("base.json"))));
    assertEquals(2, baseline.exitCode(), baseline::toString);
    assertTrue(baseline.err().contains("is the baseline being read"), baseline::toString);

    Run sameAsOutput =
        embedded(
            List.of("--output", "r.txt", "src"),
            List.of(new ReportFile(ReportFormat.SARIF, Path.of("r.txt"))));
    assertEquals(2, sameAsOutput.exitCode(), sameAsOutput::toString);
    assertEquals(
        "mapvet: report file " + dir.resolve("r.txt") + " is also the --output file\n",
        sameAsOutput.err());
  }

  @Test
  void aUsageErrorWritesNoReport() {
    Run run =
        embedded(
            List.of("--fail-on=sometimes", "src"),
            List.of(new ReportFile(ReportFormat.SARIF, Path.of("target/mapvet.sarif"))));
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("mapvet: Invalid value for option '--fail-on'"), run::toString);
    assertFalse(Files.exists(dir.resolve("target/mapvet.sarif")));
  }
}

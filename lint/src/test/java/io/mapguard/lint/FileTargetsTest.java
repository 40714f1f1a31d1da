package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files mapvet reads besides the sources (baseline, config) and writes (report, baseline):
 * no FIFO or device is read, no symbolic link is written through, no input is overwritten.
 */
class FileTargetsTest {
  private static final String A = "class A {\n  // FAKE(GuardedMapEscape): 'm' escapes\n}\n";

  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void files() {
    cli = new CliHarness(dir);
    cli.write("src/A.java", A);
  }

  /** Reading a FIFO blocks until a writer comes: the guard turns a regression into a failure. */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoAsBaselineOrConfigIsRefused() throws IOException, InterruptedException {
    Path fifo = fifo("pipe");

    CliHarness.Result baseline = cli.run("--baseline", "pipe", "src");
    assertEquals(2, baseline.exitCode(), baseline::toString);
    assertEquals(
        List.of("mapvet: baseline " + fifo + ": not a regular file"), baseline.errLines());

    CliHarness.Result config = cli.run("--config", "pipe", "src");
    assertEquals(2, config.exitCode(), config::toString);
    assertEquals(List.of("mapvet: pipe: not a regular file"), config.errLines());
  }

  @Test
  void aDeviceAsBaselineIsRefused() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "a Unix system");

    CliHarness.Result result = cli.run("--baseline", "/dev/zero", "src");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals(List.of("mapvet: baseline /dev/zero: not a regular file"), result.errLines());
  }

  @Test
  void outputThroughASymbolicLinkIsRefusedAndItsTargetKept() throws IOException {
    Path victim = cli.write("elsewhere/keep.txt", "precious\n");
    Files.createSymbolicLink(dir.resolve("report.txt"), victim);

    for (String option : List.of("--output", "--write-baseline")) {
      CliHarness.Result result = cli.run(option, "report.txt", "src");

      assertEquals(2, result.exitCode(), result::toString);
      assertEquals(
          List.of(
              "mapvet: "
                  + option
                  + " "
                  + dir.resolve("report.txt")
                  + ": is a symbolic link; refusing to write through it (remove it, or name its"
                  + " target)"),
          result.errLines());
    }
    assertEquals("precious\n", Files.readString(victim, StandardCharsets.UTF_8));
  }

  @Test
  void aScannedSourceIsNeverOverwritten() throws IOException {
    for (String option : List.of("--output", "--write-baseline")) {
      CliHarness.Result result = cli.run(option, "src/A.java", "src");

      assertEquals(2, result.exitCode(), result::toString);
      assertEquals(
          List.of(
              "mapvet: "
                  + option
                  + " "
                  + dir.resolve("src/A.java")
                  + ": is one of the files being scanned; refusing to overwrite it"),
          result.errLines());
    }
    assertEquals(A, Files.readString(dir.resolve("src/A.java"), StandardCharsets.UTF_8));
  }

  @Test
  void aScannedSourceReachedThroughAHardLinkIsNeverOverwritten() throws IOException {
    Files.createLink(dir.resolve("alias.txt"), dir.resolve("src/A.java"));

    CliHarness.Result result = cli.run("--output", "alias.txt", "src");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals(A, Files.readString(dir.resolve("src/A.java"), StandardCharsets.UTF_8));
  }

  @Test
  void theReportNeverOverwritesTheBaselineItReads() throws IOException {
    cli.run("--write-baseline", "baseline.json", "src");
    String baseline = Files.readString(dir.resolve("baseline.json"), StandardCharsets.UTF_8);

    CliHarness.Result result = cli.run("--baseline", "baseline.json", "-o", "baseline.json", "src");
    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().contains("is the baseline being read"), result::toString);

    CliHarness.Result both =
        cli.run("--write-baseline", "baseline.json", "-o", "baseline.json", "src");
    assertEquals(2, both.exitCode(), both::toString);
    assertEquals(
        List.of("mapvet: --output and --write-baseline name the same file"), both.errLines());
    assertEquals(baseline, Files.readString(dir.resolve("baseline.json"), StandardCharsets.UTF_8));

    // regenerating a baseline in place is the usual way to refresh it
    CliHarness.Result inPlace =
        cli.run("--baseline", "baseline.json", "--write-baseline", "baseline.json", "src");
    assertEquals(0, inPlace.exitCode(), inPlace::toString);
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo works");
    return fifo;
  }
}

package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.fixtures.OptionSources;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan sharded in two: one shard writes its classes' call summaries ({@code --summaries-out}),
 * the other reads them ({@code --summaries}, or a jar of {@code --classpath} that a build with the
 * javac plugin left them in) and decides as a scan of both would.
 */
class SummariesOptionTest {
  private static final String REGISTRY = OptionSources.text(OptionSources.REGISTRY);
  private static final String SETUP = OptionSources.text(OptionSources.SETUP);
  private static final String FINDING =
      "b/handlers/Registry.java:"
          + OptionSources.REGISTRY_PUT_LINE
          + ":5: 'handlers' is a ConcurrentHashMap, which rejects null keys and values";
  private static final String EVIDENCE = OptionSources.SETUP_PASSES_NULL + ".";

  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void shards() {
    cli = new CliHarness(dir);
    cli.write("a/handlers/Setup.java", SETUP);
    cli.write("b/handlers/Registry.java", REGISTRY);
  }

  private static void assertReported(CliHarness.Result result) {
    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.outLines().get(0).startsWith(FINDING), result::toString);
    assertTrue(result.outLines().get(0).contains(EVIDENCE), result::toString);
  }

  @Test
  void theSecondShardReadsTheFirstsSummaries() {
    CliHarness.Result first = cli.runReal("--summaries-out", "summaries", "a");
    assertEquals(0, first.exitCode(), first::toString);
    assertTrue(Files.isRegularFile(dir.resolve("summaries/handlers.Setup.calls")));

    CliHarness.Result alone = cli.runReal("b");
    assertEquals(0, alone.exitCode(), "without the other shard nothing passes null: " + alone);
    assertReported(cli.runReal("--summaries", "summaries", "b"));
    assertReported(cli.runReal("a", "b")); // the same as one scan of both
  }

  @Test
  void summariesInAJarOnTheClasspathAreRead() throws IOException {
    cli.runReal("--summaries-out", "summaries", "a");
    Path jar = dir.resolve("setup.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("META-INF/mapguard/summaries/handlers.Setup.calls"));
      zip.write(Files.readAllBytes(dir.resolve("summaries/handlers.Setup.calls")));
      zip.closeEntry();
    }
    assertReported(cli.runReal("--classpath", "setup.jar", "b"));
  }

  @Test
  void aScannedClassIsReadFromItsSourceNotFromAnOldSummary() {
    cli.runReal("--summaries-out", "summaries", "a");
    cli.write("a/handlers/Setup.java", SETUP.replace("null", "() -> {}"));
    CliHarness.Result result = cli.runReal("--summaries", "summaries", "a", "b");
    assertEquals(0, result.exitCode(), result::toString);
  }

  @Test
  void anUnreadableSummaryIsSaidAndTheScanGoesOn() {
    cli.write("summaries/handlers.Setup.calls", "mapguard-summary\t7\nclass\thandlers.Setup\tx\n");
    CliHarness.Result result = cli.runReal("--summaries", "summaries", "b");
    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(
        result.err().contains("cannot read the summary ")
            && result.err().contains("summary version 7, this mapguard reads version " + io.mapguard.engine.project.CallSummaries.VERSION),
        result::toString);
  }

  @Test
  void aMissingSummariesLocationIsAUsageError() {
    CliHarness.Result result = cli.runReal("--summaries", "nowhere", "b");
    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().contains("--summaries entry nowhere: no such directory or jar"), result::toString);
  }
}

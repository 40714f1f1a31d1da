package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.fixtures.OptionSources;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
      for (String directory : List.of("META-INF/", "META-INF/mapguard/", "META-INF/mapguard/summaries/")) {
        zip.putNextEntry(new ZipEntry(directory));
        zip.closeEntry();
      }
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

  private static final String VERSIONS = OptionSources.text(OptionSources.PLUGIN_VERSIONS);
  private static final String LOADER = OptionSources.text(OptionSources.PLUGIN_LOADER);
  private static final String LIBRARY_WRITE =
      "lib/plugins/PluginVersions.java:"
          + OptionSources.PLUGIN_VERSIONS_WRITE_LINE
          + ":5: 'VERSIONS' is written here without a lock, but it is shared: "
          + OptionSources.PLUGIN_LOADER_TASK;

  /**
   * A library's map that the library's own scan cannot see shared: its summary keeps the findings it
   * could not decide, and the scan of the application that submits the task reports them, at the
   * library's file and line.
   */
  @Test
  void theApplicationsScanReportsTheLibrarysMapItsTasksWrite() throws IOException {
    cli.write("lib/plugins/PluginVersions.java", VERSIONS);
    cli.write("app/app/PluginLoader.java", LOADER);
    CliHarness.Result library = cli.runReal("--summaries-out", "lib-summaries", "lib");
    assertEquals(0, library.exitCode(), library::toString);
    String summary = Files.readString(dir.resolve("lib-summaries/plugins.PluginVersions.calls"));
    assertTrue(
        summary.contains("finding\tUnsynchronizedSharedMap\t" + OptionSources.PLUGIN_VERSIONS_WRITE_LINE + "\t5\t"), summary);

    CliHarness.Result application = cli.runReal("--summaries", "lib-summaries", "app");
    assertEquals(1, application.exitCode(), application::toString);
    assertTrue(application.outLines().stream().anyMatch(line -> line.startsWith(LIBRARY_WRITE)), application::toString);
    // the race reported once: the read is named after the reason the summary's condition stood for
    assertTrue(
        application.outLines().stream()
            .anyMatch(
                line -> line.startsWith(LIBRARY_WRITE)
                    && line.contains(
                        OptionSources.PLUGIN_LOADER_TASK + ". Guard every access with one lock or use ConcurrentHashMap."
                            + " Also unguarded: line " + OptionSources.PLUGIN_VERSIONS_READ_LINE + " (read).")),
        application::toString);

    CliHarness.Result json = cli.runReal("--summaries", "lib-summaries", "--format", "json", "app");
    assertTrue(json.out().contains("\"file\":\"lib/plugins/PluginVersions.java\""), json::toString);
    assertTrue(json.out().contains("\"line\":" + OptionSources.PLUGIN_VERSIONS_WRITE_LINE), json::toString);
  }

  @Test
  void anApplicationThatUsesTheLibraryOnItsCallersThreadsReportsNothing() {
    cli.write("lib/plugins/PluginVersions.java", VERSIONS);
    cli.write("app/app/Setup.java", OptionSources.text(OptionSources.PLUGIN_SETUP));
    cli.runReal("--summaries-out", "lib-summaries", "lib");
    CliHarness.Result application = cli.runReal("--summaries", "lib-summaries", "app");
    assertEquals(0, application.exitCode(), application::toString);
  }

  @Test
  void aFindingTheShardDecidedIsNotCarriedTwice() throws IOException {
    cli.write("lib/plugins/PluginVersions.java", VERSIONS);
    cli.write("lib/app/PluginLoader.java", LOADER);
    CliHarness.Result both = cli.runReal("--summaries-out", "lib-summaries", "lib");
    assertEquals(1, both.exitCode(), both::toString);
    assertTrue(both.outLines().stream().anyMatch(line -> line.startsWith(LIBRARY_WRITE)), both::toString);
    String summary = Files.readString(dir.resolve("lib-summaries/plugins.PluginVersions.calls"));
    assertTrue(!summary.contains("finding\t"), "a finding that stood is not pending: " + summary);
  }

  private static final String SHELF =
      """
      package docks;

      import java.util.HashMap;
      import java.util.Map;

      public abstract class Shelf {
        protected final Map<String, Integer> onHand = new HashMap<>();

        public int available(String item) {
          return onHand.getOrDefault(item, 0);
        }
      }
      """;
  private static final String RECEIVING =
      """
      package docks;

      import java.util.concurrent.ExecutorService;
      import java.util.concurrent.Executors;

      public class Receiving extends Shelf {
        private final ExecutorService dock = Executors.newSingleThreadExecutor();

        public void start() {
          dock.execute(() -> onHand.merge("pallet", 1, Integer::sum));
        }
      }
      """;

  /**
   * A scan sharded between a subclass and its superclass, in other files of one source tree: the
   * subclass's shard reads the superclass's file to know the field its task writes, and its summary
   * says so ({@code use}, as the javac plugin's does), so the superclass's shard reports the race.
   */
  @Test
  void aSubclassesShardTellsTheSuperclassesShardWhatItsTasksWrite() throws IOException {
    cli.write("src/docks/Shelf.java", SHELF);
    cli.write("src/docks/Receiving.java", RECEIVING);
    CliHarness.Result subclass = cli.runReal("--summaries-out", "shard-summaries", "src/docks/Receiving.java");
    assertEquals(0, subclass.exitCode(), subclass::toString);
    String summary = Files.readString(dir.resolve("shard-summaries/docks.Receiving.calls"));
    assertTrue(summary.contains("use\tdocks.Shelf#onHand\t10\tw\t"), summary);
    assertTrue(!summary.contains("call\tmerge"), "a call on the inherited map is the JDK's: " + summary);

    CliHarness.Result alone = cli.runReal("src/docks/Shelf.java");
    assertEquals(0, alone.exitCode(), alone::toString);
    CliHarness.Result superclass = cli.runReal("--summaries", "shard-summaries", "src/docks/Shelf.java");
    assertEquals(1, superclass.exitCode(), superclass::toString);
    assertTrue(
        superclass.outLines().get(0).startsWith(
            "src/docks/Shelf.java:10:12: 'onHand' is read here without a lock, but it is shared: it is written"
                + " in the task submitted at Receiving.java:10, where a subclass uses it as its own"),
        superclass::toString);
  }
}

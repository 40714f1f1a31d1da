package io.mapguard.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.project.CallSummaries;
import io.mapguard.fixtures.OptionSources;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A race between a library module's map and an application module's threads, found in the
 * application's build: the library's compilation (with {@code -summaries}) cannot see a task that
 * writes its map and reports nothing, but keeps the finding in its class's summary; the
 * application's compilation, with the library's classes or jar on its class path, decides it
 * against its own calls and reports it, naming the library's file and line, before javac counts its
 * warnings ({@code -Werror} fails).
 */
class LibrarySummariesBuildTest {
  private static final String VERSIONS = OptionSources.text(OptionSources.PLUGIN_VERSIONS);
  private static final String INVENTORY =
      String.join(
          "\n",
          "package stock;",
          "import java.util.HashMap;",
          "import java.util.Map;",
          "public class InventoryService {",
          "  private final Map<String, Integer> reserved = new HashMap<>();",
          "  public void reserve(String sku, int quantity) {",
          "    reserved.merge(sku, quantity, Integer::sum);",
          "  }",
          "  public int reservedOf(String sku) {",
          "    return reserved.getOrDefault(sku, 0);",
          "  }",
          "}");
  private static final String LOADER = OptionSources.text(OptionSources.PLUGIN_LOADER);
  private static final String PROCESSOR =
      String.join(
          "\n",
          "package app;",
          "import java.util.concurrent.ExecutorService;",
          "import java.util.concurrent.Executors;",
          "import stock.InventoryService;",
          "public class OrderProcessor {",
          "  private final InventoryService inventory;",
          "  private final ExecutorService pool = Executors.newFixedThreadPool(4);",
          "  public OrderProcessor(InventoryService inventory) {",
          "    this.inventory = inventory;",
          "  }",
          "  public void process(String sku, int quantity) {",
          "    pool.submit(() -> inventory.reserve(sku, quantity));",
          "  }",
          "  public int pending(String sku) {",
          "    return inventory.reservedOf(sku);",
          "  }",
          "}");
  /** The application uses the library on its callers' threads only: nothing to report. */
  private static final String SETUP =
      String.join(
          "\n",
          "package app;",
          "import plugins.PluginVersions;",
          "import stock.InventoryService;",
          "public class Setup {",
          "  private final InventoryService inventory = new InventoryService();",
          "  public void install(String jar) {",
          "    PluginVersions.record(jar, \"1.0\");",
          "    inventory.reserve(jar, 1);",
          "  }",
          "}");

  private static final String STATIC_WRITE =
      "PluginVersions.java:"
          + OptionSources.PLUGIN_VERSIONS_WRITE_LINE
          + " (from its summary on the class path): 'VERSIONS' is written here without a lock";
  private static final String STATIC_TASK = OptionSources.PLUGIN_LOADER_TASK;
  private static final String INSTANCE_WRITE =
      "InventoryService.java:7 (from its summary on the class path): 'reserved' is written here without a lock";
  private static final String INSTANCE_TASK =
      "it is written in the task submitted at OrderProcessor.java:12, through InventoryService.reserve on"
          + " OrderProcessor's field 'inventory'";

  @TempDir Path dir;
  private Path libraryClasses;
  private List<Path> librarySources;

  @BeforeEach
  void library() throws IOException {
    librarySources =
        List.of(
            write("lib/src/plugins/PluginVersions.java", VERSIONS),
            write("lib/src/stock/InventoryService.java", INVENTORY));
    libraryClasses = Files.createDirectories(dir.resolve("lib/classes"));
  }

  private Path write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
  }

  /** The outcome of one compilation: whether javac succeeded, and its diagnostics as "KIND: message". */
  private record Compiled(boolean ok, List<String> diagnostics) {
    boolean reports(String kind, String... parts) {
      return diagnostics.stream()
          .anyMatch(d -> d.startsWith(kind) && Stream.of(parts).allMatch(d::contains));
    }

    boolean reportsAnyFinding() {
      return diagnostics.stream().anyMatch(d -> d.contains("[UnsynchronizedSharedMap]"));
    }
  }

  private Compiled compile(Path output, String classPath, List<String> options, List<Path> sources)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-d",
                Files.createDirectories(output).toString(),
                "-classpath",
                classPath,
                "-processorpath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
    arguments.addAll(options);
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok =
          javac.getTask(out, files, diagnostics, arguments, null, files.getJavaFileObjectsFromPaths(sources)).call();
      return new Compiled(
          ok,
          diagnostics.getDiagnostics().stream()
              .map(d -> d.getKind() + ": " + d.getMessage(null))
              .collect(Collectors.toList()));
    }
  }

  private Compiled buildLibrary(String... options) throws IOException {
    Compiled library = compile(libraryClasses, libraryClasses.toString(), List.of(options), librarySources);
    assertTrue(library.ok(), library.diagnostics().toString());
    return library;
  }

  private Compiled buildApplication(String classPath, String... options) throws IOException {
    return compile(
        dir.resolve("app/classes"),
        classPath,
        List.of(options),
        List.of(
            write("app/src/app/PluginLoader.java", LOADER),
            write("app/src/app/OrderProcessor.java", PROCESSOR),
            write("app/src/app/Setup.java", SETUP)));
  }

  /** An application of the one file {@code path} holding {@code source}, built with the plugin against the library's classes. */
  private Compiled buildApplicationOf(String path, String source) throws IOException {
    return compile(
        dir.resolve("app/classes"), libraryClasses.toString(), List.of("-Xplugin:MapGuard"), List.of(write(path, source)));
  }

  @Test
  void theLibrarysBuildKeepsWhatItCannotDecideAndReportsNothing() throws IOException {
    Compiled library = buildLibrary("-Xplugin:MapGuard -summaries");
    assertFalse(library.reportsAnyFinding(), library.diagnostics().toString());
    String summary =
        Files.readString(
            libraryClasses.resolve(CallSummaries.RESOURCE_DIRECTORY).resolve(CallSummaries.fileName("plugins.PluginVersions")));
    assertTrue(
        summary.contains("finding\tUnsynchronizedSharedMap\t" + OptionSources.PLUGIN_VERSIONS_WRITE_LINE + "\t"), summary);
    assertTrue(summary.contains("\twritten-by-task-elsewhere\t"), summary);
  }

  @Test
  void aFindingTheLibrarysBuildReportsIsNotCarriedOn() throws IOException {
    Compiled both =
        compile(
            libraryClasses,
            libraryClasses.toString(),
            List.of("-Xplugin:MapGuard -summaries"),
            List.of(librarySources.get(0), write("lib/src/app/PluginLoader.java", LOADER)));
    assertTrue(both.reports("WARNING", "'VERSIONS' is written here without a lock", STATIC_TASK), both.diagnostics().toString());
    String summary =
        Files.readString(
            libraryClasses.resolve(CallSummaries.RESOURCE_DIRECTORY).resolve(CallSummaries.fileName("plugins.PluginVersions")));
    assertFalse(summary.contains("finding\t"), summary);
  }

  @Test
  void theApplicationsBuildReportsTheLibrarysMapItsTasksWrite() throws IOException {
    buildLibrary("-Xplugin:MapGuard -summaries");
    Compiled application = buildApplication(libraryClasses.toString(), "-Xplugin:MapGuard");
    assertTrue(application.ok());
    assertTrue(application.reports("WARNING", STATIC_WRITE, STATIC_TASK), application.diagnostics().toString());
    assertTrue(application.reports("WARNING", INSTANCE_WRITE, INSTANCE_TASK), application.diagnostics().toString());
    // one finding per race, the reason the summary's condition stood for before the other access
    assertTrue(
        application.reports(
            "WARNING",
            "PluginVersions.java:" + OptionSources.PLUGIN_VERSIONS_WRITE_LINE + " (from its summary",
            STATIC_TASK + ". Guard every access with one lock or use ConcurrentHashMap. Also unguarded: line "
                + OptionSources.PLUGIN_VERSIONS_READ_LINE + " (read)."),
        application.diagnostics().toString());
  }

  @Test
  void theApplicationsSubclassWritingTheLibrarysMapInATaskMakesItShared() throws IOException {
    Path shelf =
        write(
            "lib/src/docks/Shelf.java",
            String.join(
                "\n",
                "package docks;",
                "import java.util.HashMap;",
                "import java.util.Map;",
                "public abstract class Shelf {",
                "  protected final Map<String, Integer> onHand = new HashMap<>();",
                "  public int available(String item) {",
                "    return onHand.getOrDefault(item, 0);",
                "  }",
                "}"));
    Compiled library = compile(libraryClasses, libraryClasses.toString(), List.of("-Xplugin:MapGuard -summaries"), List.of(shelf));
    assertTrue(library.ok() && !library.reportsAnyFinding(), library.diagnostics().toString());
    String receiving =
        String.join(
            "\n",
            "package app;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Executors;",
            "public class Receiving extends docks.Shelf {",
            "  private final ExecutorService dock = Executors.newSingleThreadExecutor();",
            "  public void start() {",
            "    dock.execute(() -> onHand.merge(\"pallet\", 1, Integer::sum));",
            "  }",
            "}");
    Compiled application = buildApplicationOf("app/src/app/Receiving.java", receiving);
    assertTrue(
        application.reports(
            "WARNING",
            "Shelf.java:7 (from its summary on the class path): 'onHand' is read here without a lock",
            "it is written in the task submitted at Receiving.java:7, where a subclass uses it as its own"
                + " (Receiving.java:7), and Shelf.available reads it on its callers' threads"),
        application.diagnostics().toString());
  }

  @Test
  void werrorFailsTheApplicationsBuild() throws IOException {
    buildLibrary("-Xplugin:MapGuard -summaries");
    Compiled application = buildApplication(libraryClasses.toString(), "-Xplugin:MapGuard", "-Werror");
    assertFalse(application.ok(), application.diagnostics().toString());
    assertTrue(application.reports("WARNING", STATIC_WRITE), application.diagnostics().toString());
  }

  @Test
  void theLibrarysJarCarriesItsFindingsToo() throws IOException {
    buildLibrary("-Xplugin:MapGuard -summaries");
    Path jar = dir.resolve("lib.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> classes = Files.walk(libraryClasses)) {
      // as the jar tool, Maven and Gradle write it: each directory an entry of its own
      for (Path entry : classes.filter(p -> !p.equals(libraryClasses)).sorted().toList()) {
        String name = libraryClasses.relativize(entry).toString().replace('\\', '/');
        out.putNextEntry(new JarEntry(Files.isDirectory(entry) ? name + "/" : name));
        if (Files.isRegularFile(entry)) {
          out.write(Files.readAllBytes(entry));
        }
        out.closeEntry();
      }
    }
    Compiled application = buildApplication(jar.toString(), "-Xplugin:MapGuard");
    assertTrue(application.reports("WARNING", STATIC_WRITE, STATIC_TASK), application.diagnostics().toString());
  }

  @Test
  void errorProneReportsThemAtTheLevelTheBuildGivesTheRule() throws IOException {
    buildLibrary(
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:UnsynchronizedSharedMap:WARN -XepOpt:MapGuard:Summaries=true");
    Compiled warned =
        buildApplication(
            libraryClasses.toString(),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:UnsynchronizedSharedMap:WARN");
    assertTrue(warned.ok());
    assertTrue(warned.reports("WARNING", STATIC_WRITE, STATIC_TASK), warned.diagnostics().toString());
    assertTrue(warned.reports("WARNING", INSTANCE_WRITE, INSTANCE_TASK), warned.diagnostics().toString());

    Compiled raised =
        buildApplication(
            libraryClasses.toString(),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:UnsynchronizedSharedMap:ERROR");
    assertFalse(raised.ok());
    assertTrue(raised.reports("ERROR", STATIC_WRITE), raised.diagnostics().toString());

    Compiled off =
        buildApplication(
            libraryClasses.toString(),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:UnsynchronizedSharedMap:OFF -Xep:ConcurrentMapNullValue:WARN");
    assertFalse(off.reportsAnyFinding(), off.diagnostics().toString());
  }

  @Test
  void callsOnTheCallersThreadsOnlyReportNothing() throws IOException {
    buildLibrary("-Xplugin:MapGuard -summaries");
    Compiled application = buildApplicationOf("app/src/app/Setup.java", SETUP);
    assertTrue(application.ok());
    assertFalse(application.reportsAnyFinding(), application.diagnostics().toString());
  }

  @Test
  void aLibraryBuiltWithoutSummariesCarriesNothing() throws IOException {
    buildLibrary("-Xplugin:MapGuard");
    Compiled application = buildApplication(libraryClasses.toString(), "-Xplugin:MapGuard");
    assertFalse(application.reportsAnyFinding(), application.diagnostics().toString());
  }

  @Test
  void theReportFileListsThemAtTheLibrarysPlace() throws IOException {
    buildLibrary("-Xplugin:MapGuard -summaries");
    Path report = dir.resolve("app/mapguard.sarif");
    buildApplication(libraryClasses.toString(), "-Xplugin:MapGuard -report=" + report);
    String sarif = Files.readString(report);
    assertTrue(sarif.contains("PluginVersions.java"), sarif);
    int line = OptionSources.PLUGIN_VERSIONS_WRITE_LINE;
    assertTrue(sarif.contains("\"startLine\" : " + line) || sarif.contains("\"startLine\":" + line), sarif);
    assertEquals(2, count(sarif, "\"ruleId\""), sarif); // two races, each reported once
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}

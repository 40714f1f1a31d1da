package io.mapguard.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.project.CallSummaries;
import io.mapguard.fixtures.OptionSources;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Call summaries as an incremental build uses them (with {@code -summaries}): a first compilation of
 * the whole module writes each class's summary into the class output; a second compiles only the changed class, with the
 * output on the class path (as Maven and Gradle pass it), and still knows the calls of the classes
 * it does not compile. Here the finding that depends on them: a caller in another class passes null
 * to a method that puts it into a ConcurrentHashMap.
 */
class CallSummariesBuildTest {
  private static final String REGISTRY = OptionSources.text(OptionSources.REGISTRY);
  private static final String SETUP = OptionSources.text(OptionSources.SETUP);
  private static final String FINDING = OptionSources.SETUP_PASSES_NULL;

  @TempDir Path dir;
  private Path registry;
  private Path setup;
  private Path classes;

  @BeforeEach
  void sources() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/handlers"));
    registry = Files.writeString(sources.resolve("Registry.java"), REGISTRY, StandardCharsets.UTF_8);
    setup = Files.writeString(sources.resolve("Setup.java"), SETUP, StandardCharsets.UTF_8);
    classes = Files.createDirectories(dir.resolve("classes"));
  }

  private List<String> compile(String plugin, List<Path> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-classpath",
                classes.toString(),
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-processorpath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                plugin));
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok =
          javac
              .getTask(output, files, diagnostics, arguments, null, files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertTrue(ok, output + " " + diagnostics.getDiagnostics());
    }
    return diagnostics.getDiagnostics().stream()
        .map(d -> d.getKind() + ": " + d.getMessage(null))
        .collect(Collectors.toList());
  }

  private Path summaryOf(String className) {
    return classes.resolve(CallSummaries.RESOURCE_DIRECTORY).resolve(CallSummaries.fileName(className));
  }

  private static boolean reports(List<String> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.startsWith("WARNING") && d.contains(FINDING));
  }

  @Test
  void aRecompiledClassKeepsTheEvidenceOfClassesNotCompiledAgain() throws IOException {
    assertTrue(reports(compile("-Xplugin:MapGuard -summaries", List.of(registry, setup))));
    assertTrue(Files.isRegularFile(summaryOf("handlers.Setup")));
    assertTrue(Files.isRegularFile(summaryOf("handlers.Registry")));

    // reading needs no option: only writing does
    List<String> again = compile("-Xplugin:MapGuard", List.of(registry));
    assertTrue(reports(again), again.toString());
  }

  @Test
  void errorProneWritesAndReadsTheSameSummaries() throws IOException {
    String errorProne =
        "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:ConcurrentMapNullValue:WARN -XepOpt:MapGuard:Summaries=true";
    assertTrue(reports(compile(errorProne, List.of(registry, setup))));
    assertTrue(Files.isRegularFile(summaryOf("handlers.Setup")));
    List<String> again = compile(errorProne, List.of(registry));
    assertTrue(reports(again), again.toString());
  }

  @Test
  void errorProneWritesNoneUnlessAsked() throws IOException {
    compile("-Xplugin:ErrorProne -XepDisableAllChecks -Xep:ConcurrentMapNullValue:WARN", List.of(registry, setup));
    assertFalse(Files.exists(classes.resolve(CallSummaries.RESOURCE_DIRECTORY)));
  }

  @Test
  void withoutSummariesTheRecompiledClassLosesIt() throws IOException {
    assertTrue(reports(compile("-Xplugin:MapGuard", List.of(registry, setup))));
    assertFalse(Files.exists(classes.resolve(CallSummaries.RESOURCE_DIRECTORY)));
    assertFalse(reports(compile("-Xplugin:MapGuard", List.of(registry))));
  }

  @Test
  void aClassCompiledNowIsReadFromItsSourceNotItsOldSummary() throws IOException {
    compile("-Xplugin:MapGuard -summaries", List.of(registry, setup));
    // the caller no longer passes null: its old summary says it does, but it is compiled again
    Files.writeString(setup, SETUP.replace("null", "() -> {}"), StandardCharsets.UTF_8);
    assertFalse(reports(compile("-Xplugin:MapGuard -summaries", List.of(registry, setup))));
    CallSummaries.ClassCalls rewritten = read(summaryOf("handlers.Setup"));
    assertEquals(1, rewritten.sites().size());
    assertEquals(Set.of(), rewritten.sites().get(0).nullArguments(), "the summary is rewritten");
  }

  private static CallSummaries.ClassCalls read(Path summary) throws IOException {
    try {
      return CallSummaries.read(Files.readString(summary));
    } catch (CallSummaries.UnreadableSummary e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anUnreadableSummaryIsOneNoteAndTheBuildGoesOn() throws IOException {
    compile("-Xplugin:MapGuard -summaries", List.of(registry, setup));
    Files.writeString(summaryOf("handlers.Setup"), "mapguard-summary\t99\nclass\thandlers.Setup\tx\n");
    List<String> again = compile("-Xplugin:MapGuard -summaries", List.of(registry));
    assertFalse(reports(again));
    assertEquals(
        1,
        again.stream()
            .filter(d -> d.startsWith("NOTE") && d.contains("summary version 99, this mapguard reads version " + CallSummaries.VERSION))
            .count(),
        again.toString());
  }

  @Test
  void aRecompiledGetterKeepsTheChangesCallersMakeToWhatItReturns() throws IOException {
    Path sources = dir.resolve("src/handlers");
    Path sessions =
        Files.writeString(
            sources.resolve("Sessions.java"),
            String.join(
                "\n",
                "package handlers;",
                "import java.util.*;",
                "import java.util.concurrent.ConcurrentHashMap;",
                "public class Sessions {",
                "  private static final Map<String, List<String>> TAGS = new ConcurrentHashMap<>();",
                "  public static void open(String id) { TAGS.put(id, new ArrayList<>()); }",
                "  public static List<String> tagsOf(String id) { return TAGS.get(id); }",
                "}"),
            StandardCharsets.UTF_8);
    Path tagger =
        Files.writeString(
            sources.resolve("Tagger.java"),
            String.join(
                "\n",
                "package handlers;",
                "class Tagger {",
                "  void tag(String id, String tag) { Sessions.tagsOf(id).add(tag); }",
                "}"),
            StandardCharsets.UTF_8);
    String changedByTagger = "Tagger.tag (Tagger.java:3) changes it (add) with no lock held";
    List<String> first = compile("-Xplugin:MapGuard -summaries", List.of(sessions, tagger));
    assertTrue(first.stream().anyMatch(d -> d.startsWith("WARNING") && d.contains(changedByTagger)), first.toString());
    assertEquals(Set.of("add"), read(summaryOf("handlers.Tagger")).sites().get(0).resultUses());

    List<String> again = compile("-Xplugin:MapGuard", List.of(sessions));
    assertTrue(again.stream().anyMatch(d -> d.startsWith("WARNING") && d.contains(changedByTagger)), again.toString());
  }
}

package io.mapguard.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.mapguard.testing.RacySource;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report file end to end, as a build uses it: javac compiles a file from disk with the plain
 * plugin or Error Prone and the report option, and the file it leaves is SARIF that the official
 * 2.1.0 schema accepts (test-fixtures' sarif/README.md says where the schema comes from).
 */
class ReportFileTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String RACY = RacySource.text() + "\n";
  private static Schema schema;

  @TempDir Path dir;
  private Path racy;

  @BeforeAll
  static void loadSchema() throws IOException {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    try (InputStream in =
        ReportFileTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = registry.getSchema(in);
    }
  }

  @BeforeEach
  void source() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    racy = Files.writeString(dir.resolve("src/Racy.java"), RACY, StandardCharsets.UTF_8);
  }

  /** Compiles {@code source} with {@code options}; javac's diagnostics, as kind: message. */
  private List<String> compile(Path source, String... options) throws IOException {
    return compile(true, source, options);
  }

  private List<String> compile(boolean succeeds, Path source, String... options)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of(
            "-d",
            Files.createDirectories(dir.resolve("classes")).toString(),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-processorpath",
            // Surefire runs tests from a manifest-only jar; it passes the real path in this property.
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
    arguments.addAll(List.of(options));
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok =
          javac
              .getTask(output, files, diagnostics, arguments, null, files.getJavaFileObjects(source))
              .call();
      assertEquals(succeeds, ok, output + " " + diagnostics.getDiagnostics());
    }
    return diagnostics.getDiagnostics().stream()
        .map(d -> d.getKind() + ": " + d.getMessage(null))
        .collect(Collectors.toList());
  }

  private static JsonNode validReport(Path report) throws IOException {
    String json = Files.readString(report);
    List<String> errors = new ArrayList<>();
    for (Error error : schema.validate(json, InputFormat.JSON)) {
      errors.add(error.toString());
    }
    assertEquals(List.of(), errors, json);
    return JSON.readTree(json);
  }

  private static List<String> rulesAndLines(JsonNode report) {
    List<String> found = new ArrayList<>();
    for (JsonNode result : report.at("/runs/0/results")) {
      found.add(
          result.get("ruleId").asString()
              + ":"
              + result.at("/locations/0/physicalLocation/region/startLine").asInt());
    }
    return found;
  }

  @Test
  void pluginWritesTheFindingsOfTheCompilation() throws IOException {
    Path report = dir.resolve("target/reports/mapguard.sarif"); // its directories do not exist yet

    List<String> diagnostics = compile(racy, "-Xplugin:MapGuard -report=" + report);

    // one race, reported once at its write
    assertEquals(1, diagnostics.stream().filter(d -> d.startsWith("WARNING")).count(), diagnostics.toString());
    JsonNode log = validReport(report);
    assertEquals("mapguard", log.at("/runs/0/tool/driver/name").asString());
    assertEquals(
        "Unsynchronized shared map", log.at("/runs/0/tool/driver/rules/0/name").asString());
    assertEquals(List.of("UnsynchronizedSharedMap:5"), rulesAndLines(log));
    JsonNode race = log.at("/runs/0/results/0");
    String text = race.at("/message/text").asString();
    assertTrue(text.startsWith("'m' is written here without a lock"), race.toString());
    assertTrue(text.endsWith("Also unguarded: line 6 (read)."), race.toString());
    JsonNode location = race.at("/locations/0/physicalLocation");
    assertEquals(dir.resolve("src/Racy.java").toUri().toString(), location.at("/artifactLocation/uri").asString());
    // the evidence the message cites, which is the race's other access too
    assertEquals(6, race.at("/relatedLocations/0/physicalLocation/region/startLine").asInt());
    assertEquals(
        "read by callers of get()", race.at("/relatedLocations/0/message/text").asString());
    assertEquals(true, log.at("/runs/0/invocations/0/executionSuccessful").asBoolean());
  }

  @Test
  void aCompilationWithoutFindingsWritesAnEmptyReport() throws IOException {
    Path clean = Files.writeString(dir.resolve("src/Clean.java"), "class Clean {}\n");
    Path report = dir.resolve("mapguard.sarif");

    compile(clean, "-Xplugin:MapGuard -report=" + report);

    assertEquals(List.of(), rulesAndLines(validReport(report)));
  }

  @Test
  void aCompilationWithErrorsSaysSoInTheReport() throws IOException {
    Path broken = Files.writeString(dir.resolve("src/Broken.java"), "class Broken { int x = y; }\n");
    Path report = dir.resolve("mapguard.sarif");

    compile(false, broken, "-Xplugin:MapGuard -report=" + report);

    JsonNode invocation = validReport(report).at("/runs/0/invocations/0");
    assertEquals(false, invocation.get("executionSuccessful").asBoolean());
    assertTrue(
        invocation.at("/toolExecutionNotifications/0/message/text").asString()
            .startsWith("the compilation had errors"),
        invocation.toString());
  }

  @Test
  void anUnwritableReportIsOneNoteAndTheBuildGoesOn() throws IOException {
    Path aFile = Files.writeString(dir.resolve("not-a-directory"), "");

    List<String> diagnostics =
        compile(racy, "-Xplugin:MapGuard -report=" + aFile.resolve("mapguard.sarif"));

    List<String> notes =
        diagnostics.stream().filter(d -> d.startsWith("NOTE")).collect(Collectors.toList());
    assertEquals(1, notes.size(), diagnostics.toString());
    assertTrue(
        notes.get(0).startsWith("NOTE: mapguard: cannot write the report " + aFile.resolve("mapguard.sarif")),
        notes.get(0));
    assertEquals(1, diagnostics.stream().filter(d -> d.startsWith("WARNING")).count());
  }

  @Test
  void reportWithoutAFileIsABadOption() throws IOException {
    List<String> diagnostics = compile(racy, "-Xplugin:MapGuard -report=");

    assertTrue(
        diagnostics.contains(
            "WARNING: mapguard: bad option '-report=': expected -report=FILE; the other options apply"),
        diagnostics.toString());
    // the bad option, then the findings: the compilation goes on
    assertEquals(2, diagnostics.stream().filter(d -> d.startsWith("WARNING")).count(), diagnostics.toString());
  }

  @Test
  void errorProneWritesTheSameReportWithFixes() throws IOException {
    Path report = dir.resolve("target/mapguard.sarif");

    List<String> diagnostics =
        compile(
            false, // the findings are errors
            racy,
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:UnsynchronizedSharedMap:ERROR"
                + " -XepOpt:MapGuard:Report="
                + report);

    assertEquals(1, diagnostics.stream().filter(d -> d.contains("[UnsynchronizedSharedMap]")).count(), diagnostics.toString());
    JsonNode log = validReport(report);
    assertEquals(List.of("UnsynchronizedSharedMap:5"), rulesAndLines(log));
    // the findings are javac errors, but the compilation itself succeeded
    assertEquals(true, log.at("/runs/0/invocations/0/executionSuccessful").asBoolean());
    JsonNode write = log.at("/runs/0/results/0");
    assertEquals("error", write.get("level").asString());
    assertEquals(6, write.at("/relatedLocations/0/physicalLocation/region/startLine").asInt());
    // Error Prone's edits as character ranges: applied, they make the field a ConcurrentHashMap
    JsonNode fix = write.at("/fixes/0");
    assertEquals("Create 'm' as a ConcurrentHashMap.", fix.at("/description/text").asString());
    String fixed = apply(RACY, fix.at("/artifactChanges/0/replacements"));
    assertTrue(fixed.contains("private final Map<String, Integer> m = new ConcurrentHashMap<>();"), fixed);
    assertTrue(fixed.contains("import java.util.concurrent.ConcurrentHashMap;"), fixed);
  }

  /** Applies SARIF replacements (character ranges of the original text), last first. */
  private static String apply(String text, JsonNode replacements) {
    List<JsonNode> edits = new ArrayList<>();
    replacements.forEach(edits::add);
    edits.sort(
        Comparator.comparingInt((JsonNode e) -> e.at("/deletedRegion/charOffset").asInt()).reversed());
    StringBuilder result = new StringBuilder(text);
    for (JsonNode edit : edits) {
      int offset = edit.at("/deletedRegion/charOffset").asInt();
      int length = edit.at("/deletedRegion/charLength").asInt();
      result.replace(offset, offset + length, edit.at("/insertedContent/text").asString(""));
    }
    return result.toString();
  }
}

package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format json}: one object a line, fields in a fixed order. */
class JsonFormatTest {
  @TempDir Path dir;

  @Test
  void oneObjectPerFindingInReportOrder() {
    CliHarness cli = new CliHarness(dir);
    String source =
        "class A {\n"
            + "  // FAKE(GuardedMapEscape): \"m\" escapes\n"
            + "  // FAKE(InconsistentMapLocking): unlocked read\n"
            + "}\n";
    cli.write("src/A.java", source);

    CliHarness.Result result = cli.run("--format", "json", "src");

    assertEquals(1, result.exitCode());
    assertEquals(
        List.of(
            "{\"rule\":\"GuardedMapEscape\",\"severity\":\"warning\",\"file\":\"src/A.java\",\"line\":2,\"column\":3,\"endLine\":2,\"endColumn\":40,\"message\":\"\\\"m\\\""
                + " escapes\",\"fingerprint\":\""
                + FakeAnalyzer.reportedFingerprint("src/A.java", source, "GuardedMapEscape")
                + "\",\"suggestions\":[]}",
            "{\"rule\":\"InconsistentMapLocking\",\"severity\":\"warning\",\"file\":\"src/A.java\",\"line\":3,\"column\":3,\"endLine\":3,\"endColumn\":48,\"message\":\"unlocked"
                + " read\",\"fingerprint\":\""
                + FakeAnalyzer.reportedFingerprint("src/A.java", source, "InconsistentMapLocking")
                + "\",\"suggestions\":[]}"),
        result.outLines());
    assertEquals(List.of("mapvet: 2 findings in 1 of 1 files (0 errors)"), result.errLines());
  }

  @Test
  void noFindingsNoOutput() {
    CliHarness cli = new CliHarness(dir);
    cli.write("A.java", "class A {}\n");

    CliHarness.Result result = cli.run("--format=JSON", "A.java");

    assertEquals(0, result.exitCode());
    assertEquals("", result.out());
  }

  @Test
  void fixesTheEngineConsidersSafeAreListedAsSuggestions() {
    CliHarness cli = new CliHarness(dir);
    cli.write(
        "Index.java",
        "import java.util.HashMap;\n"
            + "import java.util.List;\n"
            + "import java.util.Map;\n"
            + "class Index {\n"
            + "  Map<String, Integer> byName(List<String> names) {\n"
            + "    Map<String, Integer> m = new HashMap<>(names.size());\n"
            + "    names.forEach(n -> m.put(n, n.length()));\n"
            + "    return m;\n"
            + "  }\n"
            + "}\n");

    CliHarness.Result result = cli.runReal("--checks", "all", "--format", "json", "Index.java");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(1, result.outLines().size(), result::toString);
    String line = result.outLines().get(0);
    assertTrue(line.startsWith("{\"rule\":\"MapCapacityHint\""), line);
    assertTrue(
        line.endsWith(
            ",\"suggestions\":[\"Create the map with HashMap.newHashMap(n) (JDK 19+).\"]}"),
        line);
  }
}

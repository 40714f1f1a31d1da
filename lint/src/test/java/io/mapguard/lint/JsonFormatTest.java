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
                + "\",\"suggestions\":[],\"related\":[]}",
            "{\"rule\":\"InconsistentMapLocking\",\"severity\":\"warning\",\"file\":\"src/A.java\",\"line\":3,\"column\":3,\"endLine\":3,\"endColumn\":48,\"message\":\"unlocked"
                + " read\",\"fingerprint\":\""
                + FakeAnalyzer.reportedFingerprint("src/A.java", source, "InconsistentMapLocking")
                + "\",\"suggestions\":[],\"related\":[]}"),
        result.outLines());
    assertEquals(List.of("mapvet: 2 findings in 1 of 1 files (0 errors)"), result.errLines());
  }

  /** A race reported once lists its other accesses (and the places its message cites) as related. */
  @Test
  void aRacesOtherAccessesAreRelated() {
    CliHarness cli = new CliHarness(dir);
    cli.write(
        "Counter.java",
        "import java.util.HashMap;\n"
            + "import java.util.Map;\n"
            + "class Counter {\n"
            + "  private final Map<String, Integer> counts = new HashMap<>();\n"
            + "  void start() { new Thread(() -> counts.merge(\"a\", 1, Integer::sum)).start(); }\n"
            + "  Integer get() { return counts.get(\"a\"); }\n"
            + "  void dump() { counts.forEach((k, v) -> System.out.println(k)); }\n"
            + "}\n");

    CliHarness.Result result = cli.runReal("--format", "json", "Counter.java");

    assertEquals(1, result.outLines().size(), result::toString);
    String line = result.outLines().get(0);
    assertTrue(line.contains("\"line\":5,"), line);
    assertTrue(line.contains("Also unguarded: line 6 (read), line 7 (iterated)."), line);
    assertTrue(
        line.endsWith(
            ",\"related\":[{\"line\":6,\"column\":26,\"message\":\"read by callers of get()\"},"
                + "{\"line\":7,\"column\":17,\"message\":\"also iterated here, unguarded\"}]}"),
        line);
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
            ",\"suggestions\":[\"Create the map with HashMap.newHashMap(n) (JDK 19+).\"],\"related\":[]}"),
        line);
  }
}

package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Guava's jar mapvet cannot type {@code new MapMaker()….makeMap()} or {@code cache.asMap()}
 * from their return types, as the compiler does (the fixtures give both front ends stubs): the
 * engine's table of maps that builders and caches hand out names them (MapTypes#builtMap).
 */
class LibraryBuiltMapsWithoutJarsTest {
  private static final String REGISTRY =
      String.join(
          "\n",
          "package x;",
          "import com.google.common.cache.Cache;",
          "import com.google.common.cache.CacheBuilder;",
          "import com.google.common.collect.MapMaker;",
          "import java.util.Map;",
          "public class Registry {",
          "  private final Map<String, Object> byName = new MapMaker().weakValues().makeMap();",
          "  private final Map<String, Object> recent ="
              + " CacheBuilder.newBuilder().maximumSize(100).<String, Object>build().asMap();",
          "  private final Cache<String, Object> cache = CacheBuilder.newBuilder().build();",
          "  private final Map<String, Object> view = cache.asMap();",
          "  public synchronized void clear() { byName.clear(); recent.clear(); view.clear(); }",
          "  public Object register(String name, Object value) {",
          "    if (!byName.containsKey(name)) { byName.put(name, value); }",
          "    if (recent.get(name) == null) { recent.put(name, value); }",
          "    if (view.get(name) == null) { view.put(name, value); }",
          "    return value;",
          "  }",
          "}",
          "");

  @Test
  void checkThenActOnMapsGuavaBuilds(@TempDir Path dir) {
    CliHarness cli = new CliHarness(dir);
    cli.write("src/x/Registry.java", REGISTRY);

    CliHarness.Result result = cli.runReal("--format", "text", "src");

    List<String> findings =
        result.outLines().stream().filter(line -> line.contains("[ConcurrentMapCheckThenAct]")).toList();
    assertEquals(3, findings.size(), result::toString);
    assertTrue(findings.get(0).startsWith("src/x/Registry.java:13:"), findings::toString);
    assertTrue(findings.get(0).contains("'byName' is checked at line 13 (containsKey)"), findings::toString);
    assertTrue(findings.get(1).contains("'recent' is checked at line 14 (get == null)"), findings::toString);
    assertTrue(findings.get(2).contains("'view' is checked at line 15 (get == null)"), findings::toString);
  }
}

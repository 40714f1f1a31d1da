package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library's static cache is a finding only with {@code --static-caches-shared}. */
class StaticCachesOptionTest {
  private static final String NAMES =
      String.join(
          "\n",
          "package c;",
          "import java.util.HashMap;",
          "import java.util.Map;",
          "public class Names {",
          "  private static final Map<String, String> CANONICAL = new HashMap<>();",
          "  public static String canonical(String name) {",
          "    String known = CANONICAL.get(name);",
          "    if (known == null) {",
          "      known = name.trim();",
          "      CANONICAL.put(name, known);",
          "    }",
          "    return known;",
          "  }",
          "}",
          "");

  @Test
  void onlyOnRequest(@TempDir Path dir) {
    CliHarness cli = new CliHarness(dir);
    cli.write("src/c/Names.java", NAMES);

    CliHarness.Result quiet = cli.runReal("src");
    assertEquals(0, quiet.exitCode(), quiet::toString);

    CliHarness.Result reported = cli.runReal("--static-caches-shared", "src");
    assertEquals(1, reported.exitCode(), reported::toString);
    List<String> lines = reported.outLines();
    assertTrue(
        lines.get(0).startsWith(
            "src/c/Names.java:10:7: 'CANONICAL' is written here without a lock, but it is shared: it"
                + " is a static map that Names.canonical() writes on the thread of whoever calls it,"
                + " and static caches count as shared (option staticCachesShared)."),
        lines::toString);
    assertTrue(lines.get(0).contains("Also unguarded: line 7 (read)."), lines::toString);
  }
}

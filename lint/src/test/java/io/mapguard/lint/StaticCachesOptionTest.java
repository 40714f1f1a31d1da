package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.fixtures.OptionSources;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library's static cache is a finding only with {@code --static-caches-shared}. */
class StaticCachesOptionTest {
  @Test
  void onlyOnRequest(@TempDir Path dir) {
    CliHarness cli = new CliHarness(dir);
    cli.write("src/c/Names.java", OptionSources.text(OptionSources.STATIC_CACHE));

    CliHarness.Result quiet = cli.runReal("src");
    assertEquals(0, quiet.exitCode(), quiet::toString);

    CliHarness.Result reported = cli.runReal("--static-caches-shared", "src");
    assertEquals(1, reported.exitCode(), reported::toString);
    List<String> lines = reported.outLines();
    assertTrue(
        lines.get(0).startsWith(
            "src/c/Names.java:" + OptionSources.STATIC_CACHE_PUT_LINE + ":7: 'CANONICAL' is written here without a lock, but it is shared: it"
                + " is a static map that Names.canonical() writes on the thread of whoever calls it,"
                + " and static caches count as shared (option staticCachesShared)."),
        lines::toString);
    assertTrue(lines.get(0).contains("Also unguarded: line 7 (read)."), lines::toString);
  }
}

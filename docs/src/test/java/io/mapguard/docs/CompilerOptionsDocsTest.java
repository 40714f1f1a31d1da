package io.mapguard.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.compiler.CompilerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The user guide's options table lists every option both compiler front ends take, and the guide
 * says how mapguard and Error Prone's own GuardedBy check coexist (GuardedByCoexistenceTest in the
 * checker keeps what it says true).
 */
class CompilerOptionsDocsTest {
  private static final Path GUIDE = Path.of("user-guide.md");

  private static String section(String heading) throws IOException {
    String guide = Files.readString(GUIDE);
    int start = guide.indexOf("\n" + heading + "\n");
    assertTrue(start >= 0, "user-guide.md has no section " + heading);
    int end = guide.indexOf("\n## ", start + heading.length() + 1);
    return guide.substring(start, end < 0 ? guide.length() : end);
  }

  @Test
  void theOptionsTableListsEveryOption() throws IOException {
    List<String> tableRows = new ArrayList<>();
    for (String line : section("## Options").split("\n")) {
      if (line.startsWith("| `")) {
        tableRows.add(line);
      }
    }
    List<String> names = new ArrayList<>(CompilerOptions.pluginNames());
    names.addAll(CompilerOptions.errorProneNames());
    for (String name : names) {
      assertTrue(
          tableRows.stream().anyMatch(row -> row.contains("`" + name)),
          "the user guide's options table lacks " + name);
    }
  }

  @Test
  void badOptionsAndErrorPronesGuardedByCheckAreDescribed() throws IOException {
    String badOptions = section("## Options");
    assertTrue(badOptions.contains("### Bad options"), "no Bad options subsection");
    String guardedBy = section("## Error Prone's own `GuardedBy` check");
    for (String text : List.of("-Xep:GuardedBy:OFF", "-Xep:GuardedBy:WARN", "io.mapguard.annotations.GuardedBy")) {
      assertTrue(guardedBy.contains(text), "the GuardedBy section does not mention " + text);
    }
    assertTrue(
        Files.readString(Path.of("rules/InconsistentMapLocking.md"))
            .contains("../user-guide.md#error-prones-own-guardedby-check"),
        "InconsistentMapLocking.md does not link to the GuardedBy section");
  }
}

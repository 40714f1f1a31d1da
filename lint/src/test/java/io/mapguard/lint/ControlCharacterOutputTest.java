package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mapguard.lint.text.ControlCharacters;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names come from the repository being scanned: a line break in one must not start a line of
 * its own in the text report or on stderr, where CI reads {@code ::error …} lines as commands.
 */
class ControlCharacterOutputTest {
  private static final String INJECTED = "src/x\n::error file=README.md::pwned\n.java";

  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void files() {
    cli = new CliHarness(dir);
  }

  @Test
  void aLineBreakInAFileNameIsEscapedInFindings() {
    cli.write(INJECTED, "class X {\n  // FAKE(GuardedMapEscape): 'm' escapes\n}\n");

    CliHarness.Result result = cli.run("src");

    assertEquals(
        List.of(
            "src/x\\n::error file=README.md::pwned\\n.java:2:3: 'm' escapes [GuardedMapEscape]"),
        result.outLines());
    assertFalse(result.err().contains("\n::"), result::toString);
  }

  @Test
  void aLineBreakInAFileNameIsEscapedInDiagnostics() {
    cli.write(INJECTED, "class X {\n  SYNTAX ERROR\n}\n");
    cli.write("src/Ok.java", "class Ok {}\n");

    CliHarness.Result result = cli.run("src");

    assertEquals(
        List.of(
            "src/x\\n::error file=README.md::pwned\\n.java:2:3: parse error: fake parse error",
            "mapvet: 0 findings in 1 of 2 files (1 error); incomplete: 1 file not analysed"),
        result.errLines());
  }

  @Test
  void controlsSeparatorsAndBidiOverridesAreEscaped() {
    assertEquals("plain/A.java", ControlCharacters.escape("plain/A.java"));
    assertEquals(
        "a\\r\\n\\tb\\u001B[31m\\u0085\\u2028\\u202Ec\\u2066",
        ControlCharacters.escape("a\r\n\tb\u001b[31m\u0085\u2028\u202Ec\u2066"));
    assertEquals("caf\u00e9 \u4e2d", ControlCharacters.escape("caf\u00e9 \u4e2d"));
  }
}

package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code // mapvet:ignore Rule -- reason} through the whole command line. */
class IgnoreDirectiveTest {
  private static final String SUMMARY_ONE_FILE = " in 1 of 1 files (0 errors";

  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void harness() {
    cli = new CliHarness(dir);
  }

  private CliHarness.Result scan(String source, String... options) {
    cli.write("A.java", source);
    String[] args = new String[options.length + 1];
    System.arraycopy(options, 0, args, 0, options.length);
    args[options.length] = "A.java";
    return cli.run(args);
  }

  @Test
  void directiveOnTheLineAboveSuppresses() {
    CliHarness.Result result =
        scan(
            "class A {\n"
                + "  // mapvet:ignore InconsistentMapLocking -- only the reaper thread calls this\n"
                + "  // FAKE(InconsistentMapLocking): unlocked\n"
                + "}\n");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", result.out());
    assertEquals(
        List.of("mapvet: 0 findings" + SUMMARY_ONE_FILE + ", 1 ignored)"), result.errLines());
  }

  @Test
  void directiveOnTheSameLineSuppresses() {
    CliHarness.Result result =
        scan(
            "class A {\n"
                + "  /* FAKE(InconsistentMapLocking): unlocked */ int x; // mapvet:ignore"
                + " InconsistentMapLocking -- ok\n"
                + "}\n");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void directiveTwoLinesAboveDoesNot() {
    CliHarness.Result result =
        scan(
            "class A {\n"
                + "  // mapvet:ignore InconsistentMapLocking -- too far away\n"
                + "\n"
                + "  // FAKE(InconsistentMapLocking): unlocked\n"
                + "}\n");

    assertEquals(1, result.exitCode());
    assertEquals(List.of("A.java:4:3: unlocked [InconsistentMapLocking]"), result.outLines());
  }

  @Test
  void directiveForAnotherRuleDoesNot() {
    CliHarness.Result result =
        scan(
            "class A {\n"
                + "  // mapvet:ignore GuardedMapEscape -- wrong rule\n"
                + "  // FAKE(InconsistentMapLocking): unlocked\n"
                + "}\n");

    assertEquals(List.of("A.java:3:3: unlocked [InconsistentMapLocking]"), result.outLines());
  }

  @Test
  void oneDirectiveCanNameSeveralRules() {
    CliHarness.Result result =
        scan(
            "class A {\n"
                + "  /* FAKE(GuardedMapEscape): escapes */ // mapvet:ignore InconsistentMapLocking,"
                + " GuardedMapEscape -- ok\n"
                + "  // FAKE(InconsistentMapLocking): unlocked\n"
                + "}\n");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of("mapvet: 0 findings" + SUMMARY_ONE_FILE + ", 2 ignored)"), result.errLines());
  }

  @Test
  void directiveTextInsideAStringIsNotADirective() {
    CliHarness.Result result =
        scan(
            "class A {\n"
                + "  String s = \"// mapvet:ignore InconsistentMapLocking -- in a string\";\n"
                + "  // FAKE(InconsistentMapLocking): unlocked\n"
                + "  String t = \"\"\"\n"
                + "      // mapvet:ignore InconsistentMapLocking -- in a text block\n"
                + "      \"\"\"; /* FAKE(InconsistentMapLocking): also unlocked */\n"
                + "}\n");

    assertEquals(
        List.of(
            "A.java:3:3: unlocked [InconsistentMapLocking]",
            "A.java:6:7: also unlocked [InconsistentMapLocking]"),
        result.outLines());
  }

  @Test
  void directiveWithoutReasonIsInvalidAndSuppressesNothing() {
    CliHarness.Result result =
        scan(
            "class A {\n"
                + "  // mapvet:ignore InconsistentMapLocking\n"
                + "  // FAKE(InconsistentMapLocking): unlocked\n"
                + "}\n");

    assertEquals(1, result.exitCode());
    assertEquals(
        List.of(
            "A.java:2:3: mapvet:ignore directive gives no reason;"
                + " write // mapvet:ignore RuleName -- reason [InvalidIgnore]",
            "A.java:3:3: unlocked [InconsistentMapLocking]"),
        result.outLines());
  }

  @Test
  void directiveWithEmptyReasonIsInvalid() {
    CliHarness.Result result = scan("class A {\n  // mapvet:ignore GuardedMapEscape --   \n}\n");

    assertEquals(
        List.of(
            "A.java:2:3: mapvet:ignore directive gives no reason;"
                + " write // mapvet:ignore RuleName -- reason [InvalidIgnore]"),
        result.outLines());
  }

  @Test
  void unknownRuleIsInvalidButKnownRulesStillApply() {
    CliHarness.Result result =
        scan(
            "class A {\n"
                + "  // mapvet:ignore InconsistentMapLocking,InconsistentMapLockin -- typo in the"
                + " second\n"
                + "  // FAKE(InconsistentMapLocking): unlocked\n"
                + "}\n");

    assertEquals(
        List.of(
            "A.java:2:3: unknown rule 'InconsistentMapLockin' in mapvet:ignore directive (rules: "
                + EngineRules.NAMES
                + ") [InvalidIgnore]"),
        result.outLines());
  }

  @Test
  void directiveWithoutRuleIsInvalid() {
    CliHarness.Result result = scan("class A {\n  // mapvet:ignore -- why\n}\n");

    assertEquals(
        List.of(
            "A.java:2:3: mapvet:ignore directive names no rule; write // mapvet:ignore RuleName --"
                + " reason [InvalidIgnore]"),
        result.outLines());
  }

  @Test
  void misspeltDirectiveIsInvalid() {
    CliHarness.Result result = scan("class A {\n  //mapvet:ignroe GuardedMapEscape -- why\n}\n");

    assertEquals(
        List.of(
            "A.java:2:3: unknown mapvet directive 'mapvet:ignroe'; write // mapvet:ignore RuleName"
                + " -- reason [InvalidIgnore]"),
        result.outLines());
  }

  @Test
  void proseMentioningMapvetIsNotADirective() {
    CliHarness.Result result =
        scan("class A {\n  // mapvet: see docs/mapvet.md\n  /* mapvet:ignore x */\n}\n");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void unusedDirectivesAreReportedOnlyOnRequest() {
    String source =
        "class A {\n"
            + "  // mapvet:ignore GuardedMapEscape,InconsistentMapLocking -- stale\n"
            + "  // FAKE(InconsistentMapLocking): unlocked\n"
            + "}\n";

    assertEquals(0, scan(source).exitCode());

    CliHarness.Result result = scan(source, "--report-unused-ignores");
    assertEquals(1, result.exitCode());
    assertEquals(
        List.of(
            "A.java:2:3: mapvet:ignore for GuardedMapEscape suppresses no finding on this line or"
                + " the next; remove it [UnusedIgnore]"),
        result.outLines());
  }

  @Test
  void directivesForRulesThatDidNotRunAreNotUnused() {
    CliHarness.Result result =
        scan(
            "class A {\n  // mapvet:ignore GuardedMapEscape -- rule is off\n}\n",
            "--report-unused-ignores",
            "--checks=-GuardedMapEscape");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", result.out());
  }
}

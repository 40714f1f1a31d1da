package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.report.RuleNames;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --checks}, {@code --disable}, {@code --list-checks} and {@code --explain}. */
class ChecksTest {
  @TempDir Path dir;
  private CliHarness cli;
  private final AtomicReference<AnalysisOptions> seenOptions = new AtomicReference<>();

  @BeforeEach
  void files() {
    cli = new CliHarness(dir);
    cli.write(
        "A.java",
        "class A {\n"
            + "  // FAKE(UnsynchronizedSharedMap): racy\n"
            + "  // FAKE(InconsistentMapLocking): unlocked\n"
            + "  // FAKE(GuardedMapEscape): escapes\n"
            + "}\n");
  }

  private AnalyzerFactory capturing() {
    return (options, roots, classpath) -> {
      seenOptions.set(options);
      return new FakeAnalyzer();
    };
  }

  private List<String> rulesReported(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "-q";
    all[args.length + 1] = "A.java";
    CliHarness.Result result = cli.run(capturing(), all);
    return result.outLines().stream()
        .map(line -> line.substring(line.lastIndexOf('[') + 1, line.length() - 1))
        .toList();
  }

  @Test
  void defaultRunsEveryDefaultRule() {
    assertEquals(
        List.of("UnsynchronizedSharedMap", "InconsistentMapLocking", "GuardedMapEscape"),
        rulesReported());
    for (Rule rule : Rule.values()) {
      assertEquals(rule.enabledByDefault(), seenOptions.get().isEnabled(rule), rule.ruleName());
    }
  }

  @Test
  void minusRuleTurnsOneOff() {
    assertEquals(
        List.of("UnsynchronizedSharedMap", "GuardedMapEscape"),
        rulesReported("--checks", "-InconsistentMapLocking"));
    assertFalse(seenOptions.get().isEnabled(Rule.INCONSISTENT_MAP_LOCKING));
    assertTrue(seenOptions.get().isEnabled(Rule.GUARDED_MAP_ESCAPE));
  }

  @Test
  void termsApplyLeftToRight() {
    assertEquals(List.of("GuardedMapEscape"), rulesReported("--checks", "-all,GuardedMapEscape"));
    assertEquals(List.of(), rulesReported("--checks", "GuardedMapEscape,-all"));
    assertEquals(
        List.of("UnsynchronizedSharedMap", "InconsistentMapLocking", "GuardedMapEscape"),
        rulesReported("--checks", "-all,all"));
    for (Rule rule : Rule.values()) {
      assertTrue(seenOptions.get().isEnabled(rule), rule.ruleName());
    }
  }

  @Test
  void disableAppliesAfterChecks() {
    assertEquals(
        List.of("InconsistentMapLocking"),
        rulesReported(
            "--checks",
            "-all,InconsistentMapLocking,GuardedMapEscape",
            "--disable",
            "GuardedMapEscape"));
  }

  @Test
  void unknownCheckIsAUsageError() {
    CliHarness.Result result = cli.run("--checks", "all,-Nope", "A.java");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "mapvet: unknown check 'Nope' (checks: all, " + EngineRules.NAMES + ")"),
        result.errLines());
  }

  @Test
  void listChecksShowsNameDefaultAndSummary() {
    CliHarness.Result result = cli.run("--list-checks");

    assertEquals(0, result.exitCode());
    assertEquals(
        List.of(
            "UnsynchronizedSharedMap      on   " + RuleNames.UNSYNCHRONIZED_SHARED_MAP_SUMMARY,
            "InconsistentMapLocking       on   " + RuleNames.INCONSISTENT_MAP_LOCKING_SUMMARY,
            "MapWriteUnderReadLock        on   " + RuleNames.MAP_WRITE_UNDER_READ_LOCK_SUMMARY,
            "GuardedMapEscape             on   " + RuleNames.GUARDED_MAP_ESCAPE_SUMMARY,
            "UnsafeMapPublication         on   " + RuleNames.UNSAFE_MAP_PUBLICATION_SUMMARY,
            "ConcurrentMapCheckThenAct    on   " + RuleNames.CONCURRENT_MAP_CHECK_THEN_ACT_SUMMARY,
            "MutableValueInConcurrentMap  on   " + RuleNames.MUTABLE_VALUE_IN_CONCURRENT_MAP_SUMMARY,
            "ConcurrentMapNullValue       on   " + RuleNames.CONCURRENT_MAP_NULL_VALUE_SUMMARY,
            "SynchronizedMapIteration     on   " + RuleNames.SYNCHRONIZED_MAP_ITERATION_SUMMARY,
            "SynchronizedMapBypass        on   " + RuleNames.SYNCHRONIZED_MAP_BYPASS_SUMMARY,
            "MapModifiedDuringIteration   on   " + RuleNames.MAP_MODIFIED_DURING_ITERATION_SUMMARY,
            "RecursiveMapUpdate           on   " + RuleNames.RECURSIVE_MAP_UPDATE_SUMMARY,
            "MapCapacityHint              off  " + RuleNames.MAP_CAPACITY_HINT_SUMMARY),
        result.outLines());
    assertEquals("", result.err());
  }

  @Test
  void explainPrintsTheRulePage() throws IOException {
    CliHarness.Result result = cli.run("--explain", "InconsistentMapLocking");

    assertEquals(0, result.exitCode());
    String page =
        Files.readString(
            Path.of("../docs/rules/InconsistentMapLocking.md"), StandardCharsets.UTF_8);
    assertEquals(page.endsWith("\n") ? page : page + "\n", result.out());
  }

  @Test
  void explainKnowsTheDirectiveRules() {
    CliHarness.Result result = cli.run("--explain", "InvalidIgnore");

    assertEquals(0, result.exitCode());
    assertEquals("# InvalidIgnore", result.outLines().get(0));
  }

  @Test
  void explainOfAnUnknownRuleIsAUsageError() {
    CliHarness.Result result = cli.run("--explain", "Nope");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "mapvet: unknown rule 'Nope' (rules: "
                + EngineRules.NAMES
                + ", InvalidIgnore, UnusedIgnore)"),
        result.errLines());
  }
}

package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.rules.Rules;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mapvet.properties} in the working directory, {@code --config}, and which value wins. */
class ConfigFileTest {
  @TempDir Path dir;
  private CliHarness cli;
  private final AtomicReference<AnalysisOptions> seenOptions = new AtomicReference<>();

  @BeforeEach
  void files() {
    cli = new CliHarness(dir);
    cli.write(
        "src/main/A.java",
        "class A {\n"
            + "  // FAKE(GuardedMapEscape): escapes\n"
            + "  // FAKE(InconsistentMapLocking): unlocked\n"
            + "}\n");
    cli.write("src/gen/Gen.java", "class Gen {\n  // FAKE(GuardedMapEscape): generated\n}\n");
    cli.write(
        "src/main/FooGenerated.java",
        "class FooGenerated {\n  // FAKE(GuardedMapEscape): generated too\n}\n");
  }

  private AnalyzerFactory capturing() {
    return (options, roots, classpath) -> {
      seenOptions.set(options);
      return new FakeAnalyzer();
    };
  }

  /** A pull request can edit the file: turning the gate off must at least show in the log. */
  @Test
  void aConfigFileThatTurnsEveryCheckOffSaysSo() {
    cli.write("mapvet.properties", "checks = -all\n");

    CliHarness.Result result = cli.run("src");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "mapvet: warning: mapvet.properties turns off every check, so this run cannot find"
                + " anything",
            "mapvet: 0 findings in 3 of 3 files (0 errors)"),
        result.errLines());
  }

  @Test
  void aConfigFileThatTurnsChecksOffNamesThem() {
    cli.write("team.properties", "disable = GuardedMapEscape, InconsistentMapLocking\n");

    CliHarness.Result result = cli.run("--config", "team.properties", "src");

    assertEquals(
        "mapvet: warning: team.properties turns off 2 checks: InconsistentMapLocking,"
            + " GuardedMapEscape",
        result.errLines().get(0));
  }

  @Test
  void checksTheCommandLineTurnsOffNeedNoWarning() {
    cli.write("mapvet.properties", "checks = -all\n");

    CliHarness.Result result = cli.run("--checks", "-GuardedMapEscape", "src");

    assertEquals(
        List.of("mapvet: 1 finding in 3 of 3 files (0 errors)"), result.errLines(), result::toString);
  }

  @Test
  void mapvetPropertiesInTheWorkingDirectoryIsPickedUp() {
    cli.write(
        "mapvet.properties",
        "# team settings\n"
            + "checks = -all,GuardedMapEscape\n"
            + "exclude = src/gen/**, *Generated.java\n");

    CliHarness.Result result = cli.run(capturing(), "src");

    assertEquals(List.of("src/main/A.java:2:3: escapes [GuardedMapEscape]"), result.outLines());
    assertEquals(
        List.of(
            "mapvet: warning: mapvet.properties turns off 11 checks: UnsynchronizedSharedMap,"
                + " InconsistentMapLocking, MapWriteUnderReadLock, UnsafeMapPublication,"
                + " ConcurrentMapCheckThenAct, MutableValueInConcurrentMap, ConcurrentMapNullValue,"
                + " SynchronizedMapIteration, SynchronizedMapBypass, MapModifiedDuringIteration,"
                + " RecursiveMapUpdate",
            "mapvet: 1 finding in 1 of 1 files (0 errors)"),
        result.errLines());
    assertFalse(seenOptions.get().isEnabled(Rules.INCONSISTENT_MAP_LOCKING));
  }

  @Test
  void commandLineWinsKeyByKey() {
    cli.write("mapvet.properties", "checks=-all,GuardedMapEscape\nexclude=src/gen/**\n");

    CliHarness.Result result = cli.run("--checks", "-GuardedMapEscape", "src");

    // --checks replaced the file's checks; the file's exclude still applies.
    assertEquals(
        List.of("src/main/A.java:3:3: unlocked [InconsistentMapLocking]"), result.outLines());
  }

  @Test
  void disableKeyTurnsRulesOff() {
    cli.write("mapvet.properties", "disable=GuardedMapEscape\n");

    CliHarness.Result result = cli.run("src/main/A.java");

    assertEquals(
        List.of("src/main/A.java:3:3: unlocked [InconsistentMapLocking]"), result.outLines());
  }

  @Test
  void explicitConfigReplacesTheImplicitOne() {
    cli.write("mapvet.properties", "checks=-all\n");
    cli.write("ci/strict.properties", "checks=all\nexclude=src/gen/**\n");

    CliHarness.Result result = cli.run("--config", "ci/strict.properties", "src");

    assertEquals(
        List.of(
            "src/main/A.java:2:3: escapes [GuardedMapEscape]",
            "src/main/A.java:3:3: unlocked [InconsistentMapLocking]",
            "src/main/FooGenerated.java:2:3: generated too [GuardedMapEscape]"),
        result.outLines());
  }

  @Test
  void excludeDoesNotApplyToFilesNamedExplicitly() {
    cli.write("mapvet.properties", "exclude=src/gen/**\n");

    CliHarness.Result result = cli.run("src/gen/Gen.java");

    assertEquals(List.of("src/gen/Gen.java:2:3: generated [GuardedMapEscape]"), result.outLines());
  }

  @Test
  void excludeAppliesToStdinLists() {
    cli.write("mapvet.properties", "exclude=src/gen/**\n");
    cli.stdin("src/gen/Gen.java\nsrc/main/A.java\n");

    CliHarness.Result result = cli.run("-");

    assertEquals(2, result.outLines().size());
    assertTrue(result.outLines().stream().allMatch(line -> line.startsWith("src/main/A.java")));
  }

  @Test
  void methodListsReachTheAnalysisOptions() {
    cli.write(
        "mapvet.properties",
        "immediateMethods=com.acme.Locks#withLock\nthreadStartMethods=com.acme.Pool#submit\n");

    CliHarness.Result result = cli.run(capturing(), "src/main/A.java");

    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(seenOptions.get().isEnabled(Rules.GUARDED_MAP_ESCAPE));
  }

  @Test
  void staticCachesSharedFromTheFileOrTheCommandLine() {
    cli.run(capturing(), "src/main/A.java");
    assertFalse(seenOptions.get().staticCachesShared());

    cli.run(capturing(), "--static-caches-shared", "src/main/A.java");
    assertTrue(seenOptions.get().staticCachesShared());

    cli.write("mapvet.properties", "staticCachesShared = true\n");
    cli.run(capturing(), "src/main/A.java");
    assertTrue(seenOptions.get().staticCachesShared());

    cli.write("mapvet.properties", "staticCachesShared = sometimes\n");
    CliHarness.Result result = cli.run("src");
    assertEquals(2, result.exitCode());
    assertEquals(
        List.of("mapvet: staticCachesShared: expected true or false, got 'sometimes'"), result.errLines());
  }

  @Test
  void badMethodReferenceNamesTheKey() {
    cli.write("mapvet.properties", "threadStartMethods=com.acme.Pool.submit\n");

    CliHarness.Result result = cli.run("src");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "mapvet: threadStartMethods: expected Owner#method (e.g. com.acme.Pool#submit),"
                + " got 'com.acme.Pool.submit'"),
        result.errLines());
  }

  @Test
  void unknownKeyIsAnError() {
    cli.write("mapvet.properties", "exlcude=src/gen/**\n");

    CliHarness.Result result = cli.run("src");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "mapvet: mapvet.properties: unknown key 'exlcude'"
                + " (keys: checks, disable, exclude, immediateMethods, lockingCallbackMethods, threadStartMethods,"
                + " everyAccess,"
                    + " staticCachesShared)"),
        result.errLines());
  }

  @Test
  void missingExplicitConfigIsAnError() {
    CliHarness.Result result = cli.run("--config", "nope.properties", "src");

    assertEquals(2, result.exitCode());
    assertEquals(List.of("mapvet: nope.properties: no such file"), result.errLines());
  }

  @Test
  void unknownRuleInDisableIsAnError() {
    CliHarness.Result result = cli.run("--disable", "Nope", "src");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "mapvet: disable: unknown rule 'Nope' (rules: " + EngineRules.NAMES + ")"),
        result.errLines());
  }
}

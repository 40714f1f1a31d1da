package io.mapguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mapguard.lint.cli.FailOn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal's run on real sources, without Maven around it: mapvet's exit status becomes the
 * build's result, its output the log, and the SARIF file is written every time.
 */
class CheckRunTest {
  private static final String REGISTRY =
      String.join(
          "\n",
          "package com.acme;",
          "",
          "import java.util.HashMap;",
          "import java.util.Map;",
          "",
          "public class Registry {",
          "  private final Object lock = new Object();",
          "  private final Map<String, Long> sessions = new HashMap<>();",
          "",
          "  public void login(String user) {",
          "    synchronized (lock) {",
          "      sessions.put(user, 1L);",
          "    }",
          "  }",
          "",
          "  public void logout(String user) {",
          "    synchronized (lock) {",
          "      sessions.remove(user);",
          "    }",
          "  }",
          "",
          "  public boolean isLoggedIn(String user) {",
          "    return sessions.containsKey(user);%s",
          "  }",
          "}",
          "");

  @TempDir Path module;
  private final RecordingLog log = new RecordingLog();

  private void source(String suffixOnLine23) throws IOException {
    Path file = module.resolve("src/main/java/com/acme/Registry.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.format(REGISTRY, suffixOnLine23));
  }

  private CheckRequest request(FailOn failOn, boolean strict, Optional<Path> baseline) {
    return new CheckRequest(
        module,
        module,
        module.resolve("target"),
        List.of(module.resolve("src/main/java")),
        List.of(),
        failOn,
        strict,
        Optional.empty(),
        baseline,
        Optional.empty(),
        Optional.empty(),
        module.resolve("target/mapvet.sarif"));
  }

  private void check(CheckRequest request) throws MojoFailureException, MojoExecutionException {
    CheckMojo.check(request, log);
  }

  private JsonNode sarif() throws IOException {
    return new ObjectMapper().readTree(module.resolve("target/mapvet.sarif").toFile());
  }

  @Test
  void findingsFailTheBuildWithTheSummaryAndAreLoggedAsTheCommandLinePrintsThem()
      throws IOException {
    source("");

    MojoFailureException failure =
        assertThrows(
            MojoFailureException.class,
            () -> check(request(FailOn.WARNING, false, Optional.empty())));

    assertTrue(
        failure.getMessage().startsWith(
                "mapvet: 1 finding in 1 of 1 files (0 errors). The build fails on findings at or"
                    + " above failOn=warning; they are listed above and in target/mapvet.sarif."),
        failure::getMessage);
    List<String> warnings = log.at("WARN");
    assertTrue(
        warnings.get(0).startsWith("src/main/java/com/acme/Registry.java:23:12: 'sessions' is read without 'lock'"),
        log::toString);
    assertTrue(warnings.get(0).endsWith("[InconsistentMapLocking]"), log::toString);
    assertTrue(log.at("INFO").contains("mapvet: 1 finding in 1 of 1 files (0 errors)"), log::toString);
    JsonNode results = sarif().path("runs").path(0).path("results");
    assertEquals(1, results.size());
    assertEquals("InconsistentMapLocking", results.path(0).path("ruleId").asText());
  }

  @Test
  void failOnNonePassesAndStillWritesTheReport() throws Exception {
    source("");

    check(request(FailOn.NONE, false, Optional.empty()));

    assertEquals(1, sarif().path("runs").path(0).path("results").size());
    assertTrue(log.at("INFO").contains("mapguard: SARIF report: target/mapvet.sarif"), log::toString);
  }

  @Test
  void anIgnoreDirectiveIsHonoured() throws Exception {
    source(" // mapvet:ignore InconsistentMapLocking -- read-only check, a stale answer is fine");

    check(request(FailOn.WARNING, false, Optional.empty()));

    assertTrue(
        log.at("INFO").contains("mapvet: 0 findings in 1 of 1 files (0 errors, 1 ignored)"),
        log::toString);
    assertEquals(0, sarif().path("runs").path(0).path("results").size());
  }

  @Test
  void aBaselineWrittenByOneRunAcceptsItsFindingsInTheNext() throws Exception {
    source("");
    CheckRequest write =
        new CheckRequest(
            module,
            module,
            module.resolve("target"),
            List.of(module.resolve("src/main/java")),
            List.of(),
            FailOn.WARNING,
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.of(Path.of("mapvet-baseline.json")),
            Optional.empty(),
            module.resolve("target/mapvet.sarif"));
    check(write);
    assertTrue(Files.isRegularFile(module.resolve("mapvet-baseline.json")));
    assertTrue(
        log.at("INFO")
            .contains("mapvet: wrote 1 findings to baseline " + module.resolve("mapvet-baseline.json")),
        log::toString);
    assertEquals(List.of(), log.at("ERROR"), log::toString);

    check(request(FailOn.WARNING, false, Optional.of(Path.of("mapvet-baseline.json"))));

    assertTrue(
        log.at("INFO").contains("mapvet: 0 findings in 1 of 1 files (0 errors, 1 in baseline)"),
        log::toString);
  }

  @Test
  void theModulesMapvetPropertiesIsRead() throws Exception {
    source("");
    Files.writeString(module.resolve("mapvet.properties"), "checks = -InconsistentMapLocking\n");

    check(request(FailOn.WARNING, false, Optional.empty()));

    assertTrue(
        log.at("WARN")
            .contains("mapvet: warning: mapvet.properties turns off 1 check: InconsistentMapLocking"),
        log::toString);
  }

  @Test
  void aWorkingDirectoryAboveTheModuleGivesRepositoryPathsAndReadsItsConfig() throws IOException {
    Path repository = module;
    Path core = repository.resolve("core");
    Path file = core.resolve("src/main/java/com/acme/Registry.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.format(REGISTRY, ""));
    Files.writeString(repository.resolve("mapvet.properties"), "exclude = core/src/main/java/com/acme/Registry.java\n");
    CheckRequest request =
        new CheckRequest(
            core,
            repository,
            core.resolve("target"),
            List.of(core.resolve("src/main/java")),
            List.of(),
            FailOn.WARNING,
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            core.resolve("target/mapvet.sarif"));

    MojoExecutionException excludedAll =
        assertThrows(MojoExecutionException.class, () -> check(request));
    assertTrue(excludedAll.getMessage().endsWith("mapvet: no .java files to analyse"), excludedAll::getMessage);

    Files.delete(repository.resolve("mapvet.properties"));
    assertThrows(MojoFailureException.class, () -> check(request));
    assertTrue(
        log.at("WARN").get(0).startsWith("core/src/main/java/com/acme/Registry.java:23:12: "),
        log::toString);
    JsonNode location =
        new ObjectMapper()
            .readTree(core.resolve("target/mapvet.sarif").toFile())
            .path("runs").path(0).path("results").path(0)
            .path("locations").path(0).path("physicalLocation").path("artifactLocation");
    assertEquals("core/src/main/java/com/acme/Registry.java", location.path("uri").asText());
  }

  @Test
  void aConfigurationErrorIsAnExecutionErrorThatSaysWhy() throws IOException {
    source("");
    Files.writeString(module.resolve("mapvet.properties"), "exlcude = **/gen/**\n");
    // an earlier build's report must not pass for this one's
    Files.createDirectories(module.resolve("target"));
    Files.writeString(module.resolve("target/mapvet.sarif"), "{}");

    MojoExecutionException error =
        assertThrows(
            MojoExecutionException.class,
            () -> check(request(FailOn.WARNING, false, Optional.empty())));

    assertTrue(error.getMessage().contains("exlcude"), error::getMessage);
    assertTrue(error.getMessage().contains("(exit code 2)"), error::getMessage);
    assertFalse(Files.exists(module.resolve("target/mapvet.sarif")));
  }

  @Test
  void aMissingBaselineIsAnExecutionError() throws IOException {
    source("");

    MojoExecutionException error =
        assertThrows(
            MojoExecutionException.class,
            () -> check(request(FailOn.WARNING, false, Optional.of(Path.of("nope.json")))));

    assertTrue(error.getMessage().contains("nope.json"), error::getMessage);
  }

  @Test
  void strictFailsTheBuildOnAFileThatCannotBeParsed() throws Exception {
    source("");
    Files.writeString(module.resolve("src/main/java/com/acme/Broken.java"), "class Broken {\n");

    check(request(FailOn.NONE, false, Optional.empty()));
    assertTrue(log.at("ERROR").stream().anyMatch(l -> l.contains("Broken.java:") && l.contains("parse error")), log::toString);

    MojoFailureException failure =
        assertThrows(
            MojoFailureException.class,
            () -> check(request(FailOn.NONE, true, Optional.empty())));
    assertTrue(
        failure.getMessage().startsWith("mapvet: --strict: exit code 2, the scan is incomplete (1 file not analysed)"),
        failure::getMessage);
    assertFalse(
        sarif().path("runs").path(0).path("invocations").path(0).path("executionSuccessful").asBoolean(true));
  }
}

package io.mapguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.lint.cli.FailOn;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the goal's parameters and the Maven project become mapvet's command line. */
class CheckRequestTest {
  @TempDir Path module;

  private CheckRequest request(
      FailOn failOn,
      boolean strict,
      Optional<String> checks,
      Optional<Path> baseline,
      Optional<Path> writeBaseline,
      Optional<Path> config,
      List<Path> classpath) {
    return new CheckRequest(
        module,
        module,
        Path.of("target"),
        List.of(
            module.resolve("src/main/java"),
            module.resolve("target/generated-sources/annotations"),
            module.resolve("src/main/missing")),
        classpath,
        failOn,
        strict,
        checks,
        baseline,
        writeBaseline,
        config,
        Path.of("target/mapvet.sarif"));
  }

  private CheckRequest defaults() {
    return request(
        FailOn.WARNING,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  private void layout() throws IOException {
    Files.createDirectories(module.resolve("src/main/java/com/acme"));
    Files.createDirectories(module.resolve("target/generated-sources/annotations"));
  }

  @Test
  void defaultsAreTheCommandLinesDefaultsOnTheModulesSourceRoots() throws IOException {
    layout();
    String main = module.resolve("src/main/java").toString();
    String generated = module.resolve("target/generated-sources/annotations").toString();

    assertEquals(
        List.of(
            "--format=text",
            "--fail-on=warning",
            "--source-root=" + main,
            "--source-root=" + generated,
            "--",
            main),
        defaults().arguments());
  }

  @Test
  void everyParameterMapsToItsOption() throws IOException {
    layout();
    Path jar = Files.createFile(module.resolve("lib.jar"));
    Path classes = Files.createDirectories(module.resolve("target/classes"));
    Path other = Files.createFile(module.resolve("other.jar"));
    String main = module.resolve("src/main/java").toString();

    CheckRequest request =
        request(
            FailOn.NONE,
            true,
            Optional.of(" -all,GuardedMapEscape "),
            Optional.of(Path.of("mapvet-baseline.json")),
            Optional.of(Path.of("new-baseline.json")),
            Optional.of(Path.of("../shared/mapvet.properties")),
            List.of(classes, jar, module.resolve("missing.jar"), other));

    assertEquals(
        List.of(
            "--format=text",
            "--fail-on=none",
            "--strict",
            "--checks=-all,GuardedMapEscape",
            "--baseline=" + module.resolve("mapvet-baseline.json"),
            "--write-baseline=" + module.resolve("new-baseline.json"),
            "--config=" + module.getParent().resolve("shared/mapvet.properties"),
            "--source-root=" + main,
            "--source-root=" + module.resolve("target/generated-sources/annotations"),
            "--classpath=" + jar + File.pathSeparator + other,
            "--",
            main),
        request.arguments());
    assertEquals(List.of(classes, module.resolve("missing.jar")), request.classpathLeftOut());
    assertEquals(module.resolve("target/mapvet.sarif"), request.sarifFile());
  }

  @Test
  void aBlankChecksValueIsNoOption() throws IOException {
    layout();
    CheckRequest request =
        request(
            FailOn.ERROR,
            false,
            Optional.of("  "),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of());
    assertFalse(request.arguments().stream().anyMatch(a -> a.startsWith("--checks")));
    assertTrue(request.arguments().contains("--fail-on=error"));
  }

  @Test
  void failOnTakesTheCommandLinesValuesInAnyCase() {
    assertEquals(FailOn.NONE, CheckRequest.failOn("none"));
    assertEquals(FailOn.WARNING, CheckRequest.failOn(" Warning "));
    assertEquals(FailOn.ERROR, CheckRequest.failOn("ERROR"));
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> CheckRequest.failOn("warnings"));
    assertEquals("failOn: expected one of none, warning, error, got 'warnings'", bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CheckRequest.failOn(null));
  }

  @Test
  void generatedSourcesAloneAreNothingToCheck() throws IOException {
    assertFalse(defaults().hasJavaSources());
    assertEquals(
        "no Java sources (src/main/java, src/main/missing do not exist)",
        CheckMojo.noSourcesReason(defaults()));

    layout();
    Files.writeString(
        module.resolve("target/generated-sources/annotations/Gen.java"), "class Gen {}\n");
    assertFalse(defaults().hasJavaSources());
    assertEquals("no .java file in src/main/java", CheckMojo.noSourcesReason(defaults()));

    Files.writeString(module.resolve("src/main/java/com/acme/A.java"), "package com.acme; class A {}\n");
    assertTrue(defaults().hasJavaSources());
  }
}

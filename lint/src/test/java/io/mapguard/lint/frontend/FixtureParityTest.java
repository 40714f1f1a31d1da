package io.mapguard.lint.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.fixtures.Expectation;
import io.mapguard.fixtures.Fixture;
import io.mapguard.fixtures.Fixtures;
import io.mapguard.lint.analysis.FileResult;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.analysis.LintProjectCalls;
import io.mapguard.lint.analysis.SourceAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture through mapvet's front end: the same (rule, line) set the compiler plugin reports
 * (the fixtures' markers, which the plugin tests hold it to), and the same message key words. A
 * difference fails unless test-fixtures' mapvet-parity-exceptions.txt lists it with its reason.
 */
class FixtureParityTest {
  private static SourceAnalyzer analyzer;
  private static AnalysisOptions options;
  private static Set<String> exceptions;

  @BeforeAll
  static void setUp() throws IOException {
    AnalysisOptions.Builder everyRule = AnalysisOptions.builder(); // as the plugin tests run
    for (Rule rule : Rules.all()) {
      everyRule.enable(rule);
    }
    options = everyRule.everyAccess(true).build(); // fixtures mark every access
    analyzer = new SourceAnalyzer(options, List.of(), List.of());
    exceptions = new TreeSet<>();
    try (InputStream in =
        FixtureParityTest.class.getClassLoader().getResourceAsStream("mapvet-parity-exceptions.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          int reason = entry.indexOf(" -- ");
          assertTrue(reason > 0, "exception without a reason: " + entry);
          exceptions.add(entry.substring(0, reason).strip());
        }
      }
    }
  }

  static Stream<Fixture> fixtures() {
    return Fixtures.allSyntaxLevels().stream();
  }

  /**
   * The fixture as mapvet scans it: each file analysed, then the findings that depend on other
   * files decided against all of the fixture's files, as a scan of its folder would.
   */
  static Analysed analyse(Fixture fixture) {
    return analyse(fixture, analyzer, options);
  }

  /** {@link #analyse(Fixture)} with {@code options}, {@code analyzer} analysing single files with them. */
  static Analysed analyse(Fixture fixture, SourceAnalyzer analyzer, AnalysisOptions options) {
    // a case of several files is a source tree, its folders its packages: mapvet resolves the
    // types of its other files there, as in a scan of the folder
    if (!fixture.isSingleFile()) {
      try {
        Path root = Files.createTempDirectory("mapvet-fixture");
        for (Fixtures.Source source : fixture.sources()) {
          Path file = root.resolve(source.relativePath());
          Files.createDirectories(file.getParent());
          Files.writeString(file, source.text());
        }
        analyzer = new SourceAnalyzer(options, List.of(root), List.of());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<LintFinding> findings = new ArrayList<>();
    List<Object> problems = new ArrayList<>();
    Map<String, String> fileByPath = new HashMap<>();
    List<LintProjectCalls.ProjectFile> files = new ArrayList<>();
    for (Fixtures.Source source : fixture.sources()) {
      String path = fixture.pathOf(source);
      fileByPath.put(path, source.relativePath());
      FileResult result = analyzer.analyze(path, source.text());
      // the keys the scan keeps, as the command line uses them
      files.add(new LintProjectCalls.ProjectFile(path, source::text, result.callKeys()));
      findings.addAll(result.findings());
      problems.addAll(result.problems());
    }
    findings = LintProjectCalls.decide(findings, new LintProjectCalls(files, analyzer));
    Set<String> keys = new TreeSet<>();
    for (LintFinding f : findings) {
      keys.add(f.rule() + ":" + fileByPath.get(f.file()) + ":" + f.line());
    }
    return new Analysed(findings, problems, keys, fileByPath);
  }

  record Analysed(List<LintFinding> findings, List<Object> problems, Set<String> keys, Map<String, String> fileByPath) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void mapvetReportsWhatThePluginReports(Fixture fixture) {
    Analysed result = analyse(fixture);
    assertEquals(List.of(), result.problems(), "problems");
    Set<String> expected = new TreeSet<>();
    for (Expectation e : fixture.expectations()) {
      expected.add(e.key());
    }
    Set<String> actual = result.keys();
    List<String> unexplained = new ArrayList<>();
    for (String missing : difference(expected, actual)) {
      if (!exceptions.contains(fixture.group() + "/" + fixture.name() + " " + missing + " missing")) {
        unexplained.add(missing + " missing");
      }
    }
    for (String extra : difference(actual, expected)) {
      if (!exceptions.contains(fixture.group() + "/" + fixture.name() + " " + extra + " extra")) {
        unexplained.add(extra + " extra");
      }
    }
    assertEquals(List.of(), unexplained, () -> fixture + " findings:\n" + describe(result.findings()));
    for (Expectation e : fixture.expectations()) {
      for (LintFinding f : result.findings()) {
        if (f.rule().equals(e.rule()) && f.line() == e.line() && e.file().equals(result.fileByPath().get(f.file()))) {
          for (String keyword : e.keywords()) {
            assertTrue(f.message().contains(keyword), fixture + ":" + e.line() + " lacks '" + keyword + "': " + f.message());
          }
        }
      }
    }
  }

  @Test
  void everyListedExceptionStillDiffers() {
    List<String> stale = new ArrayList<>();
    for (String entry : exceptions) {
      String[] parts = entry.split(" ");
      String fixtureName = parts[0];
      Fixture fixture =
          Fixtures.allSyntaxLevels().stream()
              .filter(f -> (f.group() + "/" + f.name()).equals(fixtureName))
              .findFirst()
              .orElse(null);
      if (fixture == null) {
        stale.add(entry + " (no such fixture)");
        continue;
      }
      Set<String> actual = analyse(fixture).keys();
      Set<String> expected = new TreeSet<>();
      fixture.expectations().forEach(e -> expected.add(e.key()));
      boolean differs =
          parts[2].equals("missing")
              ? expected.contains(parts[1]) && !actual.contains(parts[1])
              : actual.contains(parts[1]) && !expected.contains(parts[1]);
      if (!differs) {
        stale.add(entry);
      }
    }
    assertEquals(List.of(), stale, "exceptions that no longer apply: remove them");
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  private static String describe(List<LintFinding> findings) {
    StringBuilder text = new StringBuilder();
    findings.forEach(f -> text.append(f.line()).append(": [").append(f.rule()).append("] ").append(f.message()).append('\n'));
    return text.toString();
  }
}

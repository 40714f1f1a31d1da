package io.mapguard.plugin;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.fixtures.Expectation;
import io.mapguard.fixtures.Fixture;
import io.mapguard.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture through {@code -Xplugin:MapGuard}: the same (rule, line) set as expected. */
class FixturePluginTest {
  /**
   * Every rule on, those off by default too; every access a finding of its own, as fixtures mark them
   * (the default, one finding per race, is checked against these by mapvet's RacePerFindingTest).
   */
  private static final String EVERY_RULE =
      "-Xplugin:MapGuard -everyAccess -enable="
          + Rules.all().stream().map(Rule::ruleName).collect(Collectors.joining(","));

  static List<Fixture> fixtures() {
    return Fixtures.all();
  }

  static List<JavaFileObject> withStubs(Fixture fixture) {
    List<JavaFileObject> files = new ArrayList<>();
    for (Fixtures.Source stub : Fixtures.stubs()) {
      files.add(JavaFileObjects.forSourceString(stub.relativePath().replace(".java", "").replace('/', '.'), stub.text()));
    }
    for (Fixtures.Source source : fixture.sources()) {
      files.add(JavaFileObjects.forSourceString(Fixture.className(source), source.text()));
    }
    return files;
  }

  /** The fixture file a diagnostic is in, named as its expectations name it. */
  private static String fileOf(Fixture fixture, Diagnostic<? extends JavaFileObject> d) {
    String path = d.getSource() == null ? "" : d.getSource().toUri().getPath();
    for (Fixtures.Source source : fixture.sources()) {
      String file = Fixture.className(source).replace('.', '/') + ".java";
      if (path.equals(file) || path.endsWith("/" + file)) {
        return source.relativePath();
      }
    }
    return path;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheExpectedLines(Fixture fixture) {
    Compilation compilation = javac().withOptions(EVERY_RULE).compile(withStubs(fixture));
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
    Set<String> actual = new TreeSet<>();
    List<Diagnostic<? extends JavaFileObject>> findings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.WARNING && message.startsWith("[")) {
        actual.add(message.substring(1, message.indexOf(']')) + ":" + fileOf(fixture, d) + ":" + d.getLineNumber());
        findings.add(d);
      }
      assertTrue(d.getKind() != Diagnostic.Kind.NOTE || !message.contains("mapguard"), message);
    }
    Set<String> expected =
        fixture.expectations().stream().map(Expectation::key).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, actual, () -> fixture + " findings: " + messages(findings));
    for (Expectation e : fixture.expectations()) {
      boolean matched =
          findings.stream()
              .anyMatch(
                  d ->
                      d.getLineNumber() == e.line()
                          && fileOf(fixture, d).equals(e.file())
                          && d.getMessage(Locale.ROOT).startsWith("[" + e.rule() + "]")
                          && e.keywords().stream().allMatch(d.getMessage(Locale.ROOT)::contains));
      assertTrue(matched, () -> fixture + ": " + e.file() + " line " + e.line() + " lacks " + e.keywords() + " in " + messages(findings));
    }
  }

  /**
   * A fixture's folder says what it is: {@code <Rule>/positive/} expects that rule at least once,
   * {@code <Rule>/negative/} and {@code shared/} expect nothing; the folder names a rule of the
   * catalogue. So a rule's name finds its fixtures.
   */
  @org.junit.jupiter.api.Test
  void fixtureFoldersMatchTheirMarkers() {
    for (Fixture fixture : Fixtures.allSyntaxLevels()) {
      Set<String> rules = fixture.expectations().stream().map(e -> e.rule()).collect(Collectors.toSet());
      if (fixture.group().equals(Fixtures.SHARED)) {
        assertEquals(Set.of(), rules, fixture.path());
        continue;
      }
      assertTrue(Rules.byName(fixture.group()).isPresent(), fixture.path() + ": no such rule");
      if (fixture.inPositiveFolder()) {
        assertTrue(rules.contains(fixture.group()), fixture.path() + " expects no " + fixture.group());
      } else {
        assertEquals(Set.of(), rules, fixture.path() + " is in a negative folder");
      }
    }
  }

  private static String messages(List<Diagnostic<? extends JavaFileObject>> findings) {
    return findings.stream()
        .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n", "\n", "\n"));
  }
}

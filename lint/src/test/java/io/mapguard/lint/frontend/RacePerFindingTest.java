package io.mapguard.lint.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.fixtures.Fixture;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.analysis.SourceAnalyzer;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default, one finding per race, against every access (what the fixtures mark, see {@link
 * FixtureParityTest}): on every fixture, each finding is one of the accesses, and each access is a
 * finding or named in the message of its race's finding ("Also unguarded: line 80 (iterated)"),
 * which is made at a write when the race has an unguarded write that races whatever other classes
 * do.
 */
class RacePerFindingTest {
  private static final Pattern ALSO = Pattern.compile(" Also unguarded: (.*?)(?: and \\d+ more)?\\.");
  /** "line 80 (iterated)", or "line 6 (written, unless every caller holds 'this')". */
  private static final Pattern LINE = Pattern.compile("line (\\d+) \\(([\\w ]+)(, unless [^)]*|, if [^)]*)?\\)");

  private static AnalysisOptions onePerRace;
  private static AnalysisOptions everyAccess;
  private static SourceAnalyzer onePerRaceAnalyzer;
  private static SourceAnalyzer everyAccessAnalyzer;

  @BeforeAll
  static void setUp() throws IOException {
    onePerRace = everyRule().build();
    everyAccess = everyRule().everyAccess(true).build();
    onePerRaceAnalyzer = new SourceAnalyzer(onePerRace, List.of(), List.of());
    everyAccessAnalyzer = new SourceAnalyzer(everyAccess, List.of(), List.of());
  }

  private static AnalysisOptions.Builder everyRule() {
    AnalysisOptions.Builder builder = AnalysisOptions.builder();
    for (Rule rule : Rules.all()) {
      builder.enable(rule);
    }
    return builder;
  }

  static Stream<Fixture> fixtures() {
    return FixtureParityTest.fixtures();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void eachRaceIsOneFindingNamingItsOtherAccesses(Fixture fixture) {
    FixtureParityTest.Analysed races = FixtureParityTest.analyse(fixture, onePerRaceAnalyzer, onePerRace);
    FixtureParityTest.Analysed accesses = FixtureParityTest.analyse(fixture, everyAccessAnalyzer, everyAccess);

    Set<String> all = keys(accesses.findings());
    Set<String> covered = new TreeSet<>();
    for (LintFinding race : races.findings()) {
      String key = key(race.rule(), race.file(), race.line());
      assertTrue(all.contains(key), fixture + ": " + key + " is no access: " + race.message());
      covered.add(key);
      Matcher also = ALSO.matcher(race.message());
      if (!also.find()) {
        continue;
      }
      boolean writeOnItsOwn = false;
      Matcher line = LINE.matcher(also.group(1));
      while (line.find()) {
        String other = key(race.rule(), race.file(), Integer.parseInt(line.group(1)));
        covered.add(other);
        // a write listed with a proviso races only if other classes call its method unlocked
        writeOnItsOwn |= line.group(2).equals("written") && line.group(3) == null;
      }
      if (writeOnItsOwn) {
        assertTrue(
            race.message().contains(" is written "),
            fixture + ": a race with a write that races whatever other classes do is reported at one: " + race.message());
      }
    }
    assertEquals(all, covered, fixture + ": every access is a finding or named by one");
  }

  private static Set<String> keys(List<LintFinding> findings) {
    Set<String> keys = new TreeSet<>();
    for (LintFinding finding : findings) {
      keys.add(key(finding.rule(), finding.file(), finding.line()));
    }
    return keys;
  }

  private static String key(String rule, String file, int line) {
    return rule + ":" + file + ":" + line;
  }
}

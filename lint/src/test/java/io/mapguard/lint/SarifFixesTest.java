package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.fixtures.Fixture;
import io.mapguard.fixtures.Fixtures;
import io.mapguard.lint.analysis.FileResult;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.analysis.LintProjectCalls;
import io.mapguard.lint.analysis.SourceAnalyzer;
import io.mapguard.lint.scan.InputFile;
import io.mapguard.lint.scan.SourceRootDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mapvet's SARIF carries each suggested fix's edits ({@code fixes[].artifactChanges[].replacements[]},
 * issue 15), valid against the 2.1.0 schema, and every edit leads to code mapvet does not flag
 * again: each fix of every fixture, applied as a SARIF consumer applies it (the deleted region's
 * lines and columns, the inserted text), leaves no rule with more findings in that file and the
 * finding's own rule with fewer (an added {@code @GuardedBy} declares the lock the message names and
 * moves no access under it: for it, no more). Every kind of fix the engine has must be covered.
 */
class SarifFixesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How each kind's description starts (its {@link FixHint#suggestion} sentence). */
  private static final Map<FixHint.Kind, Pattern> DESCRIPTIONS =
      Map.of(
          FixHint.Kind.WRAP_SYNCHRONIZED, Pattern.compile("Wrap the statement in synchronized .*"),
          FixHint.Kind.EXTEND_SYNCHRONIZED, Pattern.compile("Move the statement into the synchronized .*"),
          FixHint.Kind.ADD_GUARDED_BY, Pattern.compile("Annotate '.*' with @GuardedBy.*"),
          FixHint.Kind.USE_CONCURRENT_HASH_MAP, Pattern.compile("Create '.*' as a ConcurrentHashMap\\."),
          FixHint.Kind.COMPUTE_IF_ABSENT, Pattern.compile("Replace the check and the put by .*"),
          FixHint.Kind.MERGE, Pattern.compile("Replace the put by .*\\.merge\\(.*"),
          FixHint.Kind.USE_SIZED_FACTORY, Pattern.compile("Create the map with .*"));

  @TempDir Path dir;

  /**
   * Every rule, with the fixtures' source roots as the scan detects them: a finding may need another
   * file of its fixture (an executor a superclass declares there).
   */
  private static SourceAnalyzer everyRule(List<InputFile> files) throws IOException {
    AnalysisOptions.Builder options = AnalysisOptions.builder();
    for (Rule rule : Rules.all()) {
      options.enable(rule);
    }
    return new SourceAnalyzer(options.build(), SourceRootDetector.detect(files), List.of());
  }

  /** The keys of the fixtures' files as they are, by path: each parsed once for all the fixes. */
  private static final Map<String, io.mapguard.lint.analysis.CallKeys> SCANNED_KEYS = new java.util.HashMap<>();

  /** Findings per rule of one file's text. */
  /**
   * The findings of {@code file} with {@code text}, those that depend on other files decided against
   * the other files of the corpus ({@code sources}), as the scan decided them.
   */
  private static Map<String, Integer> counts(
      SourceAnalyzer analyzer, String file, String text, Map<String, String> sources) {
    FileResult result = analyzer.analyze(file, text);
    assertEquals(List.of(), result.problems(), file + " no longer parses:\n" + text);
    Map<String, Integer> counts = new TreeMap<>();
    // indexed as the scan indexes its files: by the keys of their parse (the receivers' types)
    List<LintProjectCalls.ProjectFile> files = new ArrayList<>();
    sources.forEach(
        (path, original) ->
            files.add(
                path.equals(file)
                    ? new LintProjectCalls.ProjectFile(path, () -> text, result.callKeys())
                    : new LintProjectCalls.ProjectFile(
                        path,
                        () -> original,
                        SCANNED_KEYS.computeIfAbsent(path, p -> analyzer.analyze(p, original).callKeys()))));
    LintProjectCalls calls = new LintProjectCalls(files, analyzer);
    for (LintFinding finding : LintProjectCalls.decide(result.findings(), calls)) {
      counts.merge(finding.rule(), 1, Integer::sum);
    }
    return counts;
  }

  /** The text with a SARIF fix's replacements applied (1-based lines and columns, end exclusive). */
  static String apply(String text, JsonNode fix) {
    int[] lineStarts = lineStarts(text);
    record Replacement(int start, int end, String inserted) {}
    List<Replacement> replacements = new ArrayList<>();
    for (JsonNode change : fix.get("artifactChanges")) {
      for (JsonNode replacement : change.get("replacements")) {
        JsonNode region = replacement.get("deletedRegion");
        int start = offset(text, lineStarts, region.get("startLine").asInt(), region.get("startColumn").asInt());
        int end = offset(text, lineStarts, region.get("endLine").asInt(), region.get("endColumn").asInt());
        replacements.add(
            new Replacement(start, end, replacement.path("insertedContent").path("text").asText("")));
      }
    }
    // from the end, so that earlier offsets stay right; at one place, in the given order
    List<Replacement> ordered = new ArrayList<>(replacements);
    java.util.Collections.reverse(ordered);
    ordered.sort((a, b) -> Integer.compare(b.start(), a.start()));
    StringBuilder out = new StringBuilder(text);
    for (Replacement r : ordered) {
      assertTrue(r.start() <= r.end(), fix::toString);
      out.replace(r.start(), r.end(), r.inserted());
    }
    return out.toString();
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int offset(String text, int[] lineStarts, int line, int column) {
    if (line > lineStarts.length) {
      return text.length();
    }
    return Math.min(text.length(), lineStarts[line - 1] + column - 1);
  }

  @Test
  void everyFixOfEveryFixtureIsValidSarifAndLeadsToCodeMapvetDoesNotFlagAgain() throws IOException {
    CliHarness cli = new CliHarness(dir);
    Map<String, String> sources = new TreeMap<>();
    List<InputFile> written = new ArrayList<>();
    for (Fixture fixture : Fixtures.allSyntaxLevels()) {
      for (Fixtures.Source source : fixture.sources()) {
        written.add(new InputFile(cli.write(fixture.pathOf(source), source.text()), fixture.pathOf(source)));
        sources.put(fixture.pathOf(source), source.text());
      }
    }
    CliHarness.Result result =
        cli.runReal("--format", "sarif", "--checks", "all", "fixtures", "fixtures-java21");
    assertEquals(1, result.exitCode(), result::err);
    assertEquals(List.of(), SarifReportTest.validate(result.out()));

    SourceAnalyzer analyzer = everyRule(written);
    Set<FixHint.Kind> covered = EnumSet.noneOf(FixHint.Kind.class);
    List<String> failures = new ArrayList<>();
    int fixes = 0;
    for (JsonNode finding : JSON.readTree(result.out()).at("/runs/0/results")) {
      if (!finding.has("fixes")) {
        continue;
      }
      String file = finding.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
      String original = sources.get(file);
      String rule = finding.get("ruleId").asText();
      Map<String, Integer> before = counts(analyzer, file, original, sources);
      for (JsonNode fix : finding.get("fixes")) {
        fixes++;
        String description = fix.at("/description/text").asText();
        FixHint.Kind kind =
            DESCRIPTIONS.entrySet().stream()
                .filter(e -> e.getValue().matcher(description).matches())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("a fix of no known kind: " + description));
        covered.add(kind);
        assertEquals(file, fix.at("/artifactChanges/0/artifactLocation/uri").asText());
        String fixed = apply(original, fix);
        Map<String, Integer> after = counts(analyzer, file, fixed, sources);
        boolean worse = after.entrySet().stream().anyMatch(e -> e.getValue() > before.getOrDefault(e.getKey(), 0));
        boolean fewer = after.getOrDefault(rule, 0) < before.getOrDefault(rule, 0);
        if (worse || !fewer && kind != FixHint.Kind.ADD_GUARDED_BY) {
          failures.add(
              file + ":" + finding.at("/locations/0/physicalLocation/region/startLine").asInt()
                  + " " + description + "\n  before " + before + "\n  after  " + after
                  + "\n" + fixed);
        }
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(EnumSet.allOf(FixHint.Kind.class), covered, "fix kinds no fixture exercises");
    assertTrue(fixes > 50, "only " + fixes + " fixes");
  }
}

package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.report.Rule;
import io.mapguard.fixtures.Fixture;
import io.mapguard.fixtures.Fixtures;
import io.mapguard.lint.config.CheckSelection;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.analysis.SourceAnalyzer;
import io.mapguard.lint.ignore.IgnoreFilter;
import io.mapguard.lint.report.Report;
import io.mapguard.lint.report.ReportFormat;
import io.mapguard.lint.scan.Diagnostic;
import io.mapguard.lint.scan.FileOutcome;
import io.mapguard.lint.scan.FileProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every fixture of the shared corpus, damaged at random (fixed seed) and fed through the CLI's
 * per-file path with the real front end: no exception may escape, and every variant must end in a
 * report, with either an analysis or an error saying why there is none.
 */
class MutationRobustnessTest {
  private static final long SEED = 20261123L;
  private static final int VARIANTS_PER_FIXTURE = 3;
  private static final String[] TOKENS = {
    "{",
    "}",
    "(",
    ")",
    ";",
    "\"",
    "'",
    "/*",
    "*/",
    "//",
    "\"\"\"",
    "\\u",
    "<",
    ">",
    "->",
    "::",
    "@",
    "synchronized",
    "record",
    "sealed",
    "yield",
    "case",
    "default",
    "\u00e9",
    "\t",
    "\r",
    "\n\n\n"
  };

  @Test
  @Timeout(120)
  void mutatedFixturesNeverEscapeTheirFile() throws IOException {
    List<Fixture> fixtures = Fixtures.all();
    assertFalse(fixtures.isEmpty());
    Set<String> enabled =
        CheckSelection.defaults().stream().map(Rule::ruleName).collect(Collectors.toSet());
    FileProcessor processor =
        new FileProcessor(
            new SourceAnalyzer(AnalysisOptions.defaults(), List.of(), List.of()),
            new IgnoreFilter(enabled, true),
            enabled);
    Random random = new Random(SEED);
    int variants = 0;
    int analysed = 0;
    for (Fixture fixture : fixtures) {
      for (Fixtures.Source source : fixture.sources()) {
        byte[] original = source.text().getBytes(StandardCharsets.UTF_8);
        for (int v = 0; v < VARIANTS_PER_FIXTURE; v++) {
          byte[] mutated = mutate(original, random);
          String file = fixture.group() + "/" + fixture.name() + "/" + source.relativePath() + "-" + v + ".java";
          FileOutcome outcome = processor.process(file, mutated);
          check(file, mutated, outcome);
          variants++;
          analysed += outcome.analysed() ? 1 : 0;
        }
      }
    }
    assertTrue(variants >= 300, "only " + variants + " variants");
    // Most damage still leaves parsable Java (a deleted line, a duplicated statement); some does
    // not.
    assertTrue(analysed > 0 && analysed < variants, analysed + " of " + variants + " analysed");
  }

  private static void check(String file, byte[] source, FileOutcome outcome) throws IOException {
    String context = file + " (" + new String(source, StandardCharsets.ISO_8859_1) + ")";
    assertNotNull(outcome, context);
    assertEquals(file, outcome.file(), context);
    if (!outcome.analysed()) {
      assertTrue(outcome.diagnostics().stream().anyMatch(Diagnostic::isError), context);
    }
    for (LintFinding finding : outcome.findings()) {
      assertTrue(finding.line() >= 1 && finding.column() >= 1, context);
    }
    for (Diagnostic diagnostic : outcome.diagnostics()) {
      assertTrue(diagnostic.format().startsWith(file), diagnostic.format());
    }
    Report report =
        new Report(
            outcome.findings(),
            outcome.diagnostics(),
            Path.of("/work"),
            "test",
            outcome.analysed(),
            outcome.legacyFingerprints());
    for (ReportFormat format : ReportFormat.values()) {
      StringWriter out = new StringWriter();
      format.reporter().write(report, out);
      if (format == ReportFormat.SARIF) {
        assertTrue(out.toString().contains("\"version\" : \"2.1.0\""), context);
      }
    }
  }

  /**
   * One to three random edits: byte flips, inserted tokens, deleted/duplicated/swapped lines,
   * truncation.
   */
  static byte[] mutate(byte[] source, Random random) {
    byte[] result = source;
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      result = mutateOnce(result, random);
    }
    return result;
  }

  private static byte[] mutateOnce(byte[] source, Random random) {
    if (source.length == 0) {
      return TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
    }
    switch (random.nextInt(6)) {
      case 0:
        {
          byte[] copy = source.clone();
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
          return copy;
        }
      case 1:
        {
          int at = random.nextInt(source.length + 1);
          byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
          return concat(
              Arrays.copyOfRange(source, 0, at),
              token,
              Arrays.copyOfRange(source, at, source.length));
        }
      case 2:
        return Arrays.copyOf(source, random.nextInt(source.length));
      default:
        return editLines(source, random);
    }
  }

  private static byte[] editLines(byte[] source, Random random) {
    List<String> lines =
        new ArrayList<>(
            Arrays.asList(new String(source, StandardCharsets.ISO_8859_1).split("\n", -1)));
    int a = random.nextInt(lines.size());
    int b = random.nextInt(lines.size());
    switch (random.nextInt(3)) {
      case 0:
        lines.remove(a);
        break;
      case 1:
        lines.add(a, lines.get(b));
        break;
      default:
        String swap = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, swap);
    }
    return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] result = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, result, at, part.length);
      at += part.length;
    }
    return result;
  }
}

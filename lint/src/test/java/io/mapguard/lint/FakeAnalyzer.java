package io.mapguard.lint;

import io.mapguard.lint.baseline.SourceFingerprints;
import io.mapguard.lint.analysis.FileAnalyzer;
import io.mapguard.lint.analysis.FileResult;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.analysis.SourceProblem;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the JavaParser front end, driven by markers in the source so that CLI tests can
 * say exactly which findings a file has:
 *
 * <ul>
 *   <li>{@code FAKE(Rule): message} on a line: a finding of Rule on that line, from its first
 *       non-blank column to its last; the message ends at a {@code *} (so the marker can sit in a
 *       block comment) or at the end of the line;
 *   <li>{@code SYNTAX ERROR} on a line: a parse error there;
 *   <li>{@code INTERNAL ERROR} on a line: an internal error there, as when the analysis of one
 *       class fails; the rest of the file is still analysed;
 *   <li>{@code CRASH}: the analyzer throws.
 * </ul>
 */
public final class FakeAnalyzer implements FileAnalyzer {
  private static final Pattern FINDING = Pattern.compile("FAKE\\((\\w+)\\): ([^*]*)");

  public static AnalyzerFactory factory() {
    return (options, roots, classpath) -> new FakeAnalyzer();
  }

  @Override
  public FileResult analyze(String file, String source) {
    if (source.contains("CRASH")) {
      throw new IllegalStateException("boom");
    }
    List<LintFinding> findings = new ArrayList<>();
    List<SourceProblem> problems = new ArrayList<>();
    String[] lines = source.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int syntax = line.indexOf("SYNTAX ERROR");
      if (syntax >= 0) {
        problems.add(
            new SourceProblem(
                file, i + 1, syntax + 1, SourceProblem.PARSE_ERROR, "fake parse error"));
        return new FileResult(List.of(), problems);
      }
      int internal = line.indexOf("INTERNAL ERROR");
      if (internal >= 0) {
        problems.add(
            new SourceProblem(
                file, i + 1, 1, SourceProblem.INTERNAL_ERROR, "fake failure in one class"));
      }
      Matcher marker = FINDING.matcher(line);
      if (marker.find()) {
        int start = line.length() - line.stripLeading().length() + 1;
        int end = line.stripTrailing().length();
        String rule = marker.group(1);
        String message = marker.group(2).strip();
        findings.add(
            new LintFinding(
                rule,
                "warning",
                file,
                i + 1,
                start,
                i + 1,
                end,
                message,
                fingerprint(rule, file, message), java.util.List.of()));
      }
    }
    return new FileResult(findings, problems);
  }

  /**
   * The fingerprint mapvet reports for the fake finding of {@code rule} in {@code source}: like
   * every engine finding's, made by {@link SourceFingerprints} from the source.
   */
  public static String reportedFingerprint(String file, String source, String rule) {
    List<LintFinding> findings = new FakeAnalyzer().analyze(file, source).findings();
    return SourceFingerprints.assign(source, findings).findings().stream()
        .filter(finding -> finding.rule().equals(rule))
        .findFirst()
        .orElseThrow()
        .fingerprint();
  }

  /** The fake's own fingerprint: what the engine's are to mapvet, the format 1 fingerprint. */
  public static String fingerprint(String rule, String file, String message) {
    return String.format("%08x", (rule + "|" + file + "|" + message).hashCode());
  }
}

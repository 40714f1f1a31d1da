package io.mapguard.lint.baseline;

import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.ignore.Fingerprints;
import io.mapguard.lint.source.LexicalStructure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fingerprints baselines match on (format 2), made from the source text rather than taken from
 * the engine: the rule, the file, the declarations around the finding, its statement and the
 * reported code, all without white space or comments. The engine's own fingerprints keep the
 * statement's spaces (only collapsing runs of them) and the whole source line, so re-indenting
 * across lines, re-wrapping or a formatter adding a space made a baselined finding new.
 *
 * <p>No line numbers, as before: code added elsewhere in the file changes nothing. Identical
 * findings in one declaration are told apart by their order ({@code -2}, {@code -3}, …).
 */
public final class SourceFingerprints {
  private static final String VERSION = "mapvet-fingerprint-2";

  private static final Comparator<LintFinding> POSITION =
      Comparator.comparingInt(LintFinding::line)
          .thenComparingInt(LintFinding::column)
          .thenComparing(LintFinding::rule)
          .thenComparing(LintFinding::message);

  private SourceFingerprints() {}

  /**
   * @param findings the findings with their fingerprints replaced
   * @param legacy the engine's (format 1) fingerprint of each finding, by its new one: old baselines
   *     still match on those
   */
  public record Result(List<LintFinding> findings, Map<String, String> legacy) {}

  /** Gives each of one file's engine findings its format 2 fingerprint. */
  public static Result assign(String source, List<LintFinding> findings) {
    if (findings.isEmpty()) {
      return new Result(List.of(), Map.of());
    }
    LexicalStructure structure = LexicalStructure.of(source);
    List<LintFinding> ordered = new ArrayList<>(findings);
    ordered.sort(POSITION); // occurrence numbers follow the position in the file
    Map<String, Integer> occurrences = new HashMap<>();
    List<LintFinding> fingerprinted = new ArrayList<>();
    Map<String, String> legacy = new HashMap<>();
    for (LintFinding finding : ordered) {
      String base = base(structure, finding);
      int occurrence = occurrences.merge(base, 1, Integer::sum);
      String fingerprint = occurrence == 1 ? base : base + "-" + occurrence;
      fingerprinted.add(withFingerprint(finding, fingerprint));
      legacy.put(fingerprint, finding.fingerprint());
    }
    return new Result(fingerprinted, legacy);
  }

  private static String base(LexicalStructure structure, LintFinding finding) {
    int start = structure.offset(finding.line(), finding.column());
    int end = structure.offset(finding.endLine(), finding.endColumn());
    return Fingerprints.of(
        VERSION,
        finding.rule(),
        finding.file().replace('\\', '/'),
        String.join(" > ", structure.enclosingDeclarations(start)),
        structure.statementAt(start),
        structure.compactText(start, Math.max(start, end)));
  }

  private static LintFinding withFingerprint(LintFinding finding, String fingerprint) {
    return finding.withFingerprint(fingerprint);
  }
}

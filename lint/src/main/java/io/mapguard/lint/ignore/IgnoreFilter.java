package io.mapguard.lint.ignore;

import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one file's {@code mapvet:ignore} directives to its findings, and reports the directives
 * themselves when they are malformed ({@code InvalidIgnore}) or, on request, stale ({@code
 * UnusedIgnore}): a suppression that silently outlives its finding hides the next real one.
 */
public final class IgnoreFilter {
  private final Set<String> enabledRules;
  private final boolean reportUnused;

  /**
   * @param enabledRules rules that ran; a directive for a rule that did not run is never "unused"
   */
  public IgnoreFilter(Set<String> enabledRules, boolean reportUnused) {
    this.enabledRules = Set.copyOf(enabledRules);
    this.reportUnused = reportUnused;
  }

  /**
   * @param kept the findings no directive suppressed
   * @param directiveFindings {@code InvalidIgnore} / {@code UnusedIgnore} findings
   * @param suppressed how many findings directives removed
   */
  public record Result(
      List<LintFinding> kept, List<LintFinding> directiveFindings, int suppressed) {}

  /**
   * @param analysisComplete false when part of the file could not be analysed: its directives may
   *     cover findings that were never produced, so none of them is reported as unused
   */
  public Result apply(
      String file,
      List<LintFinding> findings,
      List<IgnoreDirective> directives,
      boolean analysisComplete) {
    List<LintFinding> kept = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int suppressed = 0;
    for (LintFinding finding : findings) {
      IgnoreDirective suppressor = suppressorOf(finding, directives);
      if (suppressor == null) {
        kept.add(finding);
      } else {
        used.add(suppressor.line() + ":" + finding.rule());
        suppressed++;
      }
    }
    Fingerprinter fingerprints = new Fingerprinter(file);
    List<LintFinding> directiveFindings = new ArrayList<>();
    for (IgnoreDirective directive : directives) {
      for (String problem : directive.problems()) {
        directiveFindings.add(fingerprints.finding(RuleCatalog.INVALID_IGNORE, directive, problem));
      }
      if (reportUnused && analysisComplete && directive.isEffective()) {
        for (String rule : directive.rules()) {
          if (enabledRules.contains(rule) && !used.contains(directive.line() + ":" + rule)) {
            String message =
                "mapvet:ignore for "
                    + rule
                    + " suppresses no finding on this line or the next; remove it";
            directiveFindings.add(
                fingerprints.finding(RuleCatalog.UNUSED_IGNORE, directive, message));
          }
        }
      }
    }
    return new Result(kept, directiveFindings, suppressed);
  }

  private static IgnoreDirective suppressorOf(
      LintFinding finding, List<IgnoreDirective> directives) {
    for (IgnoreDirective directive : directives) {
      if (directive.isEffective()
          && directive.covers(finding.line())
          && directive.rules().contains(finding.rule())) {
        return directive;
      }
    }
    return null;
  }

  /**
   * Fingerprints for directive findings: no line numbers, so baselines survive edits above them.
   */
  private static final class Fingerprinter {
    private final String file;
    private final Map<String, Integer> occurrences = new HashMap<>();

    Fingerprinter(String file) {
      this.file = file;
    }

    LintFinding finding(String rule, IgnoreDirective directive, String message) {
      String base = Fingerprints.of(rule, file, directive.text(), message);
      int occurrence = occurrences.merge(base, 1, Integer::sum);
      return new LintFinding(
          rule,
          "warning",
          file,
          directive.line(),
          directive.column(),
          directive.line(),
          directive.endColumn(),
          message,
          occurrence == 1 ? base : base + "-" + occurrence, java.util.List.of());
    }
  }
}

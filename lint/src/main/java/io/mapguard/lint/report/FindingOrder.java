package io.mapguard.lint.report;

import io.mapguard.lint.analysis.LintFinding;
import java.util.Comparator;

/**
 * The report order: file, line, column, rule; message and fingerprint only break exact ties, so
 * that the output never depends on which thread finished first.
 */
public final class FindingOrder {
  public static final Comparator<LintFinding> INSTANCE =
      Comparator.comparing(LintFinding::file)
          .thenComparingInt(LintFinding::line)
          .thenComparingInt(LintFinding::column)
          .thenComparing(LintFinding::rule)
          .thenComparing(LintFinding::message)
          .thenComparing(LintFinding::fingerprint);

  private FindingOrder() {}
}

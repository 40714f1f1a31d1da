package io.mapguard.lint.analysis;

import io.mapguard.engine.project.CallSummaries.ClassCalls;
import java.util.List;

/**
 * What analysing one file produced; a file with problems may still have findings.
 *
 * @param summaries the call summaries of its top-level classes, when the options ask for them
 *     ({@code --summaries-out}); else empty
 */
public record FileResult(List<LintFinding> findings, List<SourceProblem> problems, List<ClassCalls> summaries) {
  public FileResult(List<LintFinding> findings, List<SourceProblem> problems) {
    this(findings, problems, List.of());
  }

  public boolean parsed() {
    return problems.stream().noneMatch(p -> p.kind().equals(SourceProblem.PARSE_ERROR));
  }
}

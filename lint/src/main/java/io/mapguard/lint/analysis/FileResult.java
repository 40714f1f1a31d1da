package io.mapguard.lint.analysis;

import java.util.List;

/** What analysing one file produced; a file with problems may still have findings. */
public record FileResult(List<LintFinding> findings, List<SourceProblem> problems) {
  public boolean parsed() {
    return problems.stream().noneMatch(p -> p.kind().equals(SourceProblem.PARSE_ERROR));
  }
}

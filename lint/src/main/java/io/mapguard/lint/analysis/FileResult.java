package io.mapguard.lint.analysis;

import io.mapguard.engine.project.CallSummaries.ClassCalls;
import java.util.List;

/**
 * What analysing one file produced; a file with problems may still have findings.
 *
 * @param summaries the call summaries of its top-level classes, when the options ask for them
 *     ({@code --summaries-out}); else empty
 * @param callKeys what the project-wide questions index the file by ({@link LintProjectCalls}), read
 *     from its tree while it was parsed; null when it did not parse
 */
public record FileResult(
    List<LintFinding> findings, List<SourceProblem> problems, List<ClassCalls> summaries, CallKeys callKeys) {
  public FileResult(List<LintFinding> findings, List<SourceProblem> problems) {
    this(findings, problems, List.of(), null);
  }

  public boolean parsed() {
    return problems.stream().noneMatch(p -> p.kind().equals(SourceProblem.PARSE_ERROR));
  }
}

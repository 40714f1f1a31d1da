package io.mapguard.engine;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.rules.FindingSink;
import io.mapguard.engine.rules.RuleCheck;
import io.mapguard.engine.rules.Rules;
import io.mapguard.engine.project.ProjectCalls;
import java.util.ArrayList;
import java.util.List;

/** Entry point of the engine: facts of one class in, findings out. */
public final class Analyzer {
  private final AnalysisOptions options;

  public Analyzer(AnalysisOptions options) {
    this.options = options;
  }

  public List<Finding> analyze(ClassFacts facts) {
    FindingSink sink = new FindingSink(facts.file(), facts.className());
    if (facts.fields().isEmpty() && facts.creations().isEmpty() && facts.localAccesses().isEmpty()) {
      return sink.findings();
    }
    ClassAnalysis analysis = ClassAnalysis.of(facts);
    for (RuleCheck check : Rules.checks()) {
      if (options.isEnabled(check.rule())) {
        check.check(analysis, sink);
      }
    }
    return sink.findings();
  }

  /**
   * The findings that stand once the rest of the project is seen: those without a {@link
   * Finding#condition}, and those whose condition the project's calls uphold (their message then
   * names the place in another class that makes them stand).
   */
  public static List<Finding> decide(List<Finding> findings, ProjectCalls calls) {
    List<Finding> standing = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      if (finding.condition() == null) {
        standing.add(finding);
        continue;
      }
      String reason = finding.condition().standing(calls);
      if (reason != null) {
        standing.add(finding.standing(reason));
      }
    }
    return standing;
  }
}

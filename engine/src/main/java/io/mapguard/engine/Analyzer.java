package io.mapguard.engine;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.rules.FindingSink;
import io.mapguard.engine.rules.RuleCheck;
import io.mapguard.engine.rules.Rules;
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
}

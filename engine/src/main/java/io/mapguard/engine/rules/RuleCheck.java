package io.mapguard.engine.rules;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.analysis.ClassAnalysis;

/** One rule: reads the shared class analysis, reports to the sink. */
public interface RuleCheck {
  Rule rule();

  void check(ClassAnalysis analysis, FindingSink sink);
}

package io.mapguard.engine.rules;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.report.Rule;

/**
 * One rule: reads the shared class analysis, reports to the sink. Its metadata is the
 * {@link RuleDefinition} on the implementing class, and {@link Rules} lists every check.
 */
public interface RuleCheck {
  /** The rule this check reports, as its {@link RuleDefinition} defines it. */
  default Rule rule() {
    return Rules.ruleOf(getClass());
  }

  void check(ClassAnalysis analysis, FindingSink sink);
}

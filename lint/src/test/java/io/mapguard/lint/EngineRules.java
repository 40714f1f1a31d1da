package io.mapguard.lint;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.util.stream.Collectors;

/** The engine's rule names in catalogue order, as mapvet lists them in its messages. */
public final class EngineRules {
  public static final String NAMES =
      Rules.all().stream().map(Rule::ruleName).collect(Collectors.joining(", "));

  private EngineRules() {}
}

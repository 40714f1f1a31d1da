package io.mapguard.lint.rules;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every rule mapvet can report, in one list: the engine's catalogue ({@link Rules}, the single
 * source of rule metadata) followed by mapvet's directive rules. Listing, {@code --explain} and
 * SARIF rule metadata all read from here.
 */
public final class RuleCatalog {
  /**
   * A {@code mapvet:ignore} directive that is malformed: no rule, no reason, or an unknown rule.
   */
  public static final String INVALID_IGNORE = "InvalidIgnore";

  /**
   * A {@code mapvet:ignore} directive that suppressed nothing (with {@code
   * --report-unused-ignores}).
   */
  public static final String UNUSED_IGNORE = "UnusedIgnore";

  /** mapvet's own page, beside the rule pages. */
  public static final String MAPVET_DOCS_URL =
      Rule.DOCS_BASE.replaceFirst("rules/$", "") + "mapvet.md";

  private static final String DIRECTIVES_URL = MAPVET_DOCS_URL + "#ignore-directives";

  private RuleCatalog() {}

  /** Engine rules in catalogue order, then the directive rules. */
  public static List<RuleInfo> all() {
    List<RuleInfo> rules = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      rules.add(
          new RuleInfo(
              rule.ruleName(),
              rule.summary(),
              rule.enabledByDefault(),
              true,
              rule.defaultSeverity().toLowerCase(Locale.ROOT),
              rule.docsUrl()));
    }
    rules.add(
        new RuleInfo(
            INVALID_IGNORE,
            "A mapvet:ignore directive names no rule, an unknown rule, or gives no reason",
            true,
            false,
            "warning",
            DIRECTIVES_URL));
    rules.add(
        new RuleInfo(
            UNUSED_IGNORE,
            "A mapvet:ignore directive suppresses no finding (reported with"
                + " --report-unused-ignores)",
            false,
            false,
            "warning",
            DIRECTIVES_URL));
    return List.copyOf(rules);
  }

  /**
   * Looks a rule up by its public name, or an engine rule by its enum name (as {@link
   * Rules#byName}).
   */
  public static Optional<RuleInfo> byName(String name) {
    Optional<String> engineName = Rules.byName(name).map(Rule::ruleName);
    String wanted = engineName.orElse(name);
    return all().stream().filter(rule -> rule.name().equals(wanted)).findFirst();
  }

  /** Comma-separated names, for error messages that list the valid choices. */
  public static String engineRuleNames() {
    List<String> names = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      names.add(rule.ruleName());
    }
    return String.join(", ", names);
  }
}

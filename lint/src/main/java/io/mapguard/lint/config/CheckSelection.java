package io.mapguard.lint.config;

import io.mapguard.engine.report.Rule;
import io.mapguard.lint.rules.RuleCatalog;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * staticcheck-style rule selection: a comma list of {@code all}, {@code Rule} and {@code -Rule},
 * applied left to right over the default set (the rules enabled by default). {@code -all} turns
 * everything off, so {@code -all,GuardedMapEscape} runs one rule.
 */
public final class CheckSelection {
  private CheckSelection() {}

  public static Set<Rule> defaults() {
    EnumSet<Rule> rules = EnumSet.noneOf(Rule.class);
    for (Rule rule : Rule.values()) {
      if (rule.enabledByDefault()) {
        rules.add(rule);
      }
    }
    return rules;
  }

  /** Applies {@code spec} to the default set. */
  public static Set<Rule> parse(String spec) throws ConfigException {
    return apply(defaults(), spec);
  }

  /** Applies {@code spec} to {@code start}; an empty or blank spec leaves it unchanged. */
  public static Set<Rule> apply(Set<Rule> start, String spec) throws ConfigException {
    EnumSet<Rule> selected = start.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(start);
    for (String item : spec.split(",")) {
      String term = item.strip();
      if (term.isEmpty()) {
        continue;
      }
      boolean remove = term.startsWith("-");
      String name = remove ? term.substring(1).strip() : term;
      if (name.equals("all")) {
        if (remove) {
          selected.clear();
        } else {
          selected.addAll(EnumSet.allOf(Rule.class));
        }
        continue;
      }
      Optional<Rule> rule = Rule.byName(name);
      if (rule.isEmpty()) {
        throw new ConfigException(
            "unknown check '" + name + "' (checks: all, " + RuleCatalog.engineRuleNames() + ")");
      }
      if (remove) {
        selected.remove(rule.get());
      } else {
        selected.add(rule.get());
      }
    }
    return selected;
  }
}

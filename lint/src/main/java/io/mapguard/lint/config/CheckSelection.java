package io.mapguard.lint.config;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.lint.rules.RuleCatalog;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * staticcheck-style rule selection: a comma list of {@code all}, {@code Rule} and {@code -Rule},
 * applied left to right over the default set (the rules enabled by default). {@code -all} turns
 * everything off, so {@code -all,GuardedMapEscape} runs one rule. The sets it returns are mutable and
 * iterate in catalogue order.
 */
public final class CheckSelection {
  private CheckSelection() {}

  public static Set<Rule> defaults() {
    Set<Rule> rules = new TreeSet<>();
    for (Rule rule : Rules.all()) {
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
    Set<Rule> selected = new TreeSet<>(start);
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
          selected.addAll(Rules.all());
        }
        continue;
      }
      Optional<Rule> rule = Rules.byName(name);
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

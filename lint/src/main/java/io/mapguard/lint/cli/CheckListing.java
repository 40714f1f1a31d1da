package io.mapguard.lint.cli;

import io.mapguard.lint.rules.RuleCatalog;
import io.mapguard.lint.rules.RuleDocs;
import io.mapguard.lint.rules.RuleInfo;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code --list-checks} and {@code --explain}: rule information from the catalogue and the pages.
 */
final class CheckListing {
  private CheckListing() {}

  /** One line per selectable rule: name, on/off by default, summary. */
  static void list(PrintStream out) {
    List<RuleInfo> rules =
        RuleCatalog.all().stream().filter(RuleInfo::selectable).collect(Collectors.toList());
    int width = rules.stream().mapToInt(rule -> rule.name().length()).max().orElse(0);
    for (RuleInfo rule : rules) {
      out.println(
          String.format(
              "%-" + width + "s  %-3s  %s",
              rule.name(),
              rule.enabledByDefault() ? "on" : "off",
              rule.summary()));
    }
  }

  /** Prints the rule's page; returns false when there is no such rule. */
  static boolean explain(String name, PrintStream out) {
    Optional<RuleInfo> rule = RuleCatalog.byName(name);
    if (rule.isEmpty()) {
      return false;
    }
    Optional<String> page = RuleDocs.page(rule.get().name());
    if (page.isPresent()) {
      out.print(page.get().endsWith("\n") ? page.get() : page.get() + "\n");
    } else {
      out.println(rule.get().name() + ": " + rule.get().summary());
      out.println("See " + rule.get().helpUri());
    }
    return true;
  }

  static String allRuleNames() {
    return RuleCatalog.all().stream().map(RuleInfo::name).collect(Collectors.joining(", "));
  }
}

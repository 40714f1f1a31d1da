package io.mapguard.engine.report;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * One rule's public name and metadata. Each rule defines it once, in the {@code @RuleDefinition} of
 * its check ({@code io.mapguard.engine.rules}); the rule processor turns those into the catalogue
 * ({@code io.mapguard.engine.rules.Rules}) and the Error Prone checks, and the rule tables of the
 * docs are written from the catalogue.
 *
 * @param ruleName the public name: printed as {@code [Name]}, used in {@code @SuppressWarnings("Name")}
 * @param summary one sentence: Error Prone's {@code @BugPattern} summary, mapvet's {@code
 *     --list-checks}, the SARIF rule's short description
 * @param brief what the rule reports, as the rule tables of the README and the user guide say it
 *     (Markdown)
 * @param severity the level it reports at unless the user changes it
 * @param enabledByDefault false for a rule that runs only when asked for by name (a hint)
 * @param since the first version that had the rule
 * @param order its place in the catalogue: listings, tables and the engine's run follow it
 */
public record Rule(
    String ruleName,
    String summary,
    String brief,
    Severity severity,
    boolean enabledByDefault,
    String since,
    int order)
    implements Comparable<Rule> {
  /** Where the rule pages live; a rule's page is {@code DOCS_BASE + ruleName + ".md"}. */
  public static final String DOCS_BASE =
      "https://github.com/mapguard/mapguard/blob/main/docs/rules/";

  /** Error Prone's levels; every rule reports at WARNING today, users raise it with -Xep:Name:ERROR. */
  public enum Severity {
    SUGGESTION,
    WARNING,
    ERROR
  }

  /** As Error Prone and SARIF name it: {@code WARNING}. */
  public String defaultSeverity() {
    return severity.name();
  }

  public String docsUrl() {
    return DOCS_BASE + ruleName + ".md";
  }

  /**
   * The Java constant's name ({@code UNSYNCHRONIZED_SHARED_MAP}), which options accept besides the
   * rule name, as when rules were enum constants.
   */
  public String constantName() {
    return constantName(ruleName);
  }

  /** {@code MapCapacityHint} → {@code MAP_CAPACITY_HINT}. */
  public static String constantName(String ruleName) {
    return ruleName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /**
   * A rule is its name: the catalogue has one rule of each. Hashing by the name alone matters as
   * rules key the maps of every class's analysis, and the record's own hash would combine every
   * field, the long {@code brief} included.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Rule rule && rule.ruleName.equals(ruleName);
  }

  @Override
  public int hashCode() {
    return ruleName.hashCode();
  }

  /** Catalogue order. */
  @Override
  public int compareTo(Rule other) {
    return Integer.compare(order, other.order);
  }

  /** The constant's name, as the enum this record replaced printed itself. */
  @Override
  public String toString() {
    return constantName();
  }

  /** The rule of {@code rules} called {@code name}, by its rule name or its constant's name. */
  public static Optional<Rule> find(Collection<Rule> rules, String name) {
    String constant = name.toUpperCase(Locale.ROOT);
    for (Rule rule : rules) {
      if (rule.ruleName.equals(name) || rule.constantName().equals(constant)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }
}

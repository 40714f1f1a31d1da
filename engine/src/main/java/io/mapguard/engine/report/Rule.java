package io.mapguard.engine.report;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule catalogue: each rule's public name and metadata, defined once. The Error Prone
 * {@code @BugPattern}s, the docs pages and mapvet's rule listing are checked against this table.
 */
public enum Rule {
  UNSYNCHRONIZED_SHARED_MAP(
      RuleNames.UNSYNCHRONIZED_SHARED_MAP,
      RuleNames.UNSYNCHRONIZED_SHARED_MAP_SUMMARY,
      true),
  INCONSISTENT_MAP_LOCKING(
      RuleNames.INCONSISTENT_MAP_LOCKING, RuleNames.INCONSISTENT_MAP_LOCKING_SUMMARY, true),
  MAP_WRITE_UNDER_READ_LOCK(
      RuleNames.MAP_WRITE_UNDER_READ_LOCK, RuleNames.MAP_WRITE_UNDER_READ_LOCK_SUMMARY, true),
  GUARDED_MAP_ESCAPE(RuleNames.GUARDED_MAP_ESCAPE, RuleNames.GUARDED_MAP_ESCAPE_SUMMARY, true),
  UNSAFE_MAP_PUBLICATION(
      RuleNames.UNSAFE_MAP_PUBLICATION, RuleNames.UNSAFE_MAP_PUBLICATION_SUMMARY, true),
  CONCURRENT_MAP_CHECK_THEN_ACT(
      RuleNames.CONCURRENT_MAP_CHECK_THEN_ACT,
      RuleNames.CONCURRENT_MAP_CHECK_THEN_ACT_SUMMARY,
      true),
  MUTABLE_VALUE_IN_CONCURRENT_MAP(
      RuleNames.MUTABLE_VALUE_IN_CONCURRENT_MAP,
      RuleNames.MUTABLE_VALUE_IN_CONCURRENT_MAP_SUMMARY,
      true),
  CONCURRENT_MAP_NULL_VALUE(
      RuleNames.CONCURRENT_MAP_NULL_VALUE, RuleNames.CONCURRENT_MAP_NULL_VALUE_SUMMARY, true),
  SYNCHRONIZED_MAP_ITERATION(
      RuleNames.SYNCHRONIZED_MAP_ITERATION, RuleNames.SYNCHRONIZED_MAP_ITERATION_SUMMARY, true),
  SYNCHRONIZED_MAP_BYPASS(
      RuleNames.SYNCHRONIZED_MAP_BYPASS, RuleNames.SYNCHRONIZED_MAP_BYPASS_SUMMARY, true),
  MAP_MODIFIED_DURING_ITERATION(
      RuleNames.MAP_MODIFIED_DURING_ITERATION,
      RuleNames.MAP_MODIFIED_DURING_ITERATION_SUMMARY,
      true),
  RECURSIVE_MAP_UPDATE(
      RuleNames.RECURSIVE_MAP_UPDATE, RuleNames.RECURSIVE_MAP_UPDATE_SUMMARY, true),
  /** A performance hint, off by default: {@code -Xep:MapCapacityHint:WARN}, mapvet {@code --checks all}. */
  MAP_CAPACITY_HINT(RuleNames.MAP_CAPACITY_HINT, RuleNames.MAP_CAPACITY_HINT_SUMMARY, false);

  private final String ruleName;
  private final String summary;
  private final boolean enabledByDefault;

  Rule(String ruleName, String summary, boolean enabledByDefault) {
    this.ruleName = ruleName;
    this.summary = summary;
    this.enabledByDefault = enabledByDefault;
  }

  /** The public name: printed as {@code [Name]}, used in {@code @SuppressWarnings("Name")}. */
  public String ruleName() {
    return ruleName;
  }

  public String summary() {
    return summary;
  }

  public boolean enabledByDefault() {
    return enabledByDefault;
  }

  /** Every rule reports at WARNING by default; users raise it with -Xep:Name:ERROR. */
  public String defaultSeverity() {
    return "WARNING";
  }

  public String docsUrl() {
    return RuleNames.DOCS_BASE + ruleName + ".md";
  }

  public static Optional<Rule> byName(String name) {
    for (Rule rule : values()) {
      if (rule.ruleName.equals(name) || rule.name().equals(name.toUpperCase(Locale.ROOT))) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }
}

package io.mapguard.lint.config;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.lint.rules.RuleCatalog;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The analysis settings after merging the config file and the command line, validated: every rule
 * name and method reference has been checked, so the scan itself cannot fail on them.
 */
public final class Settings {
  private final Set<Rule> enabledRules;
  private final AnalysisOptions analysisOptions;
  private final ExcludeMatcher exclude;

  private Settings(
      Set<Rule> enabledRules, AnalysisOptions analysisOptions, ExcludeMatcher exclude) {
    this.enabledRules = Collections.unmodifiableSet(enabledRules);
    this.analysisOptions = analysisOptions;
    this.exclude = exclude;
  }

  public static Settings resolve(ConfigValues values) throws ConfigException {
    Set<Rule> enabled = CheckSelection.parse(values.checks().orElse(""));
    for (String name : values.disable().orElse("").split(",")) {
      if (name.isBlank()) {
        continue;
      }
      Optional<Rule> rule = Rules.byName(name.strip());
      if (rule.isEmpty()) {
        throw new ConfigException(
            "disable: unknown rule '"
                + name.strip()
                + "' (rules: "
                + RuleCatalog.engineRuleNames()
                + ")");
      }
      enabled.remove(rule.get());
    }
    AnalysisOptions.Builder builder = AnalysisOptions.builder();
    for (Rule rule : Rules.all()) {
      if (enabled.contains(rule)) {
        builder.enable(rule);
      } else {
        builder.disable(rule.ruleName());
      }
    }
    try {
      builder.immediateMethods(values.immediateMethods().orElse(""));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("immediateMethods: " + e.getMessage(), e);
    }
    try {
      builder.lockingCallbackMethods(values.lockingCallbackMethods().orElse(""));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("lockingCallbackMethods: " + e.getMessage(), e);
    }
    try {
      builder.threadStartMethods(values.threadStartMethods().orElse(""));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("threadStartMethods: " + e.getMessage(), e);
    }
    builder.everyAccess(onOff("everyAccess", values.everyAccess()));
    builder.staticCachesShared(onOff("staticCachesShared", values.staticCachesShared()));
    ExcludeMatcher exclude = ExcludeMatcher.parse(values.exclude().orElse(""));
    return new Settings(new TreeSet<>(enabled), builder.build(), exclude);
  }

  /** An on/off key, false when not given. */
  private static boolean onOff(String key, Optional<String> value) throws ConfigException {
    String given = value.orElse("false").strip();
    if (!given.equalsIgnoreCase("true") && !given.equalsIgnoreCase("false")) {
      throw new ConfigException(key + ": expected true or false, got '" + given + "'");
    }
    return Boolean.parseBoolean(given);
  }

  public Set<Rule> enabledRules() {
    return enabledRules;
  }

  /** The public names of the enabled rules. */
  public Set<String> enabledRuleNames() {
    Set<String> names = new LinkedHashSet<>();
    enabledRules.forEach(rule -> names.add(rule.ruleName()));
    return names;
  }

  public AnalysisOptions analysisOptions() {
    return analysisOptions;
  }

  /** These settings, with each analysed file's call summaries made for {@code --summaries-out}. */
  public Settings withSummaries() {
    return new Settings(enabledRules, analysisOptions.withWriteSummaries(true), exclude);
  }

  public ExcludeMatcher exclude() {
    return exclude;
  }
}

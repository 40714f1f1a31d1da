package io.mapguard.lint.rules;

/**
 * What mapvet knows about one rule it can report: an engine rule, or one of mapvet's own about
 * {@code mapvet:ignore} directives.
 *
 * @param selectable whether {@code --checks} can turn it on and off (engine rules only)
 * @param severity the reported severity, lower case ({@code warning})
 */
public record RuleInfo(
    String name,
    String summary,
    boolean enabledByDefault,
    boolean selectable,
    String severity,
    String helpUri) {}

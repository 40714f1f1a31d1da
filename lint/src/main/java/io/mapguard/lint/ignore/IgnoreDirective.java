package io.mapguard.lint.ignore;

import java.util.List;

/**
 * One {@code // mapvet:ignore Rule1,Rule2 -- reason} comment. It covers findings on its own line
 * and on the line below it.
 *
 * @param rules the known rules it names, by their public names
 * @param problems why the directive is malformed; a directive with problems is reported as {@code
 *     InvalidIgnore}, and suppresses nothing when it lacks a rule or a reason
 * @param text the comment text after {@code //}, trimmed
 */
public record IgnoreDirective(
    int line,
    int column,
    int endColumn,
    String text,
    List<String> rules,
    String reason,
    List<String> problems) {

  public IgnoreDirective {
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
  }

  /** Whether it suppresses anything: it needs a reason and at least one known rule. */
  public boolean isEffective() {
    return !reason.isEmpty() && !rules.isEmpty();
  }

  public boolean covers(int findingLine) {
    return findingLine == line || findingLine == line + 1;
  }
}

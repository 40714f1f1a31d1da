package io.mapguard.lint.ignore;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.lint.rules.RuleCatalog;
import io.mapguard.lint.source.Comment;
import io.mapguard.lint.source.JavaLexicalScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code mapvet:} directives in a file's line comments. Only line comments count, and only
 * when the directive starts the comment (as staticcheck's {@code //lint:ignore}), so prose that
 * mentions mapvet never becomes a directive.
 */
public final class DirectiveParser {
  private static final String PREFIX = "mapvet:";
  private static final Pattern DIRECTIVE_WORD =
      Pattern.compile("mapvet:([A-Za-z][\\w-]*)(.*)", Pattern.DOTALL);
  private static final String REASON_SEPARATOR = "--";
  private static final String USAGE = "write // mapvet:ignore RuleName -- reason";

  private DirectiveParser() {}

  public static List<IgnoreDirective> parse(String source) {
    List<IgnoreDirective> directives = new ArrayList<>();
    if (!source.contains(PREFIX)) {
      return directives; // the common case, without scanning the file's comments
    }
    for (Comment comment : JavaLexicalScanner.comments(source)) {
      if (comment.kind() == Comment.Kind.LINE) {
        parse(comment).ifPresent(directives::add);
      }
    }
    return directives;
  }

  static Optional<IgnoreDirective> parse(Comment comment) {
    String text = comment.text().strip();
    if (!text.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Matcher word = DIRECTIVE_WORD.matcher(text);
    if (!word.matches()) {
      // "mapvet: see the docs" is prose, not a directive.
      return Optional.empty();
    }
    List<String> rules = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String reason = "";
    String rest = word.group(2);
    if (!word.group(1).equals("ignore")) {
      problems.add("unknown mapvet directive 'mapvet:" + word.group(1) + "'; " + USAGE);
    } else if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
      problems.add("malformed mapvet:ignore directive; " + USAGE);
    } else {
      int separator = rest.indexOf(REASON_SEPARATOR);
      String ruleList = separator < 0 ? rest : rest.substring(0, separator);
      reason = separator < 0 ? "" : rest.substring(separator + REASON_SEPARATOR.length()).strip();
      parseRules(ruleList, rules, problems);
      if (reason.isEmpty()) {
        problems.add("mapvet:ignore directive gives no reason; " + USAGE);
      }
    }
    return Optional.of(
        new IgnoreDirective(
            comment.line(), comment.column(), comment.endColumn(), text, rules, reason, problems));
  }

  private static void parseRules(String ruleList, List<String> rules, List<String> problems) {
    if (ruleList.isBlank()) {
      problems.add("mapvet:ignore directive names no rule; " + USAGE);
      return;
    }
    boolean emptyName = false;
    for (String name : ruleList.split(",", -1)) {
      String trimmed = name.strip();
      if (trimmed.isEmpty()) {
        emptyName = true;
        continue;
      }
      Optional<Rule> rule = Rules.byName(trimmed);
      if (rule.isPresent()) {
        rules.add(rule.get().ruleName());
      } else {
        problems.add(
            "unknown rule '"
                + trimmed
                + "' in mapvet:ignore directive (rules: "
                + RuleCatalog.engineRuleNames()
                + ")");
      }
    }
    if (emptyName) {
      problems.add("mapvet:ignore directive has an empty rule name in '" + ruleList.strip() + "'");
    }
  }
}

package io.mapguard.docs;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.lint.MapVet;
import io.mapguard.lint.cli.Environment;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rule tables of the README, the user guide and mapvet's page, written from the catalogue
 * between the markers {@link #BEGIN} and {@link #END}: nobody edits a table by hand, a rule's
 * {@code @RuleDefinition} is its only source. {@link RuleTablesTest} fails when a file differs and
 * rewrites them when run with {@code -D}{@value #WRITE}{@code =true} ({@link #REGENERATE}).
 */
final class RuleTables {
  static final String WRITE = "mapguard.writeRuleTables";

  /** What a contributor runs after adding or changing a rule (CONTRIBUTING.md, "Add a rule"). */
  static final String REGENERATE =
      "mvn -B -o -pl docs -am test -Dtest=RuleTablesTest -Dsurefire.failIfNoSpecifiedTests=false -D"
          + WRITE
          + "=true";

  static final String BEGIN =
      "<!-- rule table: generated from each rule's @RuleDefinition by RuleTablesTest; do not edit"
          + " (CONTRIBUTING.md, \"Add a rule\") -->";
  static final String END = "<!-- end of rule table -->";

  /** A file with one generated table, relative to the docs module (the tests' working directory). */
  record Table(Path file, Supplier<String> body) {
    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  static final List<Table> TABLES =
      List.of(
          new Table(Path.of("../README.md"), RuleTables::readme),
          new Table(Path.of("user-guide.md"), RuleTables::userGuide),
          new Table(Path.of("mapvet.md"), RuleTables::listChecks));

  private RuleTables() {}

  static String readme() {
    return table(
        "| rule | reports | default |\n|---|---|---|\n",
        rule ->
            String.format(
                "| [%1$s](docs/rules/%1$s.md) | %2$s | %3$s |",
                rule.ruleName(),
                rule.brief(),
                rule.enabledByDefault() ? "on" : "off"));
  }

  static String userGuide() {
    return table(
        "| rule | reports |\n|---|---|\n",
        rule ->
            String.format(
                "| [%1$s](rules/%1$s.md)%2$s | %3$s |",
                rule.ruleName(),
                rule.enabledByDefault() ? "" : " (off by default)",
                rule.brief()));
  }

  private static String table(String header, Function<Rule, String> row) {
    StringBuilder table = new StringBuilder(header);
    for (Rule rule : Rules.all()) {
      table.append(row.apply(rule)).append('\n');
    }
    return table.toString();
  }

  /** mapvet's own {@code --list-checks} output, run in-process, as a console sample. */
  static String listChecks() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      Environment env =
          new Environment(InputStream.nullInputStream(), outStream, errStream, Path.of(""), false);
      int status = MapVet.runEmbedded(List.of("--list-checks"), env, List.of());
      if (status != 0) {
        throw new IllegalStateException(
            "mapvet --list-checks: status " + status + ": " + err.toString(StandardCharsets.UTF_8));
      }
    }
    return "```console\n$ mapvet --list-checks\n"
        + out.toString(StandardCharsets.UTF_8)
        + "$ mapvet --explain InconsistentMapLocking     # the rule's page, as in docs/rules/\n"
        + "```\n";
  }

  /**
   * {@code text} with the lines between its markers replaced by {@code body}.
   *
   * @throws IllegalArgumentException when {@code text} has not exactly one pair of markers
   */
  static String replaceTable(String text, String body) {
    int begin = text.indexOf(BEGIN + "\n");
    int end = text.indexOf(END);
    if (begin < 0 || end < begin || text.indexOf(BEGIN, begin + 1) >= 0) {
      throw new IllegalArgumentException("expected one line " + BEGIN + " and, after it, " + END);
    }
    int bodyStart = begin + BEGIN.length() + 1;
    return text.substring(0, bodyStart) + body + text.substring(end);
  }
}

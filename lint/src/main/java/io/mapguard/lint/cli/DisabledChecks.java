package io.mapguard.lint.cli;

import io.mapguard.engine.report.Rule;
import io.mapguard.lint.config.Settings;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * A config file is part of the repository it configures, so a pull request can change it: {@code
 * checks = -all} would pass every later scan. Rules the file turns off are therefore always named
 * on stderr, where a reviewer of the CI log sees them.
 */
final class DisabledChecks {
  private DisabledChecks() {}

  /**
   * @param withoutFile the settings from the command line alone (the default checks when it
   *     selects none)
   * @param withFile the settings in force, the file's values under the command line's
   * @param fileName the config file as the user knows it
   */
  static void warn(Settings withoutFile, Settings withFile, String fileName, PrintStream err) {
    Set<Rule> enabled = withFile.enabledRules();
    List<String> turnedOff =
        withoutFile.enabledRules().stream()
            .filter(rule -> !enabled.contains(rule))
            .map(Rule::ruleName)
            .toList();
    if (turnedOff.isEmpty()) {
      return;
    }
    if (enabled.isEmpty()) {
      err.println(
          "mapvet: warning: "
              + fileName
              + " turns off every check, so this run cannot find anything");
    } else {
      err.println(
          "mapvet: warning: "
              + fileName
              + " turns off "
              + (turnedOff.size() == 1 ? "1 check: " : turnedOff.size() + " checks: ")
              + String.join(", ", turnedOff));
    }
  }
}

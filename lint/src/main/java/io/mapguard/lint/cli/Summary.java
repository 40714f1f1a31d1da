package io.mapguard.lint.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The last line on stderr: {@code mapvet: 3 findings in 1 of 1 files (0 errors)}, with the ignored
 * and baselined counts when there are any, so that a quiet report still says what was hidden, and
 * what could not be analysed, so that a gate that passed on part of the code says so.
 *
 * @param analysed files parsed and analysed
 * @param files files found to analyse
 * @param errors diagnostics of the error kinds (unreadable, unparsable, internal errors)
 * @param ignored findings suppressed by {@code mapvet:ignore}
 * @param baselined findings dropped because the baseline has them
 * @param staleBaselineEntries baseline entries of analysed (or deleted) files that matched nothing
 * @param gaps what was not (fully) analysed
 */
record Summary(
    int findings,
    int analysed,
    int files,
    int errors,
    int ignored,
    int baselined,
    int staleBaselineEntries,
    Gaps gaps) {

  /**
   * Input mapvet could not analyse; {@code --strict} fails on any of it.
   *
   * @param partlyAnalysed files analysed but for one class or more (an internal error there)
   * @param unreadablePaths paths given or met while walking that could not be used (missing,
   *     unreadable, not a regular file)
   */
  record Gaps(int notAnalysed, int partlyAnalysed, int unreadablePaths) {
    boolean any() {
      return notAnalysed + partlyAnalysed + unreadablePaths > 0;
    }

    /** {@code 3 files not analysed, 1 partly, 1 path not read}. */
    String describe() {
      List<String> parts = new ArrayList<>();
      if (notAnalysed > 0) {
        parts.add(plural(notAnalysed, "file") + " not analysed");
      }
      if (partlyAnalysed > 0) {
        parts.add(
            notAnalysed > 0
                ? partlyAnalysed + " partly"
                : plural(partlyAnalysed, "file") + " partly analysed");
      }
      if (unreadablePaths > 0) {
        parts.add(plural(unreadablePaths, "path") + " not read");
      }
      return String.join(", ", parts);
    }
  }

  String line() {
    StringBuilder line =
        new StringBuilder("mapvet: ")
            .append(plural(findings, "finding"))
            .append(" in ")
            .append(analysed)
            .append(" of ")
            .append(files)
            .append(" files (")
            .append(plural(errors, "error"));
    if (ignored > 0) {
      line.append(", ").append(ignored).append(" ignored");
    }
    if (baselined > 0) {
      line.append(", ").append(baselined).append(" in baseline");
    }
    if (staleBaselineEntries > 0) {
      line.append(", ").append(plural(staleBaselineEntries, "stale baseline entry", "entries"));
    }
    line.append(')');
    if (gaps.any()) {
      line.append("; incomplete: ").append(gaps.describe());
    }
    return line.toString();
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** {@code plural(2, "stale baseline entry", "entries")}: the last word replaced. */
  private static String plural(int count, String singular, String pluralLastWord) {
    if (count == 1) {
      return count + " " + singular;
    }
    return count + " " + singular.substring(0, singular.lastIndexOf(' ') + 1) + pluralLastWord;
  }
}

package io.mapguard.lint.cli;

/**
 * The last line on stderr: {@code mapvet: 4 findings in 1 of 1 files (0 errors)}, with the ignored
 * and baselined counts when there are any, so that a quiet report still says what was hidden.
 *
 * @param analysed files parsed and analysed
 * @param files files found to analyse
 * @param errors diagnostics of the error kinds (unreadable, unparsable, internal errors)
 * @param ignored findings suppressed by {@code mapvet:ignore}
 * @param baselined findings dropped because the baseline has them
 */
record Summary(int findings, int analysed, int files, int errors, int ignored, int baselined) {
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
    return line.append(')').toString();
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}

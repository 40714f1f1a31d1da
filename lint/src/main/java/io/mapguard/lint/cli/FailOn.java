package io.mapguard.lint.cli;

import java.util.Locale;

/** The {@code --fail-on} threshold: the lowest severity that makes the exit code 1. */
public enum FailOn {
  NONE(Integer.MAX_VALUE),
  WARNING(1),
  ERROR(2);

  private final int threshold;

  FailOn(int threshold) {
    this.threshold = threshold;
  }

  public boolean failsOn(String severity) {
    return rank(severity) >= threshold;
  }

  private static int rank(String severity) {
    switch (severity.toLowerCase(Locale.ROOT)) {
      case "error":
        return 2;
      case "warning":
        return 1;
      default:
        return 0;
    }
  }
}

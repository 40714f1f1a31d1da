package io.mapguard.lint.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code --format} choices. */
public enum ReportFormat {
  TEXT(new TextReporter()),
  JSON(new JsonLinesReporter()),
  SARIF(new SarifReporter());

  private final Reporter reporter;

  ReportFormat(Reporter reporter) {
    this.reporter = reporter;
  }

  public Reporter reporter() {
    return reporter;
  }

  /** The name users type: lower case. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReportFormat> byOptionName(String name) {
    return Arrays.stream(values())
        .filter(f -> f.optionName().equals(name.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  public static List<String> optionNames() {
    return Arrays.stream(values()).map(ReportFormat::optionName).toList();
  }
}

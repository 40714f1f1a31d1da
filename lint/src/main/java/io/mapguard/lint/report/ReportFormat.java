package io.mapguard.lint.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The {@code --format} choices. */
public enum ReportFormat {
  TEXT(TextReporter::new),
  JSON(JsonLinesReporter::new),
  SARIF(SarifReporter::new);

  /** Made when asked for: the JSON reporters load Jackson, which text output need not wait for. */
  private final Supplier<Reporter> reporter;

  ReportFormat(Supplier<Reporter> reporter) {
    this.reporter = reporter;
  }

  public Reporter reporter() {
    return reporter.get();
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

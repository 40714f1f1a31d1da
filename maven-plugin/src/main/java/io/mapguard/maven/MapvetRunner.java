package io.mapguard.maven;

import io.mapguard.lint.MapVet;
import io.mapguard.lint.cli.Environment;
import io.mapguard.lint.report.ReportFile;
import io.mapguard.lint.report.ReportFormat;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs mapvet's command line in this JVM ({@link MapVet#runEmbedded}) for one module, from the
 * request's working directory, and sends what it prints to the Maven log line by line: the
 * findings (its stdout) as warnings, its stderr by kind, as the command line would show them.
 */
final class MapvetRunner {
  /** {@code mapvet: 3 findings in 1 of 1 files (0 errors)}, the run's last line. */
  private static final Pattern SUMMARY =
      Pattern.compile("^mapvet: \\d+ findings? in \\d+ of \\d+ files?.*");

  private static final String STRICT_PREFIX = "mapvet: --strict: ";

  private MapvetRunner() {}

  /**
   * What a run said beside the findings.
   *
   * @param summary the summary line, when the scan got that far
   * @param strictFailure the line saying that {@code --strict} failed the run on an incomplete scan
   * @param problems the lines that explain an exit code 2 otherwise (usage, configuration or
   *     internal errors), in order
   */
  record Outcome(
      int exitCode, Optional<String> summary, Optional<String> strictFailure, List<String> problems) {}

  static Outcome run(CheckRequest request, Log log) {
    List<String> summary = new ArrayList<>();
    List<String> strict = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    LineOutputStream stdout = new LineOutputStream(log::warn);
    LineOutputStream stderr =
        new LineOutputStream(
            line -> {
              if (SUMMARY.matcher(line).matches()) {
                summary.add(line);
                log.info(line);
              } else if (line.startsWith(STRICT_PREFIX)) {
                strict.add(line);
                log.error(line);
              } else {
                logDiagnostic(log, line, problems);
              }
            });
    int exitCode;
    try (PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
      Environment env =
          new Environment(
              new ByteArrayInputStream(new byte[0]), out, err, request.workingDirectory(), false);
      exitCode =
          MapVet.runEmbedded(
              request.arguments(),
              env,
              List.of(new ReportFile(ReportFormat.SARIF, request.sarifFile())));
    }
    return new Outcome(
        exitCode,
        summary.stream().reduce((first, second) -> second),
        strict.stream().findFirst(),
        List.copyOf(problems));
  }

  /**
   * One stderr line that is neither the summary nor the strict verdict: {@code path:l:c: kind:
   * message} diagnostics by their kind, {@code mapvet: warning|note: ...} as said, the baseline
   * written as information, anything else
   * ({@code mapvet: <why the run stopped>}, a stack trace) as an error kept for the failure.
   */
  private static void logDiagnostic(Log log, String line, List<String> problems) {
    if (line.contains(": warning: ") || line.startsWith("mapvet: warning: ")) {
      log.warn(line);
    } else if (line.contains(": note: ")
        || line.startsWith("mapvet: note: ")
        || line.startsWith("mapvet: wrote ")) {
      log.info(line);
    } else if (line.contains(": error: ")
        || line.contains(": parse error: ")
        || line.contains(": internal error: ") && !line.startsWith("mapvet: ")) {
      log.error(line);
    } else if (line.startsWith("Try 'mapvet --help'")) {
      // The command line's hint; the goal's parameters are the Maven user's options.
      log.debug(line);
    } else {
      problems.add(line);
      log.error(line);
    }
  }
}

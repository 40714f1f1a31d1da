package io.mapguard.lint.cli;

import io.mapguard.lint.config.Settings;
import io.mapguard.lint.report.ReportFile;
import io.mapguard.lint.report.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One scan, fully resolved from the command line and the config file.
 *
 * @param sourceRoots empty: detect them from the files' package declarations
 * @param output empty: stdout
 * @param strict exit code 2 when any input could not be analysed
 * @param extraReports reports written besides the one {@code --format}/{@code --output} choose,
 *     absolute (only in-process callers ask for them, see {@code MapVet.runEmbedded})
 */
record LintRequest(
    List<String> paths,
    Settings settings,
    ReportFormat format,
    Optional<Path> output,
    FailOn failOn,
    boolean strict,
    Optional<Path> baseline,
    Optional<Path> writeBaseline,
    boolean reportStaleBaseline,
    boolean reportUnusedIgnores,
    int jobs,
    boolean quiet,
    List<Path> sourceRoots,
    List<Path> classpath,
    List<ReportFile> extraReports,
    List<Path> summaries,
    Optional<Path> summariesOut) {}

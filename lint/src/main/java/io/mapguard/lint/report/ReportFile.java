package io.mapguard.lint.report;

import java.nio.file.Path;

/**
 * A report written to a file in addition to the one the command line asks for: tools that embed
 * mapvet (the Maven plugin) print text and keep a SARIF file from one scan.
 *
 * @param path absolute, or relative to the run's working directory
 */
public record ReportFile(ReportFormat format, Path path) {}

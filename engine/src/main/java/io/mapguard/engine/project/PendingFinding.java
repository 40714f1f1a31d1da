package io.mapguard.engine.project;

import io.mapguard.engine.report.Finding;

/**
 * A finding whose condition on the rest of the project did not hold in the classes its compilation
 * (or scan) saw: a library's static map that no task of the library writes, a helper every caller
 * of the library calls under the lock. The class's summary keeps it ({@link CallSummaries}), so a
 * later compilation that sees more of the project (the application built against the library's jar,
 * another shard of a scan) decides it again against the calls it sees, and reports it when it stands
 * there: without it, a race between a library's map and an application's thread pool would be in
 * neither build's findings.
 *
 * @param rule the rule's name ({@code UnsynchronizedSharedMap})
 * @param file the source file as the compilation that wrote it was given it
 * @param line 1-based
 * @param column 1-based, 0 when not known
 * @param fingerprint the finding's fingerprint (no line numbers: baselines keep it across edits)
 * @param message the message before its condition adds the place that makes it stand
 * @param condition what must hold of the rest of the project
 */
public record PendingFinding(
    String rule, String file, int line, int column, String fingerprint, String message, ProjectCondition condition) {

  /** The finding once its condition stands: its message says why, and nothing is left to decide. */
  public PendingFinding standing(String reason) {
    return new PendingFinding(
        rule, file, line, column, fingerprint, Finding.withReason(message, reason), null);
  }

  /** {@code Registry.java:42}: where it is, for a report that has no source position for it. */
  public String place() {
    return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1) + ":" + line;
  }
}

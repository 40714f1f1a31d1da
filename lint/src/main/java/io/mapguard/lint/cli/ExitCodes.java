package io.mapguard.lint.cli;

/** mapvet's exit codes, as documented in docs/mapvet.md. */
public final class ExitCodes {
  /** Nothing at or above the {@code --fail-on} level. */
  public static final int CLEAN = 0;

  /** Findings at or above the {@code --fail-on} level. */
  public static final int FINDINGS = 1;

  /** A usage or configuration error, or nothing could be analysed. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}

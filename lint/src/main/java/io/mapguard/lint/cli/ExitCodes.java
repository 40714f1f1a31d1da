package io.mapguard.lint.cli;

/** mapvet's exit codes, as documented in docs/mapvet.md. */
public final class ExitCodes {
  /** Nothing at or above the {@code --fail-on} level. */
  public static final int CLEAN = 0;

  /**
   * Findings at or above the {@code --fail-on} level, and nothing else: a CI gate reads 1 as "the
   * code has problems", so no failure of mapvet itself may ever end with it.
   */
  public static final int FINDINGS = 1;

  /**
   * mapvet could not do its job: a usage or configuration error, a crash (including the JVM's own
   * errors, such as running out of memory), nothing could be analysed, or with {@code --strict} a
   * file that could not be analysed.
   */
  public static final int ERROR = 2;

  private ExitCodes() {}
}

package io.mapguard.lint.baseline;

/** A baseline file that cannot be read or written; the run stops with exit code 2. */
public final class BaselineException extends Exception {
  private static final long serialVersionUID = 1L;

  public BaselineException(String message) {
    super(message);
  }
}

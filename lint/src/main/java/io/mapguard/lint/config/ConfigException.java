package io.mapguard.lint.config;

/** A configuration the user must fix (bad option value, unknown key, unreadable file); exit 2. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}

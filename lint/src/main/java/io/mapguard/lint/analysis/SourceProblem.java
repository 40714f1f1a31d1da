package io.mapguard.lint.analysis;

/**
 * A file mapvet could not analyse (or not completely): unparsable Java, or an internal error while
 * analysing one class. The scan goes on.
 *
 * @param kind {@code parse error} or {@code internal error}
 */
public record SourceProblem(String file, int line, int column, String kind, String message) {
  public static final String PARSE_ERROR = "parse error";
  public static final String INTERNAL_ERROR = "internal error";

  /** {@code path:line:col: parse error: message}, like javac and go vet. */
  public String format() {
    return file + ":" + line + ":" + column + ": " + kind + ": " + message;
  }
}

package io.mapguard.lint.scan;

import io.mapguard.lint.frontend.SourceProblem;
import java.util.Comparator;

/**
 * A message about the input rather than about the code: a file that cannot be read or parsed, a
 * symlink loop, a charset fallback. Printed on stderr like a compiler diagnostic.
 *
 * @param line 0 when the message is about the file as a whole
 */
public record Diagnostic(String file, int line, int column, Kind kind, String message) {
  /** By file, then position: the order they are printed in. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::message);

  /** How bad it is; the error kinds mean (part of) the file was not analysed. */
  public enum Kind {
    ERROR("error", true),
    PARSE_ERROR(SourceProblem.PARSE_ERROR, true),
    INTERNAL_ERROR(SourceProblem.INTERNAL_ERROR, true),
    WARNING("warning", false),
    NOTE("note", false);

    private final String label;
    private final boolean error;

    Kind(String label, boolean error) {
      this.label = label;
      this.error = error;
    }

    public String label() {
      return label;
    }

    public boolean isError() {
      return error;
    }
  }

  public static Diagnostic ofFile(String file, Kind kind, String message) {
    return new Diagnostic(file, 0, 0, kind, message);
  }

  public static Diagnostic of(SourceProblem problem) {
    Kind kind =
        problem.kind().equals(SourceProblem.PARSE_ERROR) ? Kind.PARSE_ERROR : Kind.INTERNAL_ERROR;
    return new Diagnostic(
        problem.file(), problem.line(), problem.column(), kind, problem.message());
  }

  public boolean isError() {
    return kind.isError();
  }

  /** {@code path:line:col: kind: message}, or {@code path: kind: message} for the whole file. */
  public String format() {
    String where = line > 0 ? file + ":" + line + ":" + Math.max(column, 1) : file;
    return where + ": " + kind.label() + ": " + message;
  }
}

package io.mapguard.lint.scan;

import io.mapguard.lint.analysis.SourceProblem;
import io.mapguard.lint.text.ControlCharacters;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message about the input rather than about the code: a file that cannot be read or parsed, a
 * symlink loop, a charset fallback. Printed on stderr like a compiler diagnostic.
 *
 * @param line 0 when the message is about the file as a whole
 */
public record Diagnostic(String file, int line, int column, Kind kind, String message) {
  private static final Pattern LEXICAL_ERROR =
      Pattern.compile("^Lexical error at line (\\d{1,9}), column (\\d{1,9})\\.");

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
    int line = problem.line();
    int column = problem.column();
    Matcher lexical = LEXICAL_ERROR.matcher(problem.message());
    if (kind == Kind.PARSE_ERROR && line <= 1 && column <= 1 && lexical.find()) {
      // JavaParser gives a lexical error no position of its own, only this text
      line = Integer.parseInt(lexical.group(1));
      column = Integer.parseInt(lexical.group(2));
    }
    return new Diagnostic(problem.file(), line, column, kind, problem.message());
  }

  public boolean isError() {
    return kind.isError();
  }

  /**
   * {@code path:line:col: kind: message}, or {@code path: kind: message} for the whole file, with
   * control characters escaped: file names come from the scanned tree.
   */
  public String format() {
    String shownFile = ControlCharacters.escape(file);
    String where = line > 0 ? shownFile + ":" + line + ":" + Math.max(column, 1) : shownFile;
    return where + ": " + kind.label() + ": " + ControlCharacters.escape(message);
  }
}

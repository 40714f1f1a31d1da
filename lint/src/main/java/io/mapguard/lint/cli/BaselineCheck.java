package io.mapguard.lint.cli;

import io.mapguard.lint.baseline.Baseline;
import io.mapguard.lint.baseline.BaselineEntry;
import io.mapguard.lint.baseline.BaselineException;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.scan.Diagnostic;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's baseline: the one read with {@code --baseline}, or the one written with {@code
 * --write-baseline}, and what it does to the findings.
 */
final class BaselineCheck {
  private final LintRequest request;
  private final PrintStream err;
  private Baseline baseline;

  private BaselineCheck(LintRequest request, PrintStream err, Baseline baseline) {
    this.request = request;
    this.err = err;
    this.baseline = baseline;
  }

  /** Reads {@code --baseline}, if given; says so when it needs regenerating. */
  static BaselineCheck read(LintRequest request, PrintStream err) throws BaselineException {
    if (request.baseline().isEmpty()) {
      return new BaselineCheck(request, err, Baseline.empty());
    }
    Path file = request.baseline().get();
    Baseline baseline = Baseline.read(file);
    if (baseline.isLegacyFormat() && baseline.size() > 0) {
      err.println(
          "mapvet: note: baseline "
              + file
              + " is in format 1: its entries still match, but reformatting a line makes its"
              + " finding new; regenerate it with --write-baseline to upgrade");
    }
    return new BaselineCheck(request, err, baseline);
  }

  /** With {@code --write-baseline}: writes {@code findings} as the new baseline, to apply next. */
  void writeIfAsked(List<LintFinding> findings) throws BaselineException {
    if (request.writeBaseline().isEmpty()) {
      return;
    }
    Path target = request.writeBaseline().get();
    Baseline.write(target, findings);
    baseline = Baseline.read(target);
    err.println("mapvet: wrote " + findings.size() + " findings to baseline " + target);
  }

  /**
   * @param reported the findings the baseline does not accept
   * @param stale entries that match no finding although their file was analysed (or is gone)
   * @param staleNotes one note per stale entry, when {@code --report-stale-baseline} asks for them
   */
  record Outcome(
      List<LintFinding> reported, int baselined, int stale, List<Diagnostic> staleNotes) {}

  /**
   * @param analysedFiles display paths of the files this run analysed: only their entries can be
   *     known to be stale, since a partial scan (a pull request's files) sees no other finding
   */
  Outcome apply(
      List<LintFinding> findings,
      Map<String, String> legacyFingerprints,
      Set<String> analysedFiles,
      Path workingDir) {
    Baseline.Matching matching = baseline.match(findings, legacyFingerprints);
    List<Diagnostic> notes = new ArrayList<>();
    int stale = 0;
    if (request.writeBaseline().isEmpty()) {
      for (BaselineEntry entry : matching.unused()) {
        if (analysedFiles.contains(entry.file()) || isGone(entry.file(), workingDir)) {
          stale++;
          if (request.reportStaleBaseline()) {
            notes.add(staleNote(entry));
          }
        }
      }
    }
    return new Outcome(matching.unmatched(), matching.matched(), stale, notes);
  }

  private static boolean isGone(String file, Path workingDir) {
    try {
      return !Files.exists(workingDir.resolve(file));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static Diagnostic staleNote(BaselineEntry entry) {
    return Diagnostic.ofFile(
        entry.file(),
        Diagnostic.Kind.NOTE,
        "stale baseline entry "
            + entry.fingerprint()
            + " ("
            + entry.rule()
            + ": "
            + entry.message()
            + ") matches no finding; regenerate the baseline with --write-baseline to drop it");
  }
}

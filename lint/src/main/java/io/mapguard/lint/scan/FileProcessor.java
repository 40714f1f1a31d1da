package io.mapguard.lint.scan;

import io.mapguard.engine.project.CallSummaries.ClassCalls;
import io.mapguard.engine.rules.Rules;
import io.mapguard.lint.baseline.SourceFingerprints;
import io.mapguard.lint.analysis.FileAnalyzer;
import io.mapguard.lint.analysis.FileResult;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.analysis.SourceProblem;
import io.mapguard.lint.ignore.DirectiveParser;
import io.mapguard.lint.ignore.IgnoreDirective;
import io.mapguard.lint.ignore.IgnoreFilter;
import io.mapguard.lint.source.NestingLimits;
import io.mapguard.lint.source.SourceDecoder;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The per-file path of a scan: read, decode, analyse, apply {@code mapvet:ignore} directives. Every
 * failure becomes a diagnostic for that file; nothing thrown here stops the scan. One instance per
 * worker thread, like the analyzer it wraps.
 */
public final class FileProcessor {
  /** Far above any hand-written or generated source; beyond it, reading alone risks the heap. */
  public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

  private static final String DIRECTIVE_MARKER = "mapvet:";

  private final FileAnalyzer analyzer;
  private final IgnoreFilter ignoreFilter;
  private final Set<String> enabledRuleNames;
  private final Path summariesOut;

  /**
   * @param enabledRuleNames findings of engine rules outside this set are dropped, so that the
   *     selection holds whatever the analyzer does with its options
   */
  public FileProcessor(
      FileAnalyzer analyzer, IgnoreFilter ignoreFilter, Set<String> enabledRuleNames) {
    this(analyzer, ignoreFilter, enabledRuleNames, null);
  }

  /**
   * @param summariesOut the directory the call summaries the analyzer makes are written to
   *     ({@code --summaries-out}, see {@link SummaryFiles}); null for none
   */
  public FileProcessor(
      FileAnalyzer analyzer, IgnoreFilter ignoreFilter, Set<String> enabledRuleNames, Path summariesOut) {
    this.analyzer = analyzer;
    this.ignoreFilter = ignoreFilter;
    this.enabledRuleNames = Set.copyOf(enabledRuleNames);
    this.summariesOut = summariesOut;
  }

  /**
   * Reads and analyses {@code input}. Never throws: whatever goes wrong, JVM errors included,
   * becomes a diagnostic of this file and an outcome that says it was not analysed.
   */
  public FileOutcome process(InputFile input) {
    String file = input.displayPath();
    return guarded(file, () -> read(input));
  }

  private FileOutcome read(InputFile input) {
    String file = input.displayPath();
    byte[] bytes;
    try {
      long size = Files.size(input.path());
      if (size > MAX_FILE_BYTES) {
        // in bytes: rounded to megabytes, a file just over the limit read "50 MB; the limit is 50 MB"
        return unreadable(
            file,
            String.format(
                Locale.ROOT,
                "file too large (%,d bytes, over the limit of %,d bytes = %d MB); skipped",
                size,
                MAX_FILE_BYTES,
                MAX_FILE_BYTES / (1024 * 1024)));
      }
      bytes = Files.readAllBytes(input.path());
    } catch (AccessDeniedException e) {
      return unreadable(file, "cannot read: permission denied");
    } catch (NoSuchFileException e) {
      return unreadable(file, "disappeared during the scan");
    } catch (IOException | SecurityException e) {
      return unreadable(file, "cannot read: " + e);
    }
    return decodeAndAnalyse(file, bytes);
  }

  /**
   * The decoded text of a file, read again after the scan (the project-wide questions); null when
   * it cannot be read or decoded now.
   */
  public static String readText(InputFile input) {
    try {
      if (Files.size(input.path()) > MAX_FILE_BYTES) {
        return null;
      }
      SourceDecoder.Result decoded = SourceDecoder.decode(Files.readAllBytes(input.path()));
      return decoded instanceof SourceDecoder.Decoded text ? text.text() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Runs one file's work so that no failure escapes it. An OutOfMemoryError is survivable here: the
   * file's bytes and trees become garbage as soon as this returns, so the scan goes on with the
   * next file. A StackOverflowError unwinds the worker's stack the same way.
   */
  private static FileOutcome guarded(String file, Supplier<FileOutcome> work) {
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      return FileOutcome.failed(file, failure(file, e));
    }
  }

  private static Diagnostic failure(String file, Throwable e) {
    return internalError(
        file,
        e instanceof OutOfMemoryError
            ? "out of memory; give mapvet a larger heap (e.g. MAPVET_JAVA_OPTS=-Xmx4g)"
            : e.toString());
  }

  private static FileOutcome unreadable(String file, String why) {
    return FileOutcome.failed(file, Diagnostic.ofFile(file, Diagnostic.Kind.ERROR, why));
  }

  /** Analyses {@code bytes} as the contents of {@code file} (a display path); never throws. */
  public FileOutcome process(String file, byte[] bytes) {
    return guarded(file, () -> decodeAndAnalyse(file, bytes));
  }

  private FileOutcome decodeAndAnalyse(String file, byte[] bytes) {
    SourceDecoder.Result decoded = SourceDecoder.decode(bytes);
    if (decoded instanceof SourceDecoder.Rejected rejected) {
      return FileOutcome.failed(
          file, Diagnostic.ofFile(file, Diagnostic.Kind.ERROR, rejected.reason()));
    }
    SourceDecoder.Decoded text = (SourceDecoder.Decoded) decoded;
    List<Diagnostic> diagnostics = new ArrayList<>();
    text.note()
        .ifPresent(
            note ->
                diagnostics.add(
                    new Diagnostic(
                        file, note.line(), note.column(), Diagnostic.Kind.NOTE, note.message())));
    if (text.text().isBlank()) {
      diagnostics.add(
          Diagnostic.ofFile(file, Diagnostic.Kind.NOTE, "file is empty; nothing to analyse"));
      return new FileOutcome(file, true, diagnostics);
    }
    Optional<String> tooDeep = NestingLimits.exceeded(text.text());
    if (tooDeep.isPresent()) {
      diagnostics.add(Diagnostic.ofFile(file, Diagnostic.Kind.ERROR, tooDeep.get()));
      return new FileOutcome(file, false, diagnostics);
    }
    return analyse(file, text.text(), diagnostics);
  }

  private FileOutcome analyse(String file, String source, List<Diagnostic> diagnostics) {
    FileResult result;
    try {
      result = analyzer.analyze(file, source);
    } catch (RuntimeException | Error e) {
      // Caught here rather than by guarded(), so that the decoding note above is kept.
      diagnostics.add(failure(file, e));
      return new FileOutcome(file, false, diagnostics);
    }
    for (SourceProblem problem : result.problems()) {
      diagnostics.add(Diagnostic.of(problem));
    }
    if (!result.parsed()) {
      writeSummaries(file, result.summaries(), diagnostics);
      return new FileOutcome(file, false, diagnostics);
    }
    List<LintFinding> selected = new ArrayList<>();
    for (LintFinding finding : result.findings()) {
      if (isSelected(finding.rule())) {
        selected.add(finding);
      }
    }
    List<IgnoreDirective> directives =
        source.contains(DIRECTIVE_MARKER) ? DirectiveParser.parse(source) : List.of();
    IgnoreFilter.Result filtered =
        ignoreFilter.apply(file, selected, directives, result.problems().isEmpty());
    SourceFingerprints.Result fingerprinted = SourceFingerprints.assign(source, filtered.kept());
    List<LintFinding> findings = new ArrayList<>(fingerprinted.findings());
    findings.addAll(filtered.directiveFindings());
    // a file with findings that depend on other files writes its summaries once they are decided,
    // with those that do not stand (LintRun)
    List<ClassCalls> unwritten = List.of();
    if (findings.stream().anyMatch(finding -> finding.condition() != null)) {
      unwritten = summariesOut == null ? List.of() : result.summaries();
    } else {
      writeSummaries(file, result.summaries(), diagnostics);
    }
    return new FileOutcome(
        file, true, findings, diagnostics, filtered.suppressed(), fingerprinted.legacy(), result.callKeys(), unwritten);
  }

  /** Writes {@code summaries} into the {@code --summaries-out} directory, when asked for. */
  private void writeSummaries(String file, List<ClassCalls> summaries, List<Diagnostic> diagnostics) {
    if (summariesOut != null) {
      SummaryFiles.writeAll(summariesOut, file, summaries, diagnostics);
    }
  }

  private boolean isSelected(String ruleName) {
    return Rules.byName(ruleName)
        .map(rule -> enabledRuleNames.contains(rule.ruleName()))
        .orElse(true);
  }

  private static Diagnostic internalError(String file, String detail) {
    return new Diagnostic(
        file,
        1,
        1,
        Diagnostic.Kind.INTERNAL_ERROR,
        "mapvet failed on this file (" + detail + "), please report");
  }
}

package io.mapguard.lint.cli;

import io.mapguard.engine.Analyzer;
import io.mapguard.engine.project.CallSummaries;
import io.mapguard.engine.project.PendingFinding;
import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.engine.project.StoredSummaries;
import io.mapguard.engine.project.SummarizedCalls;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.lint.analysis.FileAnalyzer;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.analysis.LintProjectCalls;
import io.mapguard.lint.baseline.BaselineException;
import io.mapguard.lint.config.ConfigException;
import io.mapguard.lint.ignore.IgnoreFilter;
import io.mapguard.lint.report.Report;
import io.mapguard.lint.report.ReportFile;
import io.mapguard.lint.scan.AnalyzerFactory;
import io.mapguard.lint.scan.Diagnostic;
import io.mapguard.lint.scan.FileOutcome;
import io.mapguard.lint.scan.FileProcessor;
import io.mapguard.lint.scan.InputCollector;
import io.mapguard.lint.scan.InputFile;
import io.mapguard.lint.scan.ParallelScanner;
import io.mapguard.lint.scan.ProgressLine;
import io.mapguard.lint.scan.SourceRootDetector;
import io.mapguard.lint.scan.SourceRootViews;
import io.mapguard.lint.scan.SummaryFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs one scan: collect the files, analyse them in parallel, drop baselined findings, write the
 * report, and turn the outcome into an exit code. Per-file trouble is printed and the scan goes on;
 * a run where nothing could be analysed ends with exit code 2, and with {@code --strict} so does a
 * run where anything could not be.
 */
final class LintRun {
  private final Environment env;
  private final AnalyzerFactory analyzers;
  private final LintRequest request;

  LintRun(Environment env, AnalyzerFactory analyzers, LintRequest request) {
    this.env = env;
    this.analyzers = analyzers;
    this.request = request;
  }

  /** Why the run stopped early; printed as {@code mapvet: message}, exit code 2. */
  private static final class Abort extends Exception {
    private static final long serialVersionUID = 1L;

    Abort(String message) {
      super(message);
    }
  }

  int run() throws InterruptedException {
    try {
      BaselineCheck baseline = readBaseline();
      InputCollector.Inputs inputs = collectInputs();
      checkOutputTargets(inputs);
      if (inputs.files().isEmpty()) {
        return nothingToAnalyse();
      }
      List<Diagnostic> setupDiagnostics = new ArrayList<>();
      List<FileOutcome> outcomes = scan(inputs, setupDiagnostics);
      List<Diagnostic> inputDiagnostics = new ArrayList<>(inputs.diagnostics());
      inputDiagnostics.addAll(setupDiagnostics);
      Totals totals =
          Totals.of(new InputCollector.Inputs(inputs.files(), inputDiagnostics), outcomes);
      writeBaseline(baseline, totals.findings());
      BaselineCheck.Outcome baselined =
          baseline.apply(
              totals.findings(),
              totals.legacyFingerprints(),
              totals.analysedFiles(),
              env.workingDir());
      List<Diagnostic> diagnostics = new ArrayList<>(totals.diagnostics());
      diagnostics.addAll(baselined.staleNotes());
      Summary summary = totals.summary(baselined);
      boolean strictFailure = request.strict() && summary.gaps().any();
      writeReport(
          new Report(
              baselined.reported(),
              diagnostics,
              env.workingDir(),
              VersionInfo.version(),
              !strictFailure,
              totals.legacyFingerprints()));
      printDiagnostics(diagnostics);
      if (!request.quiet()) {
        env.err().println(summary.line());
      }
      if (strictFailure) {
        // Said even with --quiet: an exit code 2 must come with its reason.
        env.err()
            .println(
                "mapvet: --strict: exit code 2, the scan is incomplete ("
                    + summary.gaps().describe()
                    + ")");
        return ExitCodes.ERROR;
      }
      boolean fails =
          baselined.reported().stream().anyMatch(f -> request.failOn().failsOn(f.severity()));
      return fails ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    } catch (Abort abort) {
      env.err().println("mapvet: " + abort.getMessage());
      return ExitCodes.ERROR;
    }
  }

  private BaselineCheck readBaseline() throws Abort {
    try {
      return BaselineCheck.read(request, env.err());
    } catch (BaselineException e) {
      throw new Abort("baseline " + e.getMessage());
    }
  }

  private void checkOutputTargets(InputCollector.Inputs inputs) throws Abort {
    try {
      OutputTargets.check(request, inputs.files());
    } catch (ConfigException e) {
      throw new Abort(e.getMessage());
    }
  }

  private void writeBaseline(BaselineCheck baseline, List<LintFinding> findings) throws Abort {
    try {
      baseline.writeIfAsked(findings);
    } catch (BaselineException e) {
      throw new Abort("baseline " + e.getMessage());
    }
  }

  /**
   * A list on stdin that names no file, as {@code git diff --name-only -- '*.java'} gives for a
   * pull request that changes no Java file: there is nothing wrong, so exit 0 (with an empty report,
   * so that a SARIF upload step still finds its file). Any other run without files is an error.
   */
  private int nothingToAnalyse() throws Abort {
    boolean onlyStdin = request.paths().stream().allMatch(InputCollector.STDIN::equals);
    if (!onlyStdin) {
      throw new Abort("no .java files to analyse");
    }
    writeReport(
        new Report(List.of(), List.of(), env.workingDir(), VersionInfo.version(), true, Map.of()));
    String baselineNote =
        request.writeBaseline().isPresent() ? "; the baseline was not written" : "";
    env.err()
        .println(
            "mapvet: nothing to analyse: the list on stdin names no file to analyse"
                + baselineNote);
    return ExitCodes.CLEAN;
  }

  private InputCollector.Inputs collectInputs() throws Abort {
    InputCollector collector =
        new InputCollector(env.workingDir(), request.settings().exclude(), env::in);
    InputCollector.Inputs inputs;
    try {
      inputs = collector.collect(request.paths());
    } catch (IOException e) {
      throw new Abort("cannot read the file list: " + e.getMessage());
    }
    if (inputs.files().isEmpty() && !inputs.diagnostics().isEmpty()) {
      printDiagnostics(inputs.diagnostics());
      throw new Abort("no .java files to analyse");
    }
    return inputs;
  }

  /**
   * @param setupDiagnostics receives the problems met before any file is analysed (a source root
   *     that cannot be listed)
   */
  private List<FileOutcome> scan(InputCollector.Inputs inputs, List<Diagnostic> setupDiagnostics)
      throws Abort, InterruptedException {
    List<Path> realRoots =
        request.sourceRoots().isEmpty()
            ? SourceRootDetector.detect(inputs.files())
            : request.sourceRoots();
    try (SourceRootViews views =
        SourceRootViews.create(realRoots, temporaryDirectory(), setupDiagnostics)) {
      return decideAcrossFiles(scan(inputs, views.roots(), setupDiagnostics), inputs.files(), realRoots, views.roots());
    }
  }

  private static Path temporaryDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  private List<FileOutcome> scan(
      InputCollector.Inputs inputs, List<Path> sourceRoots, List<Diagnostic> setupDiagnostics)
      throws Abort, InterruptedException {
    IgnoreFilter ignoreFilter =
        new IgnoreFilter(request.settings().enabledRuleNames(), request.reportUnusedIgnores());
    ParallelScanner.WorkerSetup setup =
        () ->
            new FileProcessor(
                analyzers.create(
                    request.settings().analysisOptions(), sourceRoots, request.classpath()),
                ignoreFilter,
                request.settings().enabledRuleNames(),
                request.summariesOut().orElse(null));
    createSummariesOut();
    ProgressLine progress = new ProgressLine(env.err(), env.interactive(), System::nanoTime);
    List<FileOutcome> outcomes;
    try {
      outcomes = new ParallelScanner(request.jobs(), setup, progress).scan(inputs.files());
    } catch (IOException e) {
      List<Diagnostic> diagnostics = new ArrayList<>(inputs.diagnostics());
      diagnostics.addAll(setupDiagnostics);
      printDiagnostics(diagnostics);
      throw new Abort("cannot set up the analysis: " + e.getMessage());
    }
    if (outcomes.stream().noneMatch(FileOutcome::analysed)) {
      List<Diagnostic> diagnostics = new ArrayList<>(inputs.diagnostics());
      diagnostics.addAll(setupDiagnostics);
      outcomes.forEach(outcome -> diagnostics.addAll(outcome.diagnostics()));
      printDiagnostics(diagnostics);
      throw new Abort("no file could be analysed");
    }
    return outcomes;
  }

  /**
   * The findings that depend on other files (a guarded map returned to callers elsewhere), decided
   * against the calls of the whole source tree: the scanned files and every other file under their
   * source roots, so that a scan of a few changed files decides as a scan of all would. Most scans
   * have no such finding and skip this; a tree that cannot be listed decides nothing (they stand).
   * {@code outcomes} are in the order of {@code inputs} ({@link ParallelScanner#scan}): each scanned
   * file's index keys come from its outcome, read from the tree its scan parsed.
   */
  private List<FileOutcome> decideAcrossFiles(
      List<FileOutcome> outcomes, List<InputFile> inputs, List<Path> realRoots, List<Path> sourceRoots) {
    Set<Path> known = new HashSet<>();
    for (InputFile input : inputs) {
      known.add(input.path().toAbsolutePath().normalize());
    }
    boolean undecided =
        outcomes.stream().flatMap(o -> o.findings().stream()).anyMatch(f -> f.condition() != null);
    // read now, whether or not a finding of this scan asks: their own pending findings are decided
    // here too (nothing is read without --summaries or --classpath)
    List<CallSummaries.ClassCalls> stored = summariesOfOtherClasses(known, realRoots);
    List<PendingFinding> pending = stored.stream().flatMap(calls -> calls.pending().stream()).toList();
    if (!undecided && pending.isEmpty()) {
      return outcomes;
    }
    ProjectCalls calls;
    try {
      List<LintProjectCalls.ProjectFile> files = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        InputFile input = inputs.get(i);
        files.add(
            new LintProjectCalls.ProjectFile(
                input.displayPath(), () -> FileProcessor.readText(input), outcomes.get(i).callKeys()));
      }
      files.addAll(
          LintProjectCalls.filesUnder(
              realRoots, known, Path::toString, path -> FileProcessor.readText(new InputFile(path, path.toString()))));
      FileAnalyzer analyzer =
          analyzers.create(request.settings().analysisOptions(), sourceRoots, request.classpath());
      calls = new SummarizedCalls(new LintProjectCalls(files, analyzer), () -> stored, analyzer::isSubtype);
    } catch (IOException | SecurityException e) {
      calls = ProjectCalls.UNKNOWN; // the findings stand, as they would without the other files
    }
    List<FileOutcome> decided = new ArrayList<>(outcomes.size());
    for (FileOutcome outcome : outcomes) {
      FileOutcome.Decided decision = outcome.decided(calls);
      FileOutcome done = decision.outcome();
      if (!outcome.unwrittenSummaries().isEmpty()) {
        List<Diagnostic> problems = new ArrayList<>();
        SummaryFiles.writeAll(
            request.summariesOut().orElseThrow(), outcome.file(), outcome.summariesWithPending(decision.notStanding()), problems);
        done = done.withSummariesWritten(problems);
      }
      decided.add(done);
    }
    decided.addAll(storedFindingsThatStand(pending, calls));
    return decided;
  }

  /**
   * The findings that other scans or builds could not decide, from the summaries read ({@link
   * PendingFinding}), that stand against this scan's calls: reported under their own file, as that
   * scan named it, one outcome per file.
   */
  private List<FileOutcome> storedFindingsThatStand(List<PendingFinding> pending, ProjectCalls calls) {
    if (pending.isEmpty()) {
      return List.of();
    }
    Map<String, List<LintFinding>> byFile = new TreeMap<>();
    for (PendingFinding finding :
        Analyzer.decide(pending, PendingFinding::condition, PendingFinding::standing, calls)) {
      Optional<Rule> rule = Rules.byName(finding.rule());
      if (rule.isEmpty() || !request.settings().enabledRuleNames().contains(rule.get().ruleName())) {
        continue;
      }
      byFile.computeIfAbsent(finding.file(), f -> new ArrayList<>()).add(LintFinding.fromSummary(finding, rule.get()));
    }
    List<FileOutcome> outcomes = new ArrayList<>();
    byFile.forEach((file, findings) -> outcomes.add(FileOutcome.fromSummaries(file, findings)));
    return outcomes;
  }

  private void createSummariesOut() throws Abort {
    if (request.summariesOut().isPresent()) {
      try {
        Files.createDirectories(request.summariesOut().get());
      } catch (IOException | SecurityException e) {
        throw new Abort("cannot create the --summaries-out directory " + request.summariesOut().get() + " (" + e + ")");
      }
    }
  }

  /**
   * The summaries of --summaries and of the --classpath jars, less those of the classes this scan
   * reads the sources of ({@code projectFiles}: they would count their calls twice, and perhaps stale
   * ones); what cannot be read is said on stderr.
   */
  private List<CallSummaries.ClassCalls> summariesOfOtherClasses(Set<Path> projectFiles, List<Path> roots) {
    List<Path> locations = new ArrayList<>(request.summaries());
    locations.addAll(request.classpath());
    if (locations.isEmpty()) {
      return List.of();
    }
    StoredSummaries.Read read = StoredSummaries.read(locations);
    read.problems().forEach(problem -> env.err().println("mapvet: " + problem));
    Set<String> scannedClasses = classNames(projectFiles, roots);
    return read.summaries().stream().filter(calls -> !scannedClasses.contains(calls.className())).toList();
  }

  /**
   * The classes of the project's files (absolute, normalised paths) as their paths under the source
   * roots name them ({@code com/acme/Stock.java} is {@code com.acme.Stock}).
   */
  private static Set<String> classNames(Set<Path> files, List<Path> roots) {
    List<Path> absoluteRoots = roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
    Set<String> names = new HashSet<>();
    for (Path path : files) {
      for (Path root : absoluteRoots) {
        String relative = path.startsWith(root) ? root.relativize(path).toString() : "";
        if (relative.endsWith(".java")) {
          names.add(relative.substring(0, relative.length() - ".java".length()).replace(java.io.File.separatorChar, '.'));
        }
      }
    }
    return names;
  }

  private void writeReport(Report report) throws Abort {
    if (request.output().isPresent()) {
      writeReportFile(new ReportFile(request.format(), request.output().get()), report);
    } else {
      try {
        // Not closed: that would close the process's stdout.
        Writer writer = new OutputStreamWriter(env.out(), StandardCharsets.UTF_8);
        request.format().reporter().write(report, writer);
        writer.flush();
      } catch (IOException e) {
        throw new Abort("cannot write the report to stdout (" + e + ")");
      }
    }
    for (ReportFile extra : request.extraReports()) {
      writeReportFile(extra, report);
    }
  }

  private static void writeReportFile(ReportFile target, Report report) throws Abort {
    Path output = target.path();
    try {
      Path parent = output.getParent();
      if (parent != null) {
        // Report paths like build/reports/mapvet.sarif are common; the build may not have made
        // them.
        Files.createDirectories(parent);
      }
      try (Writer writer =
          Files.newBufferedWriter(
              output,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS)) {
        target.format().reporter().write(report, writer);
      }
    } catch (IOException e) {
      throw new Abort("cannot write the report to " + output + " (" + e + ")");
    }
  }

  private void printDiagnostics(List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    for (Diagnostic diagnostic : sorted) {
      env.err().println(diagnostic.format());
    }
  }
}

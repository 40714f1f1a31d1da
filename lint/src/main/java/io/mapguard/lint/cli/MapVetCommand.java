package io.mapguard.lint.cli;

import io.mapguard.lint.config.ConfigException;
import io.mapguard.lint.config.ConfigFile;
import io.mapguard.lint.config.ConfigValues;
import io.mapguard.lint.config.Settings;
import io.mapguard.lint.report.ReportFile;
import io.mapguard.lint.report.ReportFormat;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code mapvet} command line: parses options, settles the configuration, starts the scan. */
@Command(
    name = "mapvet",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    sortOptions = false,
    usageHelpWidth = 100,
    customSynopsis = "mapvet [options] <paths...>",
    description = {
      "",
      "Finds Java maps shared between threads without their lock, from source, without compiling.",
      "Paths are .java files, directories (searched recursively for .java files), or '-' to read",
      "a list of paths from stdin, one per line.",
      "",
      "'mapvet lsp' runs mapvet as a language server for editors instead (docs/editors.md).",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no findings at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:usage or configuration error, nothing could be analysed, mapvet failed, or (with --strict)"
          + " any input not analysed"
    },
    footer = {"", "Documentation: https://github.com/mapguard/mapguard/blob/main/docs/mapvet.md"})
public final class MapVetCommand implements Callable<Integer> {
  private final Environment env;
  private final AnalyzerFactory analyzers;
  private final List<ReportFile> extraReports;

  @Parameters(paramLabel = "<paths>", arity = "0..*", description = "Files, directories, or '-'.")
  private List<String> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      completionCandidates = FormatNames.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
  private ReportFormat format = ReportFormat.TEXT;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of stdout.")
  private Path output;

  @Option(
      names = "--checks",
      paramLabel = "LIST",
      description =
          "Rules to run: comma list of all, Rule, -Rule, applied left to right to the default set"
              + " (e.g. -all,GuardedMapEscape).")
  private String checks;

  @Option(
      names = "--disable",
      paramLabel = "RULES",
      description = "Rules to turn off (comma list), after --checks.")
  private String disable;

  @Option(
      names = "--list-checks",
      description = "List the rules, whether each is on by default, and what it reports.")
  private boolean listChecks;

  @Option(
      names = "--explain",
      paramLabel = "RULE",
      description = "Print the documentation of RULE.")
  private String explain;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      converter = FailOnConverter.class,
      completionCandidates = FailOnNames.class,
      description =
          "Lowest severity that makes the exit code 1: ${COMPLETION-CANDIDATES} (default:"
              + " warning).")
  private FailOn failOn = FailOn.WARNING;

  @Option(
      names = "--strict",
      description =
          "Exit code 2 when any input could not be analysed (unreadable, unparsable, or partly"
              + " analysed file; path not found), so that a gate never passes on part of the code.")
  private boolean strict;

  @Option(
      names = "--every-access",
      description =
          "Report every unguarded access of a racing map as a finding of its own (default: one"
              + " finding per race, at its most telling access, naming the others).")
  private boolean everyAccess;

  @Option(
      names = "--static-caches-shared",
      description =
          "Count a static map that non-private methods fill lazily with no lock, in a class with no"
              + " other thread evidence (a library's cache), as shared: any thread may call those"
              + " methods (default: only when a task of the scanned code reaches them).")
  private boolean staticCachesShared;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Drop findings whose fingerprint is in FILE.")
  private Path baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description =
          "Write all current findings to FILE as the new baseline (and report none of them).")
  private Path writeBaseline;

  @Option(
      names = "--report-stale-baseline",
      description =
          "List baseline entries that match no finding in the files analysed (fixed or changed).")
  private boolean reportStaleBaseline;

  @Option(
      names = "--report-unused-ignores",
      description = "Report mapvet:ignore directives that suppress nothing (rule UnusedIgnore).")
  private boolean reportUnusedIgnores;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description =
          "Files analysed in parallel (default: the number of processors, ${DEFAULT-VALUE}).")
  private int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print the summary line.")
  private boolean quiet;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Read settings from FILE (default: ./" + ConfigFile.DEFAULT_NAME + " when present).")
  private Path config;

  @Option(
      names = "--exclude",
      paramLabel = "GLOBS",
      description = "Skip files matching these globs (comma list) in directories and stdin lists.")
  private String exclude;

  @Option(
      names = "--source-root",
      paramLabel = "DIR",
      description =
          "Root of the sources' packages; repeatable (default: derived from package declarations).")
  private List<Path> sourceRoots = new ArrayList<>();

  @Option(
      names = {"--classpath", "-cp"},
      paramLabel = "JARS",
      description = "Jars for library types, separated by '${sys:path.separator}'.")
  private String classpath;

  @Option(
      names = "--summaries",
      paramLabel = "PATHS",
      description =
          "Call summaries of classes whose sources are not scanned (directories written by"
              + " --summaries-out, class-output directories or jars of a build with the javac plugin),"
              + " separated by '${sys:path.separator}'; the --classpath jars are read too.")
  private String summaries;

  @Option(
      names = "--summaries-out",
      paramLabel = "DIR",
      description =
          "Write the call summary of each analysed class into DIR, for a later scan (another shard,"
              + " another module) to read with --summaries.")
  private Path summariesOut;

  @Option(
      names = "--immediate-methods",
      paramLabel = "LIST",
      description =
          "Extra methods whose callbacks run inline, holding the caller's locks"
              + " (Owner#method,...).")
  private String immediateMethods;

  @Option(
      names = "--locking-callback-methods",
      paramLabel = "LIST",
      description =
          "Methods that run their callbacks right away holding a lock they are given, e.g."
              + " com.acme.Locks#withLock for Locks.withLock(lock, () -> ...) (Owner#method,...).")
  private String lockingCallbackMethods;

  @Option(
      names = "--thread-start-methods",
      paramLabel = "LIST",
      description = "Extra methods that run their argument on another thread (Owner#method,...).")
  private String threadStartMethods;

  public MapVetCommand(Environment env, AnalyzerFactory analyzers) {
    this(env, analyzers, List.of());
  }

  /**
   * @param extraReports reports to write besides the one the options choose (paths relative to
   *     the working directory); for in-process callers, no option sets them
   */
  public MapVetCommand(
      Environment env, AnalyzerFactory analyzers, List<ReportFile> extraReports) {
    this.env = env;
    this.analyzers = analyzers;
    this.extraReports = List.copyOf(extraReports);
  }

  @Override
  public Integer call() throws InterruptedException {
    if (listChecks) {
      CheckListing.list(env.out());
      return ExitCodes.CLEAN;
    }
    if (explain != null) {
      if (CheckListing.explain(explain, env.out())) {
        return ExitCodes.CLEAN;
      }
      return usageError(
          "unknown rule '" + explain + "' (rules: " + CheckListing.allRuleNames() + ")");
    }
    if (paths.isEmpty()) {
      return usageError("no paths given; try 'mapvet src/' or 'mapvet --help'");
    }
    if (jobs < 1) {
      return usageError("--jobs must be at least 1, got " + jobs);
    }
    LintRequest request;
    try {
      request = request();
    } catch (ConfigException e) {
      return usageError(e.getMessage());
    }
    return new LintRun(env, analyzers, request).run();
  }

  private LintRequest request() throws ConfigException {
    ConfigValues fromCommandLine =
        new ConfigValues(
            Optional.ofNullable(checks),
            Optional.ofNullable(disable),
            Optional.ofNullable(immediateMethods),
            Optional.ofNullable(threadStartMethods),
            Optional.ofNullable(exclude),
            everyAccess ? Optional.of("true") : Optional.empty(),
            staticCachesShared ? Optional.of("true") : Optional.empty(),
            Optional.ofNullable(lockingCallbackMethods));
    ConfigValues fromFile = configFileValues();
    Settings settings = Settings.resolve(fromCommandLine.over(fromFile));
    DisabledChecks.warn(
        Settings.resolve(fromCommandLine), settings, configFileName(), env.err());
    if (summariesOut != null) {
      settings = settings.withSummaries();
    }
    return new LintRequest(
        paths,
        settings,
        format,
        Optional.ofNullable(output).map(this::resolve),
        failOn,
        strict,
        Optional.ofNullable(baseline).map(this::resolve),
        Optional.ofNullable(writeBaseline).map(this::resolve),
        reportStaleBaseline,
        reportUnusedIgnores,
        jobs,
        quiet,
        existingDirectories(sourceRoots),
        classpathJars(),
        extraReports.stream()
            .map(report -> new ReportFile(report.format(), resolve(report.path())))
            .toList(),
        summaryLocations(),
        Optional.ofNullable(summariesOut).map(this::resolve));
  }

  private ConfigValues configFileValues() throws ConfigException {
    if (config != null) {
      return ConfigFile.load(resolve(config), configFileName());
    }
    Path implicit = env.workingDir().resolve(ConfigFile.DEFAULT_NAME);
    return Files.isRegularFile(implicit)
        ? ConfigFile.load(implicit, ConfigFile.DEFAULT_NAME)
        : ConfigValues.none();
  }

  private String configFileName() {
    return config != null ? config.toString() : ConfigFile.DEFAULT_NAME;
  }

  private List<Path> existingDirectories(List<Path> directories) throws ConfigException {
    List<Path> resolved = new ArrayList<>();
    for (Path directory : directories) {
      Path absolute = resolve(directory);
      if (!Files.isDirectory(absolute)) {
        throw new ConfigException("--source-root " + directory + ": not a directory");
      }
      resolved.add(absolute);
    }
    return resolved;
  }

  /** The --summaries entries, each a directory or a jar that exists. */
  private List<Path> summaryLocations() throws ConfigException {
    return pathList(
        "--summaries",
        summaries,
        location ->
            Files.isDirectory(location) || Files.isRegularFile(location) ? null : "no such directory or jar");
  }

  private List<Path> classpathJars() throws ConfigException {
    return pathList(
        "--classpath",
        classpath,
        jar ->
            Files.isRegularFile(jar)
                ? null
                : Files.isDirectory(jar) ? "directories are not supported, give jars" : "no such jar");
  }

  /**
   * The entries of a path-separated option value, resolved against the working directory;
   * {@code problem} says what is wrong with an entry, or null when it is fine.
   */
  private List<Path> pathList(String option, String value, java.util.function.Function<Path, String> problem)
      throws ConfigException {
    List<Path> paths = new ArrayList<>();
    if (value == null) {
      return paths;
    }
    for (String entry : value.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = resolve(Path.of(entry.strip()));
      String wrong = problem.apply(path);
      if (wrong != null) {
        throw new ConfigException(option + " entry " + entry + ": " + wrong);
      }
      paths.add(path);
    }
    return paths;
  }

  private Path resolve(Path path) {
    return env.workingDir().resolve(path).normalize();
  }

  private int usageError(String message) {
    env.err().println("mapvet: " + message);
    return ExitCodes.ERROR;
  }

  /** Reads --format values as users type them (lower case). */
  static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      return ReportFormat.byOptionName(value)
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "expected one of "
                          + String.join(", ", ReportFormat.optionNames())
                          + ", got '"
                          + value
                          + "'"));
    }
  }

  static final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ReportFormat.optionNames().iterator();
    }
  }

  static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      try {
        return FailOn.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected one of none, warning, error, got '" + value + "'");
      }
    }
  }

  static final class FailOnNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("none", "warning", "error").iterator();
    }
  }
}

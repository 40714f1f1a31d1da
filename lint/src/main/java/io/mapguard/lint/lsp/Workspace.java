package io.mapguard.lint.lsp;

import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.lint.analysis.CallKeys;
import io.mapguard.lint.analysis.FileAnalyzer;
import io.mapguard.lint.analysis.LintProjectCalls;
import io.mapguard.lint.config.ConfigException;
import io.mapguard.lint.config.ConfigFile;
import io.mapguard.lint.config.ConfigValues;
import io.mapguard.lint.config.Settings;
import io.mapguard.lint.ignore.IgnoreFilter;
import io.mapguard.lint.scan.AnalyzerFactory;
import io.mapguard.lint.scan.Diagnostic;
import io.mapguard.lint.scan.FileOutcome;
import io.mapguard.lint.scan.FileProcessor;
import io.mapguard.lint.scan.InputCollector;
import io.mapguard.lint.scan.InputFile;
import io.mapguard.lint.scan.SourceRootDetector;
import io.mapguard.lint.scan.SourceRootViews;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the server keeps for one workspace folder, so that analysing an edited file again is fast:
 * the settings from the folder's {@code mapvet.properties}, the source roots of the folder's
 * {@code .java} files (found as {@code mapvet <folder>} finds them) and the analyzer with its type
 * solver and declaration index, which fill up as the analysis asks and stay warm between edits.
 * Every file is analysed as the command line run from the folder would analyse it: the same front
 * end, settings, {@code mapvet:ignore} directives and rule selection ({@link FileProcessor}), only
 * with the editor's unsaved text.
 *
 * <p>Not thread-safe: the server uses it from its one analysis thread.
 */
final class Workspace implements AutoCloseable {
  private final Path folder;
  private final boolean walk;
  /** A new factory for each analyzer: a factory shares its declaration index between analyzers. */
  private final Supplier<AnalyzerFactory> analyzers;
  private final Path temporaryDirectory;
  private final Consumer<String> log;

  private ConfigStamp configStamp;
  private Settings settings;
  private Optional<String> configProblem = Optional.empty();
  private List<Path> realRoots;
  private SourceRootViews views;
  private FileProcessor processor;
  /** The analyzer {@link #processor} wraps, which also reads the calls of other files. */
  private FileAnalyzer analyzer;

  /**
   * @param folder the workspace folder, absolute and normalised; for a file outside every folder,
   *     that file's source root
   * @param walk whether to look for source roots under the folder (a workspace folder), or to use
   *     the folder itself as the one root (a file outside every workspace folder)
   * @param log receives what the user may want to know: config errors, roots that cannot be listed
   */
  Workspace(
      Path folder,
      boolean walk,
      Supplier<AnalyzerFactory> analyzers,
      Path temporaryDirectory,
      Consumer<String> log) {
    this.folder = folder;
    this.walk = walk;
    this.analyzers = analyzers;
    this.temporaryDirectory = temporaryDirectory;
    this.log = log;
  }

  Path folder() {
    return folder;
  }

  boolean contains(Path file) {
    return file.startsWith(folder);
  }

  Path configFile() {
    return folder.resolve(ConfigFile.DEFAULT_NAME);
  }

  /** The config file's problem when it has one (the defaults are used meanwhile). */
  Optional<String> configProblem() {
    refreshSettings();
    return configProblem;
  }

  /** The config file changed (a watcher said so): read it again before the next analysis. */
  void configChanged() {
    configStamp = null;
  }

  /** Files were created or deleted: the source roots are found again before the next analysis. */
  void sourcesAddedOrRemoved() {
    closeViews();
  }

  /**
   * A file of the tree changed on disk: the analyzer's caches (parsed files, declaration headers)
   * may hold its old text, so the next analysis starts with a new one.
   */
  void sourcesChanged() {
    processor = null;
  }

  /**
   * The outcome of analysing {@code text} as the contents of {@code file}, or empty when the
   * settings exclude the file (a run from the folder would not analyse it).
   */
  Optional<FileOutcome> analyse(Path file, String text) throws IOException {
    refreshSettings();
    String shown = displayPath(file);
    if (walk && settings.exclude().excludes(shown.replace('\\', '/'))) {
      return Optional.empty();
    }
    ensureRootOf(file, text);
    if (processor == null) {
      analyzer = analyzers.get().create(settings.analysisOptions(), views.roots(), List.of());
      processor =
          new FileProcessor(
              analyzer, new IgnoreFilter(settings.enabledRuleNames(), false), settings.enabledRuleNames());
    }
    FileOutcome outcome = processor.process(shown, text.getBytes(StandardCharsets.UTF_8));
    if (outcome.findings().stream().allMatch(f -> f.condition() == null)) {
      return Optional.of(outcome);
    }
    return Optional.of(outcome.decided(projectCalls(file, shown, text, outcome.callKeys())).outcome());
  }

  /**
   * The calls of the files under the source roots, the edited file read from the editor: what a run
   * of mapvet over the folder would decide the file's cross-file findings with (indexed, as there,
   * by the keys its analysis kept, {@code keys}). A tree that cannot be listed answers nothing, and
   * those findings stand.
   */
  private ProjectCalls projectCalls(Path edited, String shown, String text, CallKeys keys) {
    List<LintProjectCalls.ProjectFile> files = new ArrayList<>();
    files.add(new LintProjectCalls.ProjectFile(shown, () -> text, keys));
    Set<Path> known = new HashSet<>(Set.of(edited.toAbsolutePath().normalize()));
    try {
      files.addAll(
          LintProjectCalls.filesUnder(
              realRoots,
              known,
              this::displayPath,
              path -> FileProcessor.readText(new InputFile(path, displayPath(path)))));
    } catch (IOException | SecurityException e) {
      return ProjectCalls.UNKNOWN;
    }
    return new LintProjectCalls(files, analyzer);
  }

  /** The file's path as reports show it: relative to the folder, as for a run from there. */
  String displayPath(Path file) {
    return file.startsWith(folder) && !file.equals(folder)
        ? folder.relativize(file).toString()
        : file.toString();
  }

  /** Reads {@code mapvet.properties} again when it changed (or appeared, or went) since last time. */
  private void refreshSettings() {
    ConfigStamp now = walk ? ConfigStamp.of(configFile()) : ConfigStamp.ABSENT;
    if (settings != null && now.equals(configStamp)) {
      return;
    }
    configStamp = now;
    Settings previous = settings;
    try {
      ConfigValues values =
          now.exists()
              ? ConfigFile.load(configFile(), ConfigFile.DEFAULT_NAME)
              : ConfigValues.none();
      settings = Settings.resolve(values);
      configProblem = Optional.empty();
      if (previous != null) {
        log.accept("mapvet: read " + configFile() + " again");
      }
    } catch (ConfigException e) {
      configProblem = Optional.of(e.getMessage());
      log.accept(
          "mapvet: "
              + configFile()
              + ": "
              + e.getMessage()
              + "; using the default settings until it is fixed");
      try {
        settings = Settings.resolve(ConfigValues.none());
      } catch (ConfigException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    // new options, new exclusions: a new analyzer, and roots found again from the files kept
    processor = null;
    closeViews();
  }

  /**
   * Makes sure the source roots include {@code file}'s (from the package its text declares now):
   * a new file, or one whose package was just changed, has a root no file on disk gave.
   */
  private void ensureRootOf(Path file, String text) {
    if (views == null) {
      realRoots = walk ? findRoots() : List.of(folder);
    }
    Optional<Path> own = SourceRootDetector.rootOf(file, text);
    if (walk && own.isPresent() && !realRoots.contains(own.get())) {
      TreeSet<Path> roots = new TreeSet<>(realRoots);
      roots.add(own.get());
      realRoots = List.copyOf(roots);
      closeViews();
    }
    if (views == null) {
      List<Diagnostic> problems = new ArrayList<>();
      views = SourceRootViews.create(realRoots, temporaryDirectory, problems);
      problems.forEach(problem -> log.accept("mapvet: " + problem.format()));
      processor = null;
    }
  }

  /** The roots of the folder's files, as {@code mapvet <folder>} would find them. */
  private List<Path> findRoots() {
    InputCollector collector =
        new InputCollector(
            folder, settings.exclude(), () -> new ByteArrayInputStream(new byte[0]));
    try {
      List<InputFile> files = collector.collect(List.of(folder.toString())).files();
      return SourceRootDetector.detect(files);
    } catch (IOException | RuntimeException e) {
      log.accept("mapvet: cannot list the sources of " + folder + " (" + e + ")");
      return List.of();
    }
  }

  private void closeViews() {
    if (views != null) {
      views.close();
      views = null;
      processor = null;
    }
  }

  @Override
  public void close() {
    closeViews();
  }

  /** When the config file was last seen changed: its presence, size and modification time. */
  private record ConfigStamp(boolean exists, long size, long modified) {
    static final ConfigStamp ABSENT = new ConfigStamp(false, 0, 0);

    static ConfigStamp of(Path file) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new ConfigStamp(
            true, attributes.size(), attributes.lastModifiedTime().toMillis());
      } catch (IOException | RuntimeException e) {
        return ABSENT;
      }
    }
  }

  @Override
  public String toString() {
    return Objects.toString(folder);
  }
}

package io.mapguard.lint.scan;

import io.mapguard.lint.config.ExcludeMatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Expands the command line's paths into the files to analyse: files as given, directories walked
 * for {@code .java} files (following symlinks, but never around a loop), {@code -} for a list of
 * paths on stdin. Every path that cannot be used becomes a diagnostic; the rest is still scanned.
 */
public final class InputCollector {
  /** The stdin argument: read one path per line. */
  public static final String STDIN = "-";

  private final Path workingDir;
  private final ExcludeMatcher exclude;
  private final Supplier<InputStream> stdin;

  /**
   * @param workingDir absolute; relative paths are resolved against it and reported relative to it
   */
  public InputCollector(Path workingDir, ExcludeMatcher exclude, Supplier<InputStream> stdin) {
    this.workingDir = workingDir.toAbsolutePath().normalize();
    this.exclude = exclude;
    this.stdin = stdin;
  }

  /** The files to analyse, sorted by display path, each once, and the problems met on the way. */
  public record Inputs(List<InputFile> files, List<Diagnostic> diagnostics) {}

  public Inputs collect(List<String> arguments) throws IOException {
    List<InputFile> files = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    boolean stdinRead = false;
    for (String argument : arguments) {
      if (argument.equals(STDIN)) {
        if (!stdinRead) {
          stdinRead = true;
          for (String listed : readStdinList()) {
            // Lists on stdin usually come from git or find, so exclusions apply to them too.
            addPath(listed, true, files, diagnostics);
          }
        }
      } else {
        // A file named explicitly is analysed even when an exclude glob matches it.
        addPath(argument, false, files, diagnostics);
      }
    }
    return new Inputs(deduplicate(files), diagnostics);
  }

  private List<String> readStdinList() throws IOException {
    List<String> paths = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stdin.get(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          paths.add(line.strip());
        }
      }
    }
    return paths;
  }

  private void addPath(
      String argument, boolean applyExclude, List<InputFile> files, List<Diagnostic> diagnostics)
      throws IOException {
    if (argument.isEmpty()) {
      // Path.of("") is the working directory: an unset shell variable ("$SRC") would scan it all.
      diagnostics.add(
          Diagnostic.ofFile(
              "''", Diagnostic.Kind.ERROR, "empty path; to scan the working directory, give '.'"));
      return;
    }
    Path path;
    try {
      path = workingDir.resolve(argument).normalize();
    } catch (InvalidPathException e) {
      diagnostics.add(
          Diagnostic.ofFile(
              argument, Diagnostic.Kind.ERROR, "invalid path (" + e.getReason() + ")"));
      return;
    }
    String shown = displayPath(path);
    if (Files.isDirectory(path)) {
      walk(path, files, diagnostics);
    } else if (Files.exists(path) && !Files.isRegularFile(path)) {
      // A FIFO or device would block or never end; it is not a source file in any case.
      diagnostics.add(
          Diagnostic.ofFile(shown, Diagnostic.Kind.ERROR, "not a regular file; skipped"));
    } else if (Files.exists(path)) {
      if (!(applyExclude && exclude.excludes(slashed(shown)))) {
        files.add(new InputFile(path, shown));
      }
    } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      diagnostics.add(Diagnostic.ofFile(shown, Diagnostic.Kind.ERROR, "broken symbolic link"));
    } else {
      diagnostics.add(Diagnostic.ofFile(shown, Diagnostic.Kind.ERROR, "no such file or directory"));
    }
  }

  private void walk(Path root, List<InputFile> files, List<Diagnostic> diagnostics)
      throws IOException {
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (!file.getFileName().toString().endsWith(".java")) {
              return FileVisitResult.CONTINUE;
            }
            String shown = displayPath(file);
            if (attributes.isSymbolicLink()) {
              // With FOLLOW_LINKS a link is only reported as a link when its target is missing.
              diagnostics.add(
                  Diagnostic.ofFile(
                      shown, Diagnostic.Kind.WARNING, "broken symbolic link; skipped"));
            } else if (attributes.isRegularFile() && !exclude.excludes(slashed(shown))) {
              files.add(new InputFile(file, shown));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            diagnostics.add(describeWalkFailure(displayPath(file), e));
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static Diagnostic describeWalkFailure(String shown, IOException e) {
    if (e instanceof FileSystemLoopException) {
      return Diagnostic.ofFile(
          shown,
          Diagnostic.Kind.WARNING,
          "directory symlink loop (links back to an ancestor); not followed");
    }
    if (e instanceof AccessDeniedException) {
      return Diagnostic.ofFile(shown, Diagnostic.Kind.ERROR, "cannot read: permission denied");
    }
    if (e instanceof NoSuchFileException) {
      return Diagnostic.ofFile(shown, Diagnostic.Kind.ERROR, "disappeared during the scan");
    }
    return Diagnostic.ofFile(shown, Diagnostic.Kind.ERROR, "cannot read: " + e);
  }

  /**
   * Keeps one of the files that are the same file on disk (reached through a symlink, or named
   * twice), so that nothing is analysed or reported twice: the one reached without a symlink when
   * there is one, else the first by path.
   */
  private static List<InputFile> deduplicate(List<InputFile> files) {
    List<InputFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(InputFile::displayPath));
    Map<Path, InputFile> byRealPath = new LinkedHashMap<>();
    Map<Path, Path> realDirectories = new HashMap<>();
    for (InputFile file : sorted) {
      Path real = realPathOf(file.path(), realDirectories);
      InputFile kept = byRealPath.get(real);
      if (kept == null || (!kept.path().equals(real) && file.path().equals(real))) {
        byRealPath.put(real, file);
      }
    }
    List<InputFile> unique = new ArrayList<>(byRealPath.values());
    unique.sort(Comparator.comparing(InputFile::displayPath));
    return unique;
  }

  /**
   * The file's real path: its directory's, resolved once per directory (a tree has far fewer
   * directories than files), plus its name when the file itself is not a link.
   */
  private static Path realPathOf(Path path, Map<Path, Path> realDirectories) {
    Path directory = path.getParent();
    if (directory == null || Files.isSymbolicLink(path)) {
      return realPathOf(path);
    }
    Path realDirectory = realDirectories.computeIfAbsent(directory, InputCollector::realPathOf);
    return realDirectory.resolve(path.getFileName());
  }

  private static Path realPathOf(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  /** Relative to the working directory when inside it, else absolute. */
  public String displayPath(Path absolute) {
    if (absolute.startsWith(workingDir) && !absolute.equals(workingDir)) {
      return workingDir.relativize(absolute).toString();
    }
    return absolute.toString();
  }

  private static String slashed(String path) {
    return path.replace('\\', '/');
  }
}

package io.mapguard.maven;

import io.mapguard.lint.cli.FailOn;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One module's check, settled from the goal's parameters and the Maven project: what mapvet reads
 * and how it is told to, as the arguments of its command line.
 *
 * @param basedir the module's directory, which relative parameters resolve against
 * @param workingDirectory where mapvet runs as if started there (the module's directory unless
 *     configured): report paths, baseline fingerprints, the default {@code mapvet.properties} and
 *     {@code exclude} globs are relative to it
 * @param buildDirectory {@code target/}: source roots inside it hold generated code, which is read
 *     to resolve types but not checked
 * @param compileSourceRoots the module's compile source roots, as Maven lists them
 * @param classpath the module's compile classpath, as Maven lists it (jars and class directories)
 */
record CheckRequest(
    Path basedir,
    Path workingDirectory,
    Path buildDirectory,
    List<Path> compileSourceRoots,
    List<Path> classpath,
    FailOn failOn,
    boolean strict,
    Optional<String> checks,
    Optional<Path> baseline,
    Optional<Path> writeBaseline,
    Optional<Path> config,
    Path sarifFile) {

  CheckRequest {
    basedir = basedir.toAbsolutePath().normalize();
    workingDirectory = absolute(basedir, workingDirectory);
    buildDirectory = absolute(basedir, buildDirectory);
    Path base = basedir;
    compileSourceRoots = compileSourceRoots.stream().map(p -> absolute(base, p)).toList();
    classpath = classpath.stream().map(p -> absolute(base, p)).toList();
    checks = checks.map(String::strip).filter(s -> !s.isEmpty());
    baseline = baseline.map(p -> absolute(base, p));
    writeBaseline = writeBaseline.map(p -> absolute(base, p));
    config = config.map(p -> absolute(base, p));
    sarifFile = absolute(basedir, sarifFile);
  }

  /**
   * The {@code failOn} parameter as mapvet's {@code --fail-on} reads it.
   *
   * @throws IllegalArgumentException naming the valid values
   */
  static FailOn failOn(String value) {
    String name = value == null ? "" : value.strip();
    try {
      return FailOn.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "failOn: expected one of none, warning, error, got '" + name + "'", e);
    }
  }

  /** Every existing compile source root: where mapvet looks up the module's own types. */
  List<Path> sourceRoots() {
    return compileSourceRoots.stream().filter(Files::isDirectory).distinct().toList();
  }

  /** The roots whose files are checked: the source roots outside the build directory. */
  List<Path> checkedRoots() {
    return sourceRoots().stream().filter(root -> !root.startsWith(buildDirectory)).toList();
  }

  /**
   * The classpath entries mapvet can read library types from: its {@code --classpath} takes jars
   * only, so class directories (the module's own {@code target/classes}, a reactor module that
   * was compiled but not packaged) are left out.
   */
  List<Path> classpathJars() {
    return classpath.stream().filter(Files::isRegularFile).distinct().toList();
  }

  /** The classpath entries left out of {@link #classpathJars()}, for the debug log. */
  List<Path> classpathLeftOut() {
    return classpath.stream().filter(p -> !Files.isRegularFile(p)).distinct().toList();
  }

  /** Whether any checked root holds a {@code .java} file (when unsure, yes: mapvet will say). */
  boolean hasJavaSources() {
    for (Path root : checkedRoots()) {
      try (Stream<Path> files =
          Files.find(
              root,
              Integer.MAX_VALUE,
              (path, attributes) ->
                  attributes.isRegularFile() && path.getFileName().toString().endsWith(".java"),
              FileVisitOption.FOLLOW_LINKS)) {
        if (files.findAny().isPresent()) {
          return true;
        }
      } catch (IOException | UncheckedIOException e) {
        return true;
      }
    }
    return false;
  }

  /** mapvet's command line for this check: text on stdout (for the log); SARIF is added apart. */
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    args.add("--format=text");
    args.add("--fail-on=" + failOn.name().toLowerCase(Locale.ROOT));
    if (strict) {
      args.add("--strict");
    }
    checks.ifPresent(value -> args.add("--checks=" + value));
    baseline.ifPresent(path -> args.add("--baseline=" + path));
    writeBaseline.ifPresent(path -> args.add("--write-baseline=" + path));
    config.ifPresent(path -> args.add("--config=" + path));
    for (Path root : sourceRoots()) {
      args.add("--source-root=" + root);
    }
    List<Path> jars = classpathJars();
    if (!jars.isEmpty()) {
      args.add(
          "--classpath="
              + String.join(File.pathSeparator, jars.stream().map(Path::toString).toList()));
    }
    // After "--" every argument is a path, even one that starts with '-'.
    args.add("--");
    checkedRoots().forEach(root -> args.add(root.toString()));
    return args;
  }

  private static Path absolute(Path base, Path path) {
    return base.resolve(path).toAbsolutePath().normalize();
  }
}

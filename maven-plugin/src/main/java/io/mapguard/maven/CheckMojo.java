package io.mapguard.maven;

import io.mapguard.lint.cli.ExitCodes;
import io.mapguard.lint.cli.FailOn;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs mapvet, mapguard's source-only lint, on the module's main sources: the same rules, options,
 * {@code mapvet.properties}, {@code mapvet:ignore} directives, baseline and exit status as {@code
 * mapvet} run from the module's directory, with the module's compile classpath for library types.
 * Prints the findings to the build log, writes a SARIF report, and fails the build on findings at
 * or above {@code failOn}. See docs/maven-plugin.md.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class CheckMojo extends AbstractMojo {
  /** Skip the check. */
  @Parameter(property = "mapguard.skip", defaultValue = "false")
  private boolean skip;

  /**
   * The lowest severity that fails the build: {@code none}, {@code warning} or {@code error}
   * (mapvet's {@code --fail-on}). Every rule reports at {@code warning}.
   */
  @Parameter(property = "mapguard.failOn", defaultValue = "warning")
  private String failOn;

  /**
   * Fail the build when any source file could not be analysed (unreadable, unparsable, partly
   * analysed), so that the check never passes on part of the code (mapvet's {@code --strict}).
   */
  @Parameter(property = "mapguard.strict", defaultValue = "false")
  private boolean strict;

  /**
   * Which rules run: a comma list of {@code all}, {@code Rule}, {@code -Rule}, applied left to
   * right to the default set (mapvet's {@code --checks}); replaces the {@code checks} key of
   * {@code mapvet.properties}.
   */
  @Parameter(property = "mapguard.checks")
  private String checks;

  /**
   * A baseline file written by mapvet or by {@code writeBaseline}: findings it lists are not
   * reported (mapvet's {@code --baseline}). Relative to the module's directory.
   */
  @Parameter(property = "mapguard.baseline")
  private File baseline;

  /**
   * Write every current finding to this file as the new baseline, and report none of them
   * (mapvet's {@code --write-baseline}). Relative to the module's directory.
   */
  @Parameter(property = "mapguard.writeBaseline")
  private File writeBaseline;

  /**
   * Settings file to read instead of {@code mapvet.properties} in the module's directory (mapvet's
   * {@code --config}).
   */
  @Parameter(property = "mapguard.config")
  private File config;

  /** Where the SARIF report is written, every run. */
  @Parameter(
      property = "mapguard.sarifFile",
      defaultValue = "${project.build.directory}/mapvet.sarif")
  private File sarifFile;

  /**
   * The directory mapvet runs from, as if started there: the paths in the log and the SARIF report,
   * baseline fingerprints, the default {@code mapvet.properties} and {@code exclude} globs are
   * relative to it. In a multi-module build, {@code ${maven.multiModuleProjectDirectory}} (with a
   * {@code .mvn} directory at the top) gives paths relative to the repository, as GitHub code
   * scanning and a baseline written by mapvet from the repository root expect.
   */
  @Parameter(property = "mapguard.workingDirectory", defaultValue = "${project.basedir}")
  private File workingDirectory;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File basedir;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  private File buildDirectory;

  @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
  private List<String> compileSourceRoots;

  @Parameter(
      defaultValue = "${project.compileClasspathElements}",
      readonly = true,
      required = true)
  private List<String> compileClasspathElements;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("mapguard: check skipped (mapguard.skip)");
      return;
    }
    try {
      CheckRequest request = request();
      if (!request.hasJavaSources()) {
        log.info("mapguard: " + noSourcesReason(request) + "; nothing to check");
        return;
      }
      if (log.isDebugEnabled()) {
        log.debug("mapguard: mapvet " + String.join(" ", request.arguments()));
        request
            .classpathLeftOut()
            .forEach(entry -> log.debug("mapguard: not a jar, not read for types: " + entry));
      }
      check(request, log);
    } catch (MojoExecutionException | MojoFailureException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      // MapVet.runEmbedded never throws; this is for the goal's own code around it.
      throw new MojoExecutionException("mapguard: internal error: " + e + "; please report", e);
    }
  }

  private CheckRequest request() throws MojoExecutionException {
    FailOn level;
    try {
      level = CheckRequest.failOn(failOn);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("mapguard: " + e.getMessage());
    }
    return new CheckRequest(
        basedir.toPath(),
        workingDirectory.toPath(),
        buildDirectory.toPath(),
        paths(compileSourceRoots),
        paths(compileClasspathElements),
        level,
        strict,
        Optional.ofNullable(checks),
        Optional.ofNullable(baseline).map(File::toPath),
        Optional.ofNullable(writeBaseline).map(File::toPath),
        Optional.ofNullable(config).map(File::toPath),
        sarifFile.toPath());
  }

  /** Runs mapvet for one module and turns its exit status into the build's result. */
  static void check(CheckRequest request, Log log)
      throws MojoFailureException, MojoExecutionException {
    removeOldReport(request.sarifFile());
    verdict(MapvetRunner.run(request, log), request, log);
  }

  /**
   * A report left by an earlier build must not pass for this one's when this run stops before
   * writing one (a configuration error): a CI step uploads whatever file it finds. A symbolic link
   * is left for mapvet to refuse, as it refuses to write through one.
   */
  private static void removeOldReport(Path sarif) throws MojoExecutionException {
    try {
      if (Files.isRegularFile(sarif, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(sarif);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("mapguard: cannot remove the old report " + sarif + ": " + e, e);
    }
  }

  /** Why a module is not checked: {@code no Java sources (src/main/java does not exist)}. */
  static String noSourcesReason(CheckRequest request) {
    List<Path> roots = request.checkedRoots();
    if (roots.isEmpty()) {
      String missing =
          request.compileSourceRoots().stream()
              .filter(root -> !root.startsWith(request.buildDirectory()))
              .map(root -> relative(request, root))
              .collect(Collectors.joining(", "));
      return missing.isEmpty()
          ? "no Java sources (no source directory)"
          : "no Java sources (" + missing + (missing.contains(", ") ? " do" : " does") + " not exist)";
    }
    return "no .java file in "
        + roots.stream().map(root -> relative(request, root)).collect(Collectors.joining(", "));
  }

  private static String relative(CheckRequest request, Path path) {
    return path.startsWith(request.basedir())
        ? request.basedir().relativize(path).toString()
        : path.toString();
  }

  private static List<Path> paths(List<String> names) {
    return names == null ? List.of() : names.stream().map(Path::of).toList();
  }

  /**
   * Turns mapvet's exit code into the build's result: 0 passes, 1 (findings at or above {@code
   * failOn}) and an incomplete scan under {@code strict} fail the build, anything else (a usage,
   * configuration or internal error) is an execution error that says why.
   */
  private static void verdict(MapvetRunner.Outcome outcome, CheckRequest request, Log log)
      throws MojoFailureException, MojoExecutionException {
    String sarif = relative(request, request.sarifFile());
    switch (outcome.exitCode()) {
      case ExitCodes.CLEAN:
        log.info("mapguard: SARIF report: " + sarif);
        return;
      case ExitCodes.FINDINGS:
        log.info("mapguard: SARIF report: " + sarif);
        throw new MojoFailureException(
            outcome.summary().orElse("mapvet: findings")
                + ". The build fails on findings at or above failOn="
                + request.failOn().name().toLowerCase(Locale.ROOT)
                + "; they are listed above and in "
                + sarif
                + ". Fix them, suppress one with a '// mapvet:ignore Rule -- reason' comment,"
                + " or accept the current ones with a baseline (-Dmapguard.writeBaseline=FILE,"
                + " then <baseline>FILE</baseline>).");
      default:
        if (outcome.exitCode() == ExitCodes.ERROR && outcome.strictFailure().isPresent()) {
          log.info("mapguard: SARIF report: " + sarif);
          throw new MojoFailureException(outcome.strictFailure().get());
        }
        throw new MojoExecutionException(
            "mapguard: mapvet could not check "
                + request.basedir()
                + " (exit code "
                + outcome.exitCode()
                + "): "
                + problemSummary(outcome.problems()));
    }
  }

  /** The lines that say why the run stopped: mapvet's own ({@code mapvet: ...}), else the first. */
  private static String problemSummary(List<String> problems) {
    List<String> own =
        problems.stream().filter(line -> line.startsWith("mapvet: ")).collect(Collectors.toList());
    if (!own.isEmpty()) {
      return String.join("; ", own);
    }
    return problems.isEmpty() ? "no reason given (see the log above)" : problems.get(0);
  }
}

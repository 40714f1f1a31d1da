package io.mapguard.lint.cli;

import io.mapguard.lint.config.ConfigException;
import io.mapguard.lint.report.ReportFile;
import io.mapguard.lint.scan.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the files a run will write ({@code --output}, {@code --write-baseline}, the extra reports
 * of an embedding tool) before it scans:
 * a symbolic link there would send the report wherever it points, and a target that is one of the
 * run's inputs (a scanned source, the baseline being read) would be overwritten with the report.
 * The writes themselves refuse links too ({@link java.nio.file.LinkOption#NOFOLLOW_LINKS}), in case
 * one appears in between.
 */
final class OutputTargets {
  private OutputTargets() {}

  static void check(LintRequest request, List<InputFile> scanned) throws ConfigException {
    Map<String, Path> targets = new HashMap<>();
    request.output().ifPresent(output -> targets.put("--output", output));
    request.writeBaseline().ifPresent(baseline -> targets.put("--write-baseline", baseline));
    if (targets.size() == 2 && sameFile(request.output().get(), request.writeBaseline().get())) {
      throw new ConfigException("--output and --write-baseline name the same file");
    }
    for (Map.Entry<String, Path> target : targets.entrySet()) {
      check(target.getKey(), target.getValue(), request, scanned);
    }
    for (ReportFile extra : request.extraReports()) {
      String name = "report file";
      for (Map.Entry<String, Path> other : targets.entrySet()) {
        if (sameFile(extra.path(), other.getValue())) {
          throw new ConfigException(
              name + " " + extra.path() + " is also the " + other.getKey() + " file");
        }
      }
      check(name, extra.path(), request, scanned);
    }
  }

  private static void check(String option, Path target, LintRequest request, List<InputFile> scanned)
      throws ConfigException {
    String prefix = option + " " + target + ": ";
    if (Files.isSymbolicLink(target)) {
      throw new ConfigException(
          prefix + "is a symbolic link; refusing to write through it (remove it, or name its target)");
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return; // a new file cannot be any of the inputs
    }
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new ConfigException(prefix + "is not a regular file");
    }
    Optional<Object> key = fileKey(target);
    if (!option.equals("--write-baseline")
        && request.baseline().isPresent()
        && sameFile(target, request.baseline().get())) {
      throw new ConfigException(prefix + "is the baseline being read; refusing to overwrite it");
    }
    for (Path source : scannedPaths(scanned)) {
      if (key.isPresent() ? key.equals(fileKey(source)) : source.equals(target)) {
        throw new ConfigException(
            prefix + "is one of the files being scanned; refusing to overwrite it");
      }
    }
  }

  private static List<Path> scannedPaths(List<InputFile> scanned) {
    List<Path> paths = new ArrayList<>(scanned.size());
    scanned.forEach(file -> paths.add(file.path()));
    return paths;
  }

  private static boolean sameFile(Path a, Path b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /** The file's identity on disk (device and inode on Unix), so hard and soft links compare equal. */
  private static Optional<Object> fileKey(Path path) {
    try {
      return Optional.ofNullable(
          Files.readAttributes(path, BasicFileAttributes.class).fileKey());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

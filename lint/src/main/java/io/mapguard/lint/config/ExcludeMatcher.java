package io.mapguard.lint.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code exclude} globs. A glob with a {@code /} is matched against the whole path relative to
 * the working directory ({@code src/gen/**}, {@code **}{@code /generated/**}); one without is
 * matched against the file name alone ({@code *_pb.java}), as in {@code .gitignore}.
 */
public final class ExcludeMatcher {
  private final List<PathMatcher> pathGlobs;
  private final List<PathMatcher> nameGlobs;

  private ExcludeMatcher(List<PathMatcher> pathGlobs, List<PathMatcher> nameGlobs) {
    this.pathGlobs = pathGlobs;
    this.nameGlobs = nameGlobs;
  }

  public static ExcludeMatcher none() {
    return new ExcludeMatcher(List.of(), List.of());
  }

  /**
   * @param globs comma-separated
   */
  public static ExcludeMatcher parse(String globs) throws ConfigException {
    List<PathMatcher> pathGlobs = new ArrayList<>();
    List<PathMatcher> nameGlobs = new ArrayList<>();
    for (String item : globs.split(",")) {
      String glob = item.strip();
      if (glob.isEmpty()) {
        continue;
      }
      try {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        (glob.contains("/") ? pathGlobs : nameGlobs).add(matcher);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("exclude: bad glob '" + glob + "' (" + e.getMessage() + ")", e);
      }
    }
    return new ExcludeMatcher(List.copyOf(pathGlobs), List.copyOf(nameGlobs));
  }

  /**
   * @param relativePath a path relative to the working directory, with {@code /} separators
   */
  public boolean excludes(String relativePath) {
    if (pathGlobs.isEmpty() && nameGlobs.isEmpty()) {
      return false;
    }
    Path path = Paths.get(relativePath);
    for (PathMatcher glob : pathGlobs) {
      if (glob.matches(path)) {
        return true;
      }
    }
    Path name = path.getFileName();
    for (PathMatcher glob : nameGlobs) {
      if (name != null && glob.matches(name)) {
        return true;
      }
    }
    return false;
  }
}

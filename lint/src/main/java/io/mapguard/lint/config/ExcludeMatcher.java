package io.mapguard.lint.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code exclude} globs. A glob with a {@code /} is matched against the whole path relative to
 * the working directory ({@code src/gen/**}, {@code **}{@code /generated/**}); one without is
 * matched against the file name alone ({@code *_pb.java}), as in {@code .gitignore}. The syntax is
 * the JDK's glob syntax, matched in linear time (see {@link Glob}).
 */
public final class ExcludeMatcher {
  private final List<Glob> pathGlobs;
  private final List<Glob> nameGlobs;

  private ExcludeMatcher(List<Glob> pathGlobs, List<Glob> nameGlobs) {
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
    List<Glob> pathGlobs = new ArrayList<>();
    List<Glob> nameGlobs = new ArrayList<>();
    for (String item : splitOutsideGroups(globs)) {
      String glob = item.strip();
      if (glob.isEmpty()) {
        continue;
      }
      try {
        (glob.contains("/") ? pathGlobs : nameGlobs).add(Glob.compile(glob));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("exclude: bad glob '" + glob + "' (" + e.getMessage() + ")", e);
      }
    }
    return new ExcludeMatcher(List.copyOf(pathGlobs), List.copyOf(nameGlobs));
  }

  /** Splits at the commas between globs, not at those of a {@code {a,b}} group. */
  private static List<String> splitOutsideGroups(String globs) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < globs.length(); i++) {
      char c = globs.charAt(i);
      if (c == '\\') {
        i++; // an escaped character is never a separator
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        items.add(globs.substring(start, i));
        start = i + 1;
      }
    }
    items.add(globs.substring(start));
    return items;
  }

  /**
   * @param relativePath a path relative to the working directory, with {@code /} separators
   */
  public boolean excludes(String relativePath) {
    if (pathGlobs.isEmpty() && nameGlobs.isEmpty()) {
      return false;
    }
    for (Glob glob : pathGlobs) {
      if (glob.matches(relativePath)) {
        return true;
      }
    }
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    for (Glob glob : nameGlobs) {
      if (glob.matches(name)) {
        return true;
      }
    }
    return false;
  }
}

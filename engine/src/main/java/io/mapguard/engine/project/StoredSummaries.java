package io.mapguard.engine.project;

import io.mapguard.engine.project.CallSummaries.ClassCalls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Summaries stored in class outputs, jars and directories ({@link CallSummaries}), read for the
 * front ends: mapvet's {@code --summaries} and {@code --classpath}, and the javac plugin's class
 * path (javac's own file manager lists no {@code META-INF} entry of a jar: its name is not a
 * package's).
 */
public final class StoredSummaries {
  private StoredSummaries() {}

  /** Summaries read, and what could not be read (each problem names its file). */
  public record Read(List<ClassCalls> summaries, List<String> problems) {}

  /**
   * The summaries under each of {@code locations}: in a directory, its {@code *.calls} files and
   * those of its {@link CallSummaries#RESOURCE_DIRECTORY}; in a jar, the entries of that directory.
   * A location that does not exist or holds none adds nothing.
   */
  public static Read read(Iterable<? extends Path> locations) {
    List<ClassCalls> summaries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path location : locations) {
      try {
        if (Files.isDirectory(location)) {
          readDirectory(location, summaries, problems);
          readDirectory(location.resolve(CallSummaries.RESOURCE_DIRECTORY), summaries, problems);
        } else if (Files.isRegularFile(location)) {
          readJar(location, summaries, problems);
        }
      } catch (IOException | RuntimeException e) {
        problems.add("cannot read the summaries in " + location + " (" + e.getMessage() + ")");
      }
    }
    return new Read(summaries, problems);
  }

  private static void readDirectory(Path directory, List<ClassCalls> summaries, List<String> problems)
      throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> listed = Files.list(directory)) {
      for (Path file : listed.sorted().toList()) {
        if (file.getFileName().toString().endsWith(CallSummaries.SUFFIX) && Files.isRegularFile(file)) {
          parse(file.toString(), Files.readAllBytes(file), summaries, problems);
        }
      }
    }
  }

  private static void readJar(Path jar, List<ClassCalls> summaries, List<String> problems) throws IOException {
    String prefix = CallSummaries.RESOURCE_DIRECTORY + "/";
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.getEntry(CallSummaries.RESOURCE_DIRECTORY) == null) {
        // a jar lists its directories (the jar tool, Maven's and Gradle's jars do): one that lists
        // none of the summaries is not walked entry by entry, which a class path of large jars
        // would pay in every compilation
        return;
      }
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(CallSummaries.SUFFIX)) {
          try (InputStream in = zip.getInputStream(entry)) {
            parse(jar + "!/" + name, in.readAllBytes(), summaries, problems);
          }
        }
      }
    }
  }

  private static void parse(String where, byte[] bytes, List<ClassCalls> summaries, List<String> problems) {
    try {
      summaries.add(CallSummaries.read(new String(bytes, StandardCharsets.UTF_8)));
    } catch (CallSummaries.UnreadableSummary e) {
      problems.add("cannot read the summary " + where + " (" + e.getMessage() + ")");
    }
  }
}

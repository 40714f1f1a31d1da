package io.mapguard.lint.scan;

import io.mapguard.engine.project.CallSummaries;
import io.mapguard.engine.project.CallSummaries.ClassCalls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Call summaries on disk for mapvet ({@link CallSummaries}): written one file per top-level class
 * into the {@code --summaries-out} directory, and read back from directories and jars ({@code
 * --summaries}, and the jars of {@code --classpath}, which a build with the javac plugin fills).
 */
public final class SummaryFiles {
  private SummaryFiles() {}

  /** Summaries read, and what could not be read (each problem names its file). */
  public record Read(List<ClassCalls> summaries, List<String> problems) {}

  /**
   * Writes {@code calls} as {@code directory/<class>.calls}, replacing an earlier summary of the
   * class but never writing through a symbolic link.
   */
  public static void write(Path directory, ClassCalls calls) throws IOException {
    Path target = directory.resolve(CallSummaries.fileName(calls.className()));
    if (Files.isSymbolicLink(target)) {
      throw new IOException(target + " is a symbolic link; summaries are not written through links");
    }
    Files.write(
        target,
        CallSummaries.write(calls).getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The summaries under each of {@code locations}: in a directory, its {@code *.calls} files and
   * those of its {@link CallSummaries#RESOURCE_DIRECTORY}; in a jar, the entries of that directory.
   * A location that does not exist or holds none adds nothing.
   */
  public static Read read(List<Path> locations) {
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

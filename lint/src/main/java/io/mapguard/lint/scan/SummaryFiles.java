package io.mapguard.lint.scan;

import io.mapguard.engine.project.CallSummaries;
import io.mapguard.engine.project.CallSummaries.ClassCalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Call summaries on disk for mapvet ({@link CallSummaries}): written one file per top-level class
 * into the {@code --summaries-out} directory; read back from directories and jars ({@code
 * --summaries}, and the jars of {@code --classpath}, which a build with the javac plugin fills) by
 * {@link io.mapguard.engine.project.StoredSummaries}.
 */
public final class SummaryFiles {
  private SummaryFiles() {}

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
   * Writes {@code summaries} of {@code file}'s classes into {@code directory}; a summary that cannot
   * be written is an error of its file, added to {@code diagnostics}.
   */
  public static void writeAll(Path directory, String file, List<ClassCalls> summaries, List<Diagnostic> diagnostics) {
    for (ClassCalls calls : summaries) {
      try {
        write(directory, calls);
      } catch (IOException | RuntimeException e) {
        // asked for and lost: the shards joined later would miss this class's calls
        diagnostics.add(
            Diagnostic.ofFile(
                file, Diagnostic.Kind.ERROR, "cannot write the summary of " + calls.className() + " (" + e.getMessage() + ")"));
      }
    }
  }
}

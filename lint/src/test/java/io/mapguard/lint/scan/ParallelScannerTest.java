package io.mapguard.lint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.lint.analysis.FileAnalyzer;
import io.mapguard.lint.analysis.FileResult;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.ignore.IgnoreFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelScannerTest {
  @TempDir Path dir;

  /** Reports one finding per file and fails the test if used from a second thread. */
  private static final class ThreadBoundAnalyzer implements FileAnalyzer {
    private final Thread owner = Thread.currentThread();

    @Override
    public FileResult analyze(String file, String source) {
      if (Thread.currentThread() != owner) {
        throw new AssertionError("analyzer shared between threads");
      }
      return new FileResult(
          List.of(
              new LintFinding(
                  "GuardedMapEscape", "warning", file, 1, 1, 1, 2, source.strip(), file, java.util.List.of())),
          List.of());
    }
  }

  private List<InputFile> files(int count) throws IOException {
    List<InputFile> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path file = Files.writeString(dir.resolve("F" + i + ".java"), "file " + i);
      files.add(new InputFile(file, "F" + i + ".java"));
    }
    return files;
  }

  private static ProgressLine quiet() {
    return ProgressLine.disabled(new PrintStream(OutputStream.nullOutputStream()));
  }

  @Test
  void oneAnalyzerPerWorkerThreadAndResultsInInputOrder() throws Exception {
    List<InputFile> files = files(40);
    Map<Thread, Integer> created = new ConcurrentHashMap<>();
    ParallelScanner scanner =
        new ParallelScanner(
            3,
            () -> {
              created.merge(Thread.currentThread(), 1, Integer::sum);
              return new FileProcessor(
                  new ThreadBoundAnalyzer(),
                  new IgnoreFilter(Set.of(), false),
                  Set.of("GuardedMapEscape"));
            },
            quiet());

    List<FileOutcome> outcomes = scanner.scan(files);

    assertEquals(40, outcomes.size());
    for (int i = 0; i < 40; i++) {
      assertEquals("F" + i + ".java", outcomes.get(i).file());
      assertEquals("file " + i, outcomes.get(i).findings().get(0).message());
    }
    assertTrue(created.size() <= 3, created.toString());
    assertTrue(created.values().stream().allMatch(count -> count == 1), created.toString());
  }

  @Test
  void setupFailureStopsTheScan() throws Exception {
    List<InputFile> files = files(5);
    ParallelScanner scanner =
        new ParallelScanner(
            2,
            () -> {
              throw new IOException("cannot open lib.jar");
            },
            quiet());

    IOException e = assertThrows(IOException.class, () -> scanner.scan(files));
    assertEquals("cannot open lib.jar", e.getMessage());
  }

  @Test
  void noFilesNoThreads() throws Exception {
    ParallelScanner scanner =
        new ParallelScanner(
            2,
            () -> {
              throw new AssertionError("no worker expected");
            },
            quiet());

    assertEquals(List.of(), scanner.scan(List.of()));
  }
}

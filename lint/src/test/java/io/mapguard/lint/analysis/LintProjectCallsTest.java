package io.mapguard.lint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which files the project-wide questions read: only those whose keys name the method asked. */
class LintProjectCallsTest {
  private static final ProjectMethod SWEEP = new ProjectMethod(List.of("p.Cache"), "sweep", 0);

  /** Answers with no calls and counts the files it was handed. */
  private static class CountingAnalyzer implements FileAnalyzer {
    final List<String> parsed = new ArrayList<>();

    @Override
    public FileResult analyze(String file, String source) {
      throw new AssertionError("not a scan");
    }

    @Override
    public List<ProjectCall> callsOf(ProjectMethod method, String file, String source) {
      parsed.add(file);
      return List.of();
    }
  }

  @Test
  void keysKeptFromTheScanAreUsedWithoutReadingTheFile() {
    AtomicInteger reads = new AtomicInteger();
    CountingAnalyzer analyzer = new CountingAnalyzer();
    LintProjectCalls calls =
        new LintProjectCalls(
            List.of(
                new LintProjectCalls.ProjectFile(
                    "Scanned.java",
                    () -> {
                      reads.incrementAndGet();
                      return "class Scanned { void f(Cache c) { c.sweep(); } }";
                    },
                    new CallKeys(java.util.Set.of("sweep"), java.util.Set.of())),
                new LintProjectCalls.ProjectFile(
                    "Other.java",
                    () -> {
                      reads.incrementAndGet();
                      return "class Other { void g() { h(); } }";
                    })),
            analyzer);

    assertEquals(1, calls.filesToRead(SWEEP));
    assertEquals(1, reads.get(), "only the file without kept keys is read to index it");
    assertEquals(List.of(), calls.callsOf(SWEEP));
    assertEquals(List.of("Scanned.java"), analyzer.parsed);
    assertEquals(2, reads.get(), "the file calling sweep is read to be parsed");
  }

  @Test
  void aFileKeyedByItsTextHoldsTasksOfTheStartsTheUserAdds() {
    String text = "class Custom { Cache c; void f() { Dispatcher.dispatch(() -> c.sweep()); } }";
    List<LintProjectCalls.ProjectFile> files = List.of(new LintProjectCalls.ProjectFile("Custom.java", () -> text));
    assertEquals(
        0,
        new LintProjectCalls(files, new CountingAnalyzer()).filesToReadThroughFieldsInTasks(SWEEP),
        "no default start is called: the file holds no task");
    CountingAnalyzer withDispatch =
        new CountingAnalyzer() {
          @Override
          public java.util.Set<String> taskCodeNames() {
            return io.mapguard.engine.AnalysisOptions.builder()
                .threadStartMethods("com.acme.Dispatcher#dispatch")
                .build()
                .threadStartApis()
                .taskCodeNamesWithEntries();
          }
        };
    assertEquals(1, new LintProjectCalls(files, withDispatch).filesToReadThroughFieldsInTasks(SWEEP));
  }

  @Test
  void aFileThatCannotBeReadAnyMoreMakesTheCallsUnknown() {
    LintProjectCalls calls =
        new LintProjectCalls(List.of(new LintProjectCalls.ProjectFile("Gone.java", () -> null)), new CountingAnalyzer());
    assertNull(calls.callsOf(SWEEP));
  }
}

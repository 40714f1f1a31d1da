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
  void aFileWhoseClassExtendsAnotherFilesIsReadForTheNamesItsTasksUseAndDoesNotDeclare() {
    List<String> asked = new ArrayList<>();
    CountingAnalyzer analyzer =
        new CountingAnalyzer() {
          @Override
          public List<io.mapguard.engine.project.FieldUse> inheritedFieldUsesIn(String field, String file, String source) {
            asked.add(file);
            return List.of();
          }
        };
    // keys from a scan's parse: a file read by its text only is never asked about a field
    List<LintProjectCalls.ProjectFile> files =
        List.of(
            scanned("Receiving.java", "class Receiving extends Shelf { void start() { pool.execute(() -> onHand.put(1, 2)); } }"),
            scanned(
                "Hidden.java",
                "class Hidden extends Shelf { java.util.Map onHand; void start() { pool.execute(() -> onHand.put(1, 2)); } }"),
            scanned("Outside.java", "class Outside extends Shelf { void start() { onHand.put(1, 2); } }"),
            scanned("Alone.java", "class Alone { void start() { pool.execute(() -> onHand.put(1, 2)); } }"));
    assertEquals(List.of(), new LintProjectCalls(files, analyzer).inheritedFieldUsesInTasks("docks.Shelf#onHand"));
    assertEquals(List.of("Receiving.java"), asked, "declared in the file, used outside a task, or nothing inherited");
  }

  private static LintProjectCalls.ProjectFile scanned(String path, String text) {
    return new LintProjectCalls.ProjectFile(path, () -> text, CallKeys.of(com.github.javaparser.StaticJavaParser.parse(text)));
  }

  @Test
  void aFileThatCannotBeReadAnyMoreMakesTheCallsUnknown() {
    LintProjectCalls calls =
        new LintProjectCalls(List.of(new LintProjectCalls.ProjectFile("Gone.java", () -> null)), new CountingAnalyzer());
    assertNull(calls.callsOf(SWEEP));
  }
}

package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.lint.analysis.FileAnalyzer;
import io.mapguard.lint.analysis.FileResult;
import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit code 1 means findings and nothing else: the JVM's own errors (OutOfMemoryError,
 * StackOverflowError, LinkageError), wherever they are thrown, end with 2 or a per-file error.
 * Uncaught, they used to leave the JVM to exit with 1.
 */
class JvmErrorExitCodeTest {
  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void files() {
    cli = new CliHarness(dir);
    cli.write("src/A.java", "class A {\n  // FAKE(UnsynchronizedSharedMap): 'a' is racy\n}\n");
  }

  @Test
  void anErrorWhileSettingUpTheAnalyzerExitsTwo() {
    CliHarness.Result result =
        cli.run(
            (options, roots, classpath) -> {
              throw new OutOfMemoryError("Java heap space");
            },
            "src");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "mapvet: cannot set up the analysis: java.lang.OutOfMemoryError: Java heap space"),
        result.errLines());
  }

  @Test
  void anErrorInOneFileIsThatFilesInternalErrorAndTheScanGoesOn() {
    cli.write("src/B.java", "class B { /* LINKAGE */ }\n");

    CliHarness.Result result = cli.run(throwingOn("LINKAGE", new NoClassDefFoundError("x/Y")), "src");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("src/A.java:2:3: 'a' is racy [UnsynchronizedSharedMap]"), result.outLines());
    assertEquals(
        List.of(
            "src/B.java:1:1: internal error: mapvet failed on this file"
                + " (java.lang.NoClassDefFoundError: x/Y), please report",
            "mapvet: 1 finding in 1 of 2 files (1 error); incomplete: 1 file not analysed"),
        result.errLines());
  }

  @Test
  void anErrorInTheOnlyFileExitsTwo() {
    cli.write("only/B.java", "class B { /* LINKAGE */ }\n");

    CliHarness.Result result =
        cli.run(throwingOn("LINKAGE", new NoClassDefFoundError("x/Y")), "only");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals("mapvet: no file could be analysed", result.errLines().get(1), result::toString);
  }

  /** An analyzer whose one finding throws {@code error} when the report reads its fixes. */
  private static AnalyzerFactory reportThrowing(Error error) {
    return (options, roots, classpath) ->
        (file, source) ->
            new FileResult(
                List.of(
                    new LintFinding(
                        "UnsynchronizedSharedMap", "warning", file, 1, 1, 1, 2, "message", "f1",
                        new ThrowingList(error))),
                List.of());
  }

  /** After the scan, on the main thread: here a StackOverflowError while the report is written. */
  @Test
  void anErrorAfterTheScanExitsTwo() {
    CliHarness.Result result = cli.run(reportThrowing(new StackOverflowError()), "src");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(
        result.err().startsWith("mapvet: internal error: java.lang.StackOverflowError; please report"),
        result::toString);
  }

  @Test
  void runningOutOfMemoryAfterTheScanExitsTwoWithAHeapHint() {
    CliHarness.Result result = cli.run(reportThrowing(new OutOfMemoryError("Java heap space")), "src");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "mapvet: out of memory (Java heap space); give mapvet a larger heap, e.g."
                + " MAPVET_JAVA_OPTS=-Xmx4g"),
        result.errLines());
  }

  /** The fake analyzer, except that a file containing {@code marker} throws {@code error}. */
  private static AnalyzerFactory throwingOn(String marker, Error error) {
    return (options, roots, classpath) -> {
      FileAnalyzer fake = FakeAnalyzer.factory().create(options, roots, classpath);
      return (file, source) -> {
        if (source.contains(marker)) {
          throw error;
        }
        return fake.analyze(file, source);
      };
    };
  }

  /** Suggestions that throw when the report reads them, i.e. on the main thread after the scan. */
  private static final class ThrowingList extends AbstractList<LintFinding.Fix> {
    private final Error error;

    ThrowingList(Error error) {
      this.error = error;
    }

    @Override
    public LintFinding.Fix get(int index) {
      throw error;
    }

    @Override
    public int size() {
      throw error;
    }
  }
}

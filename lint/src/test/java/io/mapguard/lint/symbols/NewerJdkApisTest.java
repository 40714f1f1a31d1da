package io.mapguard.lint.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.lint.analysis.SourceAnalyzer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Virtual-thread starts are thread starts for a mapvet running on a JDK older than 21 (the build's
 * JDK 17 here), as they are for javac compiling for 21+: reflection does not know them there.
 */
class NewerJdkApisTest {
  private static final String SOURCE =
      String.join(
          "\n",
          "import java.util.HashMap;",
          "import java.util.Map;",
          "",
          "public class Tally {",
          "  private final Map<String, Integer> counts = new HashMap<>();",
          "",
          "  public void record(String e) {",
          "    Thread.ofVirtual().name(\"tally\").start(() -> counts.merge(e, 1, Integer::sum));",
          "  }",
          "",
          "  public int count(String e) {",
          "    return counts.getOrDefault(e, 0);",
          "  }",
          "}");

  @Test
  void aVirtualThreadBuildersStartIsAThreadStart() throws IOException {
    AnalysisOptions.Builder options = AnalysisOptions.builder().everyAccess(true);
    for (Rule rule : Rules.all()) {
      options.enable(rule);
    }
    List<String> findings =
        new SourceAnalyzer(options.build(), List.of(), List.of())
            .analyze("Tally.java", SOURCE).findings().stream()
                .map(f -> f.line() + " " + f.rule() + ": " + f.message().substring(0, f.message().indexOf(':')))
                .toList();

    assertEquals(
        List.of(
            "8 UnsynchronizedSharedMap: 'counts' is written here without a lock, but it is shared",
            "12 UnsynchronizedSharedMap: 'counts' is read here without a lock, but it is shared"),
        findings);
  }

  @Test
  void theBuildersAndTheirStartsHaveTheirTypes() {
    assertEquals("java.lang.Thread.Builder.OfVirtual", LintTypes.jdkReturnType("java.lang.Thread", "ofVirtual", 0));
    assertEquals(
        "java.lang.Thread.Builder.OfPlatform",
        LintTypes.jdkReturnType("java.lang.Thread.Builder.OfPlatform", "daemon", 1));
    assertEquals(
        "java.util.concurrent.ExecutorService",
        LintTypes.jdkReturnType("java.util.concurrent.Executors", "newVirtualThreadPerTaskExecutor", 0));
  }
}

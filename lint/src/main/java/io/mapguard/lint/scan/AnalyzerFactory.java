package io.mapguard.lint.scan;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.lint.analysis.FileAnalyzer;
import io.mapguard.lint.analysis.SourceAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the per-thread analyzers. Analyzers are not thread-safe, so the scan asks for one per
 * worker thread; tests pass a fake here to exercise the command line without the JavaParser front
 * end.
 */
@FunctionalInterface
public interface AnalyzerFactory {
  FileAnalyzer create(AnalysisOptions options, List<Path> sourceRoots, List<Path> classpathJars)
      throws IOException;

  /**
   * The real front end. The analyzers one factory makes for the same roots share what is safe to
   * share (see {@link SourceAnalyzer.SourceTree}): use a factory for one scan.
   */
  static AnalyzerFactory javaParser() {
    Map<List<Path>, SourceAnalyzer.SourceTree> trees = new ConcurrentHashMap<>();
    return (options, sourceRoots, classpathJars) ->
        new SourceAnalyzer(
            options, trees.computeIfAbsent(List.copyOf(sourceRoots), SourceAnalyzer.SourceTree::new), classpathJars);
  }
}

package io.mapguard.lint.scan;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.lint.frontend.FileAnalyzer;
import io.mapguard.lint.frontend.SourceAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes the per-thread analyzers. Analyzers are not thread-safe, so the scan asks for one per
 * worker thread; tests pass a fake here to exercise the command line without the JavaParser front
 * end.
 */
@FunctionalInterface
public interface AnalyzerFactory {
  FileAnalyzer create(AnalysisOptions options, List<Path> sourceRoots, List<Path> classpathJars)
      throws IOException;

  /** The real front end. */
  static AnalyzerFactory javaParser() {
    return SourceAnalyzer::new;
  }
}

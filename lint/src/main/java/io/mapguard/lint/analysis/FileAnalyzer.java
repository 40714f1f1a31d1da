package io.mapguard.lint.analysis;

/** Analyses one file's text. Implementations need not be thread-safe: use one per worker thread. */
public interface FileAnalyzer {
  /**
   * @param file the path as the user should see it in reports
   * @param source the file's text
   */
  FileResult analyze(String file, String source);
}

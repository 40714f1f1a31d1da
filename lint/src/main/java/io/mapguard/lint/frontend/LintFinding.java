package io.mapguard.lint.frontend;

import java.util.List;

/**
 * A finding as mapvet reports it: an engine finding placed in its file, or one of mapvet's own
 * (an invalid or unused ignore directive). Lines and columns are 1-based.
 *
 * @param file the path as given on the command line (or found under a given directory)
 * @param fingerprint stable across unrelated edits (no line numbers), for baselines and SARIF
 * @param suggestions the fixes the engine considers safe, as sentences (the Error Prone checks
 *     offer the same fixes as edits)
 */
public record LintFinding(
    String rule,
    String severity,
    String file,
    int line,
    int column,
    int endLine,
    int endColumn,
    String message,
    String fingerprint,
    List<String> suggestions) {}

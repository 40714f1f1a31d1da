package io.mapguard.engine.model;

import java.util.Set;

/**
 * A place in the source. {@code anchor} is the front end's own handle on it (a javac tree, a
 * JavaParser node) and is never looked at by the engine.
 *
 * @param member the enclosing type and member signature, for fingerprints ({@code Cache#get(String)})
 * @param statementText the enclosing statement's text, whitespace-normalised, for fingerprints
 * @param suppressed rule names suppressed by {@code @SuppressWarnings} on the enclosing declarations
 */
public record Site(
    int line,
    int column,
    String member,
    String statementText,
    Set<String> suppressed,
    Object anchor) {

  public boolean isSuppressed(String ruleName) {
    return suppressed.contains(ruleName) || suppressed.contains("mapguard");
  }
}

package io.mapguard.engine.model;

/**
 * A map constructed with one {@code int} argument, {@code new HashMap<>(n)}, described for the
 * capacity-hint rule.
 *
 * @param type the qualified name of the class created
 * @param argument the argument's source text with whitespace removed
 * @param argumentKind what the argument is, syntactically
 */
public record MapCreation(
    String type, String argument, SizeArgument argumentKind, Site site) {

  /** The shapes of a size argument the front ends tell apart. */
  public enum SizeArgument {
    /** {@code c.size()} */
    SIZE_CALL,
    /** {@code a.length} or {@code s.length()} */
    LENGTH,
    /** a variable or constant, by name: {@code n}, {@code expectedUsers}, {@code MAX_ENTRIES} */
    NAME,
    /** an int literal: a capacity the author chose, not a count */
    LITERAL,
    /** anything else: arithmetic ({@code (int) (n / 0.75f) + 1}), another call, a conditional */
    OTHER
  }
}

package io.mapguard.engine.model;

import java.util.List;
import java.util.Set;

/**
 * The syntax around one access that the per-method rules (check-then-act, iteration of synchronized
 * maps) read. Front ends only describe the code; what it means is the engine's business. Both front
 * ends fill every component the same way; {@link #NONE} when the access is no map call.
 *
 * @param key the first argument, normalised ({@code user.id()}, {@code "a"}, {@code prefix+id}), or
 *     null when it is not a simple, stable expression (a {@code new}, an increment, a local assigned
 *     anywhere in the enclosing method)
 * @param valueLocal the second argument when it is a plain local variable, else null
 * @param resultDiscarded the call is a whole expression statement: its result is thrown away
 * @param resultLocal the local variable the call's result initialises or is assigned to, or null
 * @param test the if statement whose condition tests the call's result, directly or through
 *     {@code resultLocal} in the very next statement, or null
 * @param branches the if branches enclosing the call inside its unit, innermost first; a statement
 *     after {@code if (c) return/throw/break/continue;} (no else) is in the else branch of that if
 * @param argumentOf the order of the call on the same field whose second or later argument contains
 *     this call ({@code m.put(k, m.get(k) + 1)}), or -1
 * @param valueReadLine when {@code valueLocal} is set: the line where that local is next used after
 *     the call, if that use reads it (not a reassignment); else 0
 * @param arguments how many arguments the call has ({@code remove(k)} vs the atomic {@code remove(k, v)})
 * @param traversal how an iterating access walks the map: {@code for-each}, {@code iterator},
 *     {@code spliterator}, {@code stream}, {@code parallelStream}, {@code new:<qualified type>} (a
 *     constructor copying it), or null
 * @param loop the innermost loop over the same map whose body holds the call, inside the call's
 *     method (a for-each over one of its views, or the lambda of its or a view's {@code forEach}),
 *     or null
 * @param exitsAfter nothing of an enclosing loop runs after the call: its statement is directly
 *     followed by {@code break}, {@code return} or {@code throw}, or is itself a return or throw
 * @param insideUpdate the {@code computeIfAbsent}/{@code compute}/{@code computeIfPresent}/
 *     {@code merge} call on the same map whose function (a lambda) holds the call, or null
 * @param valueReassigned when {@code valueLocal} is set: the position (on the scale of
 *     {@link Access#order}) of its last assignment before the call when that assignment does not
 *     read the local itself ({@code v = new X()}, not {@code v = v + 1}); else 0
 * @param variables which variables {@code resultLocal} and {@code valueLocal} are, and the locals
 *     read in the second argument: two locals of one name in different blocks are different
 * @param valueFromKey when {@code valueReassigned} is set: that assignment computes the value from
 *     the key alone ({@code v = other.get(k)}, {@code v = k.getMethods()}, see {@link
 *     io.mapguard.engine.knowledge.KeyDerivedValues}): two threads that both miss put equal values
 * @param freshKey a {@code put} whose key no earlier call made ({@code
 *     UUID.randomUUID().toString()}, a field counter's {@code incrementAndGet()}, directly or through
 *     a local, see {@link io.mapguard.engine.knowledge.FreshValues}): it never replaces an entry
 */
public record MapCall(
    String key,
    String valueLocal,
    boolean resultDiscarded,
    String resultLocal,
    Test test,
    List<Branch> branches,
    int argumentOf,
    int valueReadLine,
    int arguments,
    String traversal,
    Loop loop,
    boolean exitsAfter,
    Update insideUpdate,
    int valueReassigned,
    Variables variables,
    boolean valueFromKey,
    boolean freshKey) {

  public static final MapCall NONE =
      new MapCall(
          null, null, false, null, null, List.of(), -1, 0, 0, null, null, false, null, 0, Variables.NONE,
          false, false);

  /**
   * The front end's handles ({@code SyntaxPort.localVariable}) of the locals a call's description
   * names, compared with {@code ==}; the engine never looks inside them.
   *
   * @param result the variable of {@code resultLocal}, or null
   * @param value the variable of {@code valueLocal}, or null
   * @param read the local variables read in the value argument
   */
  public record Variables(Object result, Object value, List<Object> read, List<Object> readAfter) {
    public static final Variables NONE = new Variables(null, null, List.of(), List.of());

    /** Whether the value argument reads {@code variable}. */
    public boolean reads(Object variable) {
      return variable != null && read.stream().anyMatch(v -> v == variable);
    }

    /** Whether the code after the call reads {@code variable} (see {@code readAfter}). */
    public boolean readAfterwards(Object variable) {
      return variable != null && readAfter.stream().anyMatch(v -> v == variable);
    }
  }

  /** A call that updates one key through a function: {@code computeIfAbsent} at {@code line}. */
  public record Update(int line, String method) {}

  /**
   * A loop over a map.
   *
   * @param line where it starts
   * @param kind {@code for-each} or {@code forEach}
   * @param currentKeys the expressions that denote the key of the current entry inside the body, as
   *     {@link MapCall#key} spells them: the loop variable over {@code keySet()}, {@code e.getKey()}
   *     for a loop variable {@code e} over {@code entrySet()}, the first lambda parameter of
   *     {@code map.forEach}
   */
  public record Loop(int line, String kind, Set<String> currentKeys) {}

  /** The same call seen inside {@code loop} and {@code insideUpdate}. */
  public MapCall within(Loop loop, boolean exitsAfter, Update insideUpdate) {
    return new MapCall(
        key, valueLocal, resultDiscarded, resultLocal, test, branches, argumentOf,
        valueReadLine, arguments, traversal, loop, exitsAfter, insideUpdate, valueReassigned,
        variables, valueFromKey, freshKey);
  }

  /** What holds in the then-branch of the if that tests the result. */
  public enum Polarity {
    RESULT_TRUE,
    RESULT_FALSE,
    RESULT_NULL,
    RESULT_NOT_NULL
  }

  /**
   * @param condition the id of the if statement (its order, on the scale of {@link Access#order})
   * @param thenHolds what is known about the result in the then-branch
   * @param exact the condition is the test alone (negated or not), so the else-branch knows the
   *     opposite; false for one operand of a {@code &&} chain
   * @param throughLocal the result is tested through {@code resultLocal}, not in the call's own
   *     expression
   */
  public record Test(int condition, Polarity thenHolds, boolean exact, boolean throughLocal) {}

  /** The then- or else-branch of the if statement with id {@code condition}. */
  public record Branch(int condition, boolean thenBranch) {
    /** Written out, as {@link CodeUnit#equals} says why; the generated hash's value. */
    @Override
    public boolean equals(Object other) {
      return this == other
          || other instanceof Branch branch && condition == branch.condition && thenBranch == branch.thenBranch;
    }

    @Override
    public int hashCode() {
      return 31 * condition + Boolean.hashCode(thenBranch);
    }
  }

  public static MapCall traversal(String traversal) {
    return new MapCall(
        null, null, false, null, null, List.of(), -1, 0, 0, traversal, null, false, null, 0, Variables.NONE,
        false, false);
  }
}

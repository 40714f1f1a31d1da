package io.mapguard.engine.model;

/**
 * The object whose field an access reaches (or that a call passes on), when it is one the unit
 * itself holds: a local variable that only ever holds objects the unit creates with {@code new}, or
 * a parameter the unit never reassigns. Such an object is confined to the thread running the unit
 * until it escapes; see {@code io.mapguard.engine.analysis.Ownership}. Accesses through {@code this},
 * static fields and any other expression have no holder.
 *
 * @param variable which local ({@link Kind#NEW_LOCAL}: a number inside the unit) or which parameter
 *     ({@link Kind#PARAMETER}: its index)
 * @param escapeOrder the position ({@link Access#order}) of the first use of the variable in the
 *     unit that lets the object go where other code can reach it (stored, returned, handed to a
 *     method not analysed here or to a thread, captured by a lambda or class), or {@link #NEVER}
 */
public record Holder(Kind kind, int variable, int escapeOrder) {
  public enum Kind {
    NEW_LOCAL,
    PARAMETER
  }

  public static final int NEVER = Integer.MAX_VALUE;

  /** Whether {@code other} names the same variable of the same unit. */
  public boolean sameVariable(Holder other) {
    return other != null && kind == other.kind && variable == other.variable;
  }
}

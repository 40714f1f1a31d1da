package io.mapguard.engine.project;

import java.util.Set;
import java.util.function.Predicate;

/**
 * A call (or method reference) written in some class, described before anyone asks which method it
 * runs: what {@link ProjectCall} says of it, and what decides the methods it may run. This is what a
 * summary keeps of a class's calls ({@link CallSummaries}), so that a compilation or scan that does
 * not read the class's source still knows its calls.
 *
 * @param name the called method's simple name ({@code super}/{@code this} for a constructor's call
 *     of another)
 * @param arity the number of arguments; {@link #REFERENCE} for a method reference
 * @param calleeOwner the qualified name of the class that declares the method the front end
 *     resolved the call to; null when it could not tell (the call may run any method of the name)
 * @param receiverThisOrImplicit the call names no receiver, or {@code this}
 * @param selfMonitorHeld the caller's own monitor is held at the call ({@code synchronized (this)},
 *     a synchronized method)
 * @param receiverMonitorHeld a {@code synchronized} block on the receiver as written is around the
 *     call
 * @param resultUses what the caller does to the result with no monitor held, right away ({@code
 *     registry.tagsOf(id).add(t)}) or through the local it initialises, outside that local's
 *     {@code synchronized} blocks: the names of the methods called on it, {@code []=} for a store
 *     into one of its elements, and {@link #WALK} and a traversal ({@code walk:for-each}, {@code
 *     walk:iterator}, {@code walk:new:java.util.HashSet}, {@code walk:putAll}) for a walk of it or of
 *     one of its views ({@code keySet()}, {@code values()}, {@code entrySet()}); empty when a monitor
 *     is held at the call
 * @param receiverField the field the call is made on ({@code inventory.reserve(…)}, {@code
 *     this.inventory.reserve(…)}), as the top-level class it is written in and the field's name
 *     there ({@code orders.OrderProcessor#inventory}); null for any other receiver
 * @param serialExecutor when the call runs in a task handed to a single-thread executor field made
 *     in its class, that field, named as {@link #receiverField} names fields ({@code
 *     orders.Poster#serial}): the tasks of one such executor run one at a time; null otherwise
 * @param copies when the call's task runs as several copies at once, why, as messages say it
 *     ({@code OrderProcessor.process hands one to 'pool', an executor of several threads, on every
 *     call}); null otherwise
 * @see ProjectCall for the other components
 */
public record CallSite(
    String name,
    int arity,
    String calleeOwner,
    ProjectMethod caller,
    boolean callerOpen,
    ResultUse use,
    String file,
    int line,
    boolean receiverThisOrImplicit,
    boolean selfMonitorHeld,
    boolean receiverMonitorHeld,
    Set<String> classMonitorsHeld,
    Set<Integer> nullArguments,
    String thread,
    Set<String> resultUses,
    String receiverField,
    String serialExecutor,
    String copies) {

  /** How {@link #resultUses} names a walk of the result: this, then the traversal. */
  public static final String WALK = "walk:";

  /** The arity of a method reference, which names none. */
  public static final int REFERENCE = -1;

  public CallSite {
    classMonitorsHeld = Set.copyOf(classMonitorsHeld);
    nullArguments = Set.copyOf(nullArguments);
    resultUses = Set.copyOf(resultUses);
  }

  /** A method reference ({@code Table::rows}): whatever it is handed to calls it, from anywhere. */
  public static CallSite reference(String name, String file, int line) {
    return new CallSite(
        name, REFERENCE, null, null, true, ResultUse.OTHER, file, line, false, false, false, Set.of(), Set.of(), null,
        Set.of(), null, null, null);
  }

  public boolean isReference() {
    return arity == REFERENCE;
  }

  /**
   * This call as a call of {@code method}, or null when it cannot run it. It may when it names the
   * method's name (and arity), and the class it was resolved to is the method's class or one of its
   * supertypes (dispatch may reach the override), or a subtype that inherits it ({@code
   * calleeOwnerIsSubtypeOf} answers for the qualified name it is given), or it was not resolved.
   */
  public ProjectCall asCallOf(ProjectMethod method, Predicate<String> calleeOwnerIsSubtypeOf) {
    if (!name.equals(method.name())) {
      return null;
    }
    if (isReference()) {
      return new ProjectCall(null, true, ResultUse.OTHER, file, line);
    }
    if (arity != method.arity()) {
      return null;
    }
    boolean ownerOrSubtype = calleeOwner != null && calleeOwnerIsSubtypeOf.test(method.owner());
    if (calleeOwner != null && !ownerOrSubtype && !method.ownerTypes().contains(calleeOwner)) {
      return null;
    }
    // the caller's own object: an unqualified or this-qualified call, from a class of the method's
    // or from a superclass whose method calls a hook the method overrides (an inner class's
    // unqualified call reaches the outer object instead)
    boolean onThis =
        caller != null
            && receiverThisOrImplicit
            && (caller.ownerTypes().contains(method.owner()) || method.ownerTypes().contains(caller.owner()));
    return new ProjectCall(
        caller,
        callerOpen,
        use,
        file,
        line,
        onThis,
        onThis ? selfMonitorHeld : receiverMonitorHeld,
        classMonitorsHeld,
        ownerOrSubtype
            ? ProjectCall.Target.RESOLVED
            : calleeOwner != null ? ProjectCall.Target.SUPERTYPE : ProjectCall.Target.UNKNOWN,
        nullArguments,
        thread,
        resultUses,
        selfMonitorHeld,
        receiverField,
        serialExecutor,
        copies);
  }
}

package io.mapguard.engine.extract;

import io.mapguard.engine.knowledge.ImmediateCallbacks;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.NullableResults;
import io.mapguard.engine.knowledge.ThreadStartApis;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The methods calls reach, matched against the API tables: immediate callbacks, thread starts,
 * library methods that return null, and any {@link MethodRef} list. A table hands out only the
 * entries for a call's name, so the subtype test runs only for those; and a compilation calls the
 * same few methods over and over, so each callee's answer is kept.
 */
public final class KnownApis {
  private final Callees callees;
  private final ImmediateCallbacks immediate;
  private final ThreadStartApis threadStarts;
  private final Map<Object, Boolean> immediateByCallee = new HashMap<>();
  private final Map<Object, Optional<ThreadStartApis.Entry>> threadStartByCallee = new HashMap<>();

  public KnownApis(Callees callees, ImmediateCallbacks immediate, ThreadStartApis threadStarts) {
    this.callees = callees;
    this.immediate = immediate;
    this.threadStarts = threadStarts;
  }

  public Callees callees() {
    return callees;
  }

  /** Whether the callee is known and is {@code ref} or overrides it in a subtype. */
  public boolean matches(MethodRef ref, Object callee) {
    if (callee == null) {
      return false;
    }
    return (ref.name().equals(MethodRef.ANY_NAME) || ref.name().equals(callees.name(callee)))
        && callees.ownerIsSubtype(callee, ref.owner());
  }

  /** Whether the callee is known and is {@code ref} itself: declared by its owner, not a subtype. */
  public boolean isExactly(MethodRef ref, Object callee) {
    return callee != null
        && ref.owner().equals(callees.owner(callee))
        && ref.name().equals(callees.name(callee));
  }

  /** Whether the callee runs its functional arguments before it returns, on the caller's thread. */
  public boolean isImmediate(Object callee) {
    if (callee == null) {
      return false;
    }
    Boolean known = immediateByCallee.get(callee);
    if (known == null) {
      known = matchesAny(immediate.candidates(callees.name(callee)), callee);
      immediateByCallee.put(callee, known);
    }
    return known;
  }

  /** Whether the callee runs its functional arguments right away holding a lock it is given. */
  public boolean isLockingCallback(Object callee) {
    if (callee == null) {
      return false;
    }
    return matchesAny(immediate.lockingCandidates(callees.name(callee)), callee);
  }

  private boolean matchesAny(List<MethodRef> refs, Object callee) {
    for (MethodRef ref : refs) {
      if (matches(ref, callee)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a method of this name may start a thread: a cheap filter before types are resolved. */
  public boolean mayStartThreads(String name) {
    return !threadStarts.candidates(name).isEmpty();
  }

  /** The thread-start entry the callee matches, if any. */
  public Optional<ThreadStartApis.Entry> threadStart(Object callee) {
    if (callee == null) {
      return Optional.empty();
    }
    Optional<ThreadStartApis.Entry> known = threadStartByCallee.get(callee);
    if (known == null) {
      known = Optional.empty();
      for (ThreadStartApis.Entry entry : threadStarts.candidates(callees.name(callee))) {
        if (matches(entry.method(), callee)) {
          known = Optional.of(entry);
          break;
        }
      }
      threadStartByCallee.put(callee, known);
    }
    return known;
  }

  /**
   * The thread start a call or creation is: a start that is not also an immediate callback. Asked
   * of every call of a class: a name no thread start has rules most out before any subtype test.
   */
  public Optional<ThreadStartApis.Entry> startOf(Object callee) {
    return callee == null
            || !callees.ownerKnown(callee)
            || threadStarts.candidates(callees.name(callee)).isEmpty()
            || isImmediate(callee)
        ? Optional.empty()
        : threadStart(callee);
  }

  /**
   * The entry of {@link NullableResults} a call of {@code arity} arguments to the callee matches, or
   * null. A front end that cannot tell the callee's owner (mapvet, a receiver of a library type it
   * cannot see) matches nothing: a guess would be a false positive.
   */
  public NullableResults.Entry nullableResult(Object callee, int arity) {
    if (callee == null || !callees.ownerKnown(callee)) {
      return null;
    }
    for (NullableResults.Entry entry : NullableResults.candidates(callees.name(callee))) {
      if (entry.arity() == arity && matches(entry.method(), callee)) {
        return entry;
      }
    }
    return null;
  }
}

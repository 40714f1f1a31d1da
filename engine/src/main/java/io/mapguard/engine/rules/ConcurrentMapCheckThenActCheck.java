package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two steps on a shared ConcurrentMap that only work as one: a containsKey/get check followed by a
 * put/remove of the same key in the branch the check decided, a put of a value computed from an
 * earlier get of the same key (lost update), and a putIfAbsent whose result is ignored while its
 * value is used afterwards as if it had been stored.
 */
@RuleDefinition(
    name = "ConcurrentMapCheckThenAct",
    summary =
        "A shared ConcurrentMap is checked and then updated in two steps (containsKey/get "
            + "then put/remove, get then put of a derived value, putIfAbsent's result ignored), so "
            + "another thread can act in between",
    brief =
        "on a shared ConcurrentMap: `containsKey`/`get` then `put`/`remove` of the same key, "
            + "`get` then `put(k, f(v))`, an ignored `putIfAbsent` result whose value is used; "
            + "fix: computeIfAbsent / merge / compute / replace",
    order = 6,
    since = "0.1.0")
public final class ConcurrentMapCheckThenActCheck implements RuleCheck {
  private static final Set<String> CHECKS = Set.of("containsKey", "get");
  private static final Set<String> VALUE_READS = Set.of("get", "getOrDefault");
  /** Writes that only take entries out. */
  private static final Set<String> REMOVALS = Set.of("remove", "clear");

  /** The summing function a counter's merge fix uses, by the map's value type. */
  private static final Map<String, String> SUMS =
      Map.of(
          "java.lang.Integer", "Integer::sum",
          "java.lang.Long", "Long::sum",
          "java.lang.Double", "Double::sum");

  private enum Meaning {
    ABSENT,
    PRESENT
  }

  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    for (FieldState state : analysis.fields()) {
      if (state.kind() != MapKind.CONCURRENT || !analysis.manyThreadsReach(state)) {
        continue;
      }
      List<ResolvedAccess> accesses = state.afterConstruction();
      for (ResolvedAccess act : accesses) {
        Access a = act.access();
        if (a.effect() != Effect.WRITE || a.method() == null) {
          continue;
        }
        switch (a.method()) {
          case "put":
            checkThenAct(state, accesses, act, sink);
            break;
          case "remove":
            if (a.call().arguments() == 1) { // remove(k, v) is the atomic compare-and-remove
              checkThenAct(state, accesses, act, sink);
            }
            break;
          case "putIfAbsent":
            ignoredPutIfAbsent(state, accesses, act, sink);
            break;
          default:
            break;
        }
      }
    }
  }

  /**
   * A put or remove whose result is kept in a local that the next statement does not test ({@code
   * V old = m.put(k, v); log(old);}): the result is not used to notice a value that got in between,
   * so the check before it still decides alone. One tested right away ({@code if (old != null)})
   * handles the race; one returned or passed on is the caller's.
   */
  private static boolean storedUntested(MapCall call) {
    return call.resultLocal() != null && call.test() == null;
  }

  private void checkThenAct(
      FieldState state, List<ResolvedAccess> accesses, ResolvedAccess act, FindingSink sink) {
    Access a = act.access();
    MapCall call = a.call();
    if (call.key() == null || !call.resultDiscarded() && !storedUntested(call)) {
      return;
    }
    String name = state.field().name();
    boolean put = a.method().equals("put");
    // The check closest to the act decides: code that re-checks after taking a lock
    // (get under a read lock, then get again under the write lock) is judged by the re-check.
    ResolvedAccess check = null;
    Meaning meaning = null;
    for (ResolvedAccess candidate : accesses) {
      Access c = candidate.access();
      if (c.method() == null
          || !sameStep(c, a)
          || !CHECKS.contains(c.method())
          || c.call().test() == null) {
        continue;
      }
      Meaning m = meaningAt(c, a);
      if (m != null && (check == null || c.order() > check.access().order())) {
        check = candidate;
        meaning = m;
      }
    }
    if (check != null) {
      // After an "absent" check only a write that adds the key can get in between; removals,
      // such as an unlocked cleanup's remove(key, staleValue), cannot.
      boolean onlyInsertions = put && meaning == Meaning.ABSENT;
      if (lockedTogether(state, check, act, onlyInsertions)) {
        return;
      }
      Access c = check.access();
      String how = describeCheck(c);
      if (put && meaning == Meaning.ABSENT) {
        if (call.valueFromKey()) {
          return; // a memo: see MapCall#valueFromKey and the same case in the check below
        }
        MapCall.Test test = c.call().test();
        boolean simpleShape =
            call.resultDiscarded()
                && !test.throughLocal()
                && test.exact()
                && call.branches().get(0).equals(new MapCall.Branch(test.condition(), true));
        String message =
            checkedThenPut(name, check, how, act)
                + "another thread can put the same key in between, and one of the two values is"
                + " silently replaced. Use computeIfAbsent, or putIfAbsent and its result.";
        List<FixHint> fixes =
            simpleShape ? List.of(new FixHint(FixHint.Kind.COMPUTE_IF_ABSENT, null)) : List.of();
        sink.report(
            rule(), state.field(), a.site(), message, fixes, firstStep(check, "checked here (" + how + ")"));
        return;
      }
      if (put && meaning == Meaning.PRESENT) {
        String message =
            checkedThenPut(name, check, how, act)
                + "another thread can remove or replace the key in between, and this put brings"
                + " back a stale entry. Use replace(key, value), replace(key, old, new) or"
                + " computeIfPresent.";
        sink.report(
            rule(), state.field(), a.site(), message, List.of(), firstStep(check, "checked here (" + how + ")"));
        return;
      }
      if (!put
          && meaning == Meaning.PRESENT
          && c.method().equals("get")
          && c.call().resultLocal() != null
          && !(keysNeverReused(accesses) && !call.variables().readAfterwards(c.call().variables().result()))) {
        String message =
            "'"
                + name
                + "' is read at line "
                + check.line()
                + " (get) and removed at line "
                + act.line()
                + " as two steps"
                + sharedLockNote(check, act)
                + ": two threads can both see '"
                + c.call().resultLocal()
                + "' and both remove it, or remove a newer value. Use the result of remove(key),"
                + " or remove(key, value).";
        sink.report(
            rule(), state.field(), a.site(), message, List.of(), firstStep(check, "read here (get)"));
        return;
      }
      if (!put) {
        return;
      }
    }
    if (put) {
      lostUpdate(state, accesses, act, sink);
    }
  }

  /**
   * Whether every entry of the map is stored by a put under a fresh key ({@link MapCall#freshKey}):
   * no key is put twice, so a get-then-remove cannot take a newer value, and two removes of one
   * entry remove it once (as a lock token in Tomcat's WebdavServlet). The caller also asks that
   * nothing after the remove uses the value read: code that acts on it then (closes it) would act
   * twice.
   */
  private static boolean keysNeverReused(List<ResolvedAccess> accesses) {
    boolean stored = false;
    for (ResolvedAccess access : accesses) {
      Access a = access.access();
      // a write through a view (method null) can only take entries out
      if (a.effect() != Effect.WRITE || a.method() == null || REMOVALS.contains(a.method())) {
        continue;
      }
      if (!a.method().equals("put") || !a.call().freshKey()) {
        return false;
      }
      stored = true;
    }
    return stored;
  }

  /** "'m' is checked at line 3 (containsKey) and written at line 5 (put) as two steps: ". */
  private static String checkedThenPut(
      String name, ResolvedAccess check, String how, ResolvedAccess act) {
    return "'"
        + name
        + "' is checked at line "
        + check.line()
        + " ("
        + how
        + ") and written at line "
        + act.line()
        + " (put) as two steps"
        + sharedLockNote(check, act)
        + ": ";
  }

  /**
   * ", holding the read lock of 'rw', which other threads hold at the same time" when both steps
   * hold a lock in read mode: the read lock is what the code trusted to make them one step.
   */
  private static String sharedLockNote(ResolvedAccess first, ResolvedAccess second) {
    List<LockRef> read = heldAtBoth(first, second, true);
    return read.isEmpty()
        ? ""
        : ", holding the read lock of '" + read.get(0).expression() + "', which other threads hold at the same time";
  }

  /** The locks both accesses' own threads hold, all in read mode or all in a mode that excludes. */
  private static List<LockRef> heldAtBoth(ResolvedAccess first, ResolvedAccess second, boolean readMode) {
    List<LockRef> both = new ArrayList<>();
    for (LockRef lock : first.ownLocks()) {
      if (lock.isReadMode() == readMode
          && second.ownLocks().stream().anyMatch(l -> l.sameLock(lock) && l.isReadMode() == readMode)) {
        both.add(lock);
      }
    }
    return both;
  }

  /** {@code V v = m.get(k); … m.put(k, f(v))} or {@code m.put(k, m.get(k) + 1)}. */
  private void lostUpdate(
      FieldState state, List<ResolvedAccess> accesses, ResolvedAccess act, FindingSink sink) {
    Access a = act.access();
    ResolvedAccess latest = null;
    for (ResolvedAccess read : accesses) {
      Access g = read.access();
      if (g.method() == null || !VALUE_READS.contains(g.method())) {
        continue;
      }
      boolean nested =
          g.unit() == a.unit()
              && g.call().argumentOf() == a.order()
              && g.call().key() != null
              && g.call().key().equals(a.call().key());
      boolean derived =
          nested
              || sameStep(g, a) && a.call().variables().reads(g.call().variables().result());
      if (derived && (latest == null || g.order() > latest.access().order())) {
        latest = read;
      }
    }
    if (latest != null && reassignedAfter(latest.access(), a)) {
      // V v = m.get(k); … if (v == null) { v = new V(); m.put(k, v); }: the put stores a new value
      // after a check, it does not update the old one. A value computed from the key alone
      // (v = k.getMethods(), v = secondLevel.get(k)) is the same whichever thread computes it: a
      // memo, whose lost put loses nothing.
      if (!a.call().valueFromKey() && !lockedTogether(state, latest, act, true)) {
        String message =
            checkedThenPut(state.field().name(), latest, latest.access().method(), act)
                + "another thread can put the same key in between, and one of the two values is"
                + " silently replaced. Use computeIfAbsent, or putIfAbsent and its result.";
        sink.report(
            rule(), state.field(), a.site(), message, List.of(),
            firstStep(latest, "read here (" + latest.access().method() + ")"));
      }
      return;
    }
    if (latest != null && !lockedTogether(state, latest, act, false)) {
      ResolvedAccess read = latest;
      Access g = read.access();
      String message =
          "'"
              + state.field().name()
              + "' is read at line "
              + read.line()
              + " ("
              + g.method()
              + ") and written at line "
              + act.line()
              + " with a value computed from it"
              + sharedLockNote(read, act)
              + ": an update another thread makes in between is"
              + " lost. Use merge or compute, which read and write the entry atomically.";
      String sum = SUMS.get(state.field().valueType());
      boolean counter = g.method().equals("getOrDefault") && g.call().argumentOf() == a.order();
      List<FixHint> fixes =
          counter && sum != null && a.call().resultDiscarded()
              ? List.of(new FixHint(FixHint.Kind.MERGE, sum))
              : List.of();
      sink.report(
          rule(), state.field(), a.site(), message, fixes, firstStep(read, "read here (" + g.method() + ")"));
    }
  }

  /** The first of the two steps, which the message cites: the finding is at the second. */
  private static List<Evidence> firstStep(ResolvedAccess first, String description) {
    return List.of(new Evidence(first.line(), first.access().site().column(), description));
  }

  /** The put's value is the local the read went into, given a value of its own since. */
  private static boolean reassignedAfter(Access read, Access put) {
    MapCall call = put.call();
    return call.variables().value() != null
        && call.variables().value() == read.call().variables().result()
        && call.valueReassigned() > read.order();
  }

  /** {@code m.putIfAbsent(k, v); … use(v)}: v may not be the value in the map. */
  private void ignoredPutIfAbsent(
      FieldState state, List<ResolvedAccess> accesses, ResolvedAccess act, FindingSink sink) {
    Access a = act.access();
    MapCall call = a.call();
    if (!call.resultDiscarded() || call.valueLocal() == null || call.valueReadLine() <= 0) {
      return;
    }
    if (lockedTogether(state, act, act, true)) {
      return;
    }
    String message =
        "'"
            + state.field().name()
            + "' gets '"
            + call.valueLocal()
            + "' through putIfAbsent at line "
            + act.line()
            + ", whose result is ignored, but '"
            + call.valueLocal()
            + "' is used at line "
            + call.valueReadLine()
            + " as if it were the stored value: when another thread stored one first, the map"
            + " keeps that one. Use the value putIfAbsent returns, or computeIfAbsent.";
    sink.report(
        rule(), state.field(), a.site(), message, List.of(),
        List.of(new Evidence(call.valueReadLine(), 0, "'" + call.valueLocal() + "' is used here")));
  }

  /** Same unit, same key, check before act. */
  private static boolean sameStep(Access check, Access act) {
    return check != act
        && check.unit() == act.unit()
        && check.order() < act.order()
        && check.call().key() != null
        && Objects.equals(check.call().key(), act.call().key());
  }

  /** What the check tells about the key in the branch where the act runs, or null. */
  private static Meaning meaningAt(Access check, Access act) {
    MapCall.Test test = check.call().test();
    Meaning then = thenMeaning(check.method(), test.thenHolds());
    if (then == null) {
      return null;
    }
    for (MapCall.Branch branch : act.call().branches()) {
      if (branch.condition() != test.condition()) {
        continue;
      }
      if (branch.thenBranch()) {
        return then;
      }
      return test.exact() ? (then == Meaning.ABSENT ? Meaning.PRESENT : Meaning.ABSENT) : null;
    }
    return null;
  }

  private static Meaning thenMeaning(String method, MapCall.Polarity polarity) {
    if (method.equals("containsKey")) {
      switch (polarity) {
        case RESULT_TRUE:
          return Meaning.PRESENT;
        case RESULT_FALSE:
          return Meaning.ABSENT;
        default:
          return null;
      }
    }
    switch (polarity) {
      case RESULT_NULL:
        return Meaning.ABSENT;
      case RESULT_NOT_NULL:
        return Meaning.PRESENT;
      default:
        return null;
    }
  }

  private static String describeCheck(Access check) {
    if (check.method().equals("containsKey")) {
      return "containsKey";
    }
    MapCall.Polarity polarity = check.call().test().thenHolds();
    return "get"
        + (polarity == MapCall.Polarity.RESULT_NULL ? " == null" : " != null")
        + (check.call().test().throughLocal() ? " through '" + check.call().resultLocal() + "'" : "");
  }

  /** Writes that can add a key: the ones that break an "absent" check. */
  private static final Set<String> INSERTING =
      Set.of("put", "putIfAbsent", "putAll", "compute", "computeIfAbsent", "merge");

  /**
   * Whether one lock is held at both steps, in a mode that keeps other holders out, and at every
   * write of the field after construction (with {@code onlyInsertions}, every write that can add a
   * key, and every reassignment): then nothing that matters can happen in between. A read lock held
   * at a step does not make the two steps one: readers hold it together, so two of them can run the
   * same check-then-act at once. The writes' mode is not compared: a write under the read lock is one
   * step of a compound that the read lock never made atomic anyway.
   */
  private static boolean lockedTogether(
      FieldState state, ResolvedAccess check, ResolvedAccess act, boolean onlyInsertions) {
    // the locks of the accesses' own threads: a starter's lock held for the copies of a task it
    // waits for does not keep one copy's act from another's check; a read lock keeps no reader out
    List<LockRef> common = heldAtBoth(check, act, false);
    for (LockRef lock : common) {
      boolean everyWrite =
          state.afterConstruction().stream()
              .filter(r -> r.effect() == Effect.ASSIGN
                  || r.effect() == Effect.WRITE
                      && (!onlyInsertions || INSERTING.contains(r.access().method())))
              .allMatch(r -> r.ownLocks().stream().anyMatch(l -> l.sameLock(lock)));
      if (everyWrite) {
        return true;
      }
    }
    return false;
  }
}

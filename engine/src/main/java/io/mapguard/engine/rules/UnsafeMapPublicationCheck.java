package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.LazyInit;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.ThreadRoot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A map reference handed to other threads without a happens-before edge: double-checked lazy init
 * without volatile, a racy replacement of a plain field, or a field assigned before it is filled.
 */
@RuleDefinition(
    name = "UnsafeMapPublication",
    summary =
        "A map field is published to other threads unsafely (double-checked init without "
            + "volatile, racy replacement, or assigned before it is filled)",
    brief =
        "double-checked init without `volatile`, a plain field replaced while others read "
            + "it, a shared field assigned before it is filled",
    order = 5,
    since = "0.1.0")
public final class UnsafeMapPublicationCheck implements RuleCheck {
  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    Set<Integer> lazyInitLines = new HashSet<>();
    for (LazyInit lazy : analysis.facts().lazyInits()) {
      MapField field = lazy.field();
      lazyInitLines.add(lazy.assignment().line());
      if (field.isVolatile() || field.atomicReference()) {
        continue;
      }
      String message =
          "'"
              + field.name()
              + "' is lazily initialized with double-checked locking but is not volatile: the"
              + " unlocked check at line "
              + lazy.outerCheckLine()
              + " can see the new map before its contents. Make '"
              + field.name()
              + "' volatile, or initialize it eagerly or in a holder class.";
      sink.report(
          rule(),
          field,
          lazy.assignment(),
          message,
          List.of(),
          List.of(
              new Evidence(
                  lazy.outerCheckLine(), 0, "the unlocked check of '" + field.name() + "'")));
    }
    for (FieldState state : analysis.fields()) {
      for (ResolvedAccess assign : state.afterConstruction()) {
        if (assign.effect() != Effect.ASSIGN || lazyInitLines.contains(assign.line())) {
          continue;
        }
        Optional<Reader> reader = otherThreadReading(analysis, state, assign);
        if (reader.isEmpty() || sharesLockWithAll(state, assign)) {
          continue;
        }
        Optional<ResolvedAccess> firstFill = firstFill(state, assign.access());
        MapField field = state.field();
        if (firstFill.isPresent()) {
          // filling a local first is not enough for a field its readers read without a lock
          // unless it is volatile: the replacement itself would then be the next finding
          boolean alsoVolatile = !field.isVolatile() && !field.isFinal() && !field.atomicReference();
          String message =
              "'"
                  + field.name()
                  + "' is published here before it is filled (the "
                  + firstFill.get().access().method()
                  + " at line "
                  + firstFill.get().line()
                  + "), while "
                  + reader.get().text()
                  + ": readers can see a half-built map. Fill a local map, then assign it to '"
                  + field.name()
                  + "'"
                  + (alsoVolatile ? ", and make '" + field.name() + "' volatile" : "")
                  + ".";
          List<Evidence> evidence = new ArrayList<>();
          evidence.add(
              ClassAnalysis.place(
                  firstFill.get(),
                  "the first "
                      + firstFill.get().access().method()
                      + " into '"
                      + field.name()
                      + "', after it is published"));
          evidence.addAll(reader.get().places());
          sink.report(rule(), field, assign.access().site(), message, List.of(), evidence);
        } else if (!field.isVolatile() && !field.isFinal() && !field.atomicReference()) {
          List<LockRef> held = exclusiveLocks(assign);
          String lock = held.isEmpty() ? null : held.get(0).expression();
          String replaced =
              lock == null
                  ? "' is replaced here without synchronization while " + reader.get().text() + ": that thread"
                  : "' is replaced here holding '"
                      + lock
                      + "', but "
                      + reader.get().text()
                      + " without it, and '"
                      + field.name()
                      + "' is not volatile: the lock orders nothing for a reader that does not take"
                      + " it, so that thread";
          String message =
              "'"
                  + field.name()
                  + replaced
                  + " can see a stale or partly constructed map. Make '"
                  + field.name()
                  + "' volatile (and never modify a published map) or "
                  + (lock == null ? "guard every access with one lock." : "read it holding '" + lock + "'.");
          sink.report(
              rule(), field, assign.access().site(), message, List.of(), reader.get().places());
        }
      }
    }
  }

  private static Optional<ResolvedAccess> firstFill(FieldState state, Access assign) {
    return state.afterConstruction().stream()
        .filter(a -> state.fills().contains(a.access()) && a.access().unit() == assign.unit())
        .filter(a -> a.access().order() > assign.order())
        .min((a, b) -> Integer.compare(a.access().order(), b.access().order()));
  }

  /**
   * Another thread that reads the field while an assignment runs: how the message says it, and the
   * places it names (the read, and the task's start when on another line).
   */
  private record Reader(String text, List<Evidence> places) {}

  /** Another thread that reads the field while this assignment runs, described for the message. */
  private static Optional<Reader> otherThreadReading(
      ClassAnalysis analysis, FieldState state, ResolvedAccess assign) {
    for (ResolvedAccess other : state.afterConstruction()) {
      if (other.effect() == Effect.ASSIGN
          || other.access().unit() == assign.access().unit()
          || excludedBy(other, assign)) {
        continue;
      }
      for (ThreadRoot root : other.roots()) {
        if (root.kind() == ThreadRoot.Kind.CONSTRUCTION
            || assign.roots().contains(root) && !concurrentWithItself(analysis, state, root)) {
          continue;
        }
        String name = state.field().name();
        if (root.isTask()) {
          List<Evidence> places = new ArrayList<>();
          String task = root.describe();
          places.add(ClassAnalysis.place(other, "'" + name + "' is read here, in " + task));
          if (root.line() != other.line()) {
            places.add(ClassAnalysis.taskStart(root));
          }
          return Optional.of(
              new Reader("it is read in " + task + " (line " + other.line() + ")", places));
        }
        String unit = other.access().unit().name();
        return Optional.of(
            new Reader(
                "callers read it in " + unit + " (line " + other.line() + ")",
                List.of(
                    ClassAnalysis.place(other, "callers read '" + name + "' here, in " + unit))));
      }
    }
    return Optional.empty();
  }

  private static boolean concurrentWithItself(ClassAnalysis analysis, FieldState state, ThreadRoot root) {
    return root.isTask()
        ? root.repeated()
        : root.kind() == ThreadRoot.Kind.CALLER && analysis.classEvidenceReaches(state);
  }

  /**
   * Whether {@code other} holds a lock that the assignment holds in a mode that keeps it out (a
   * reader under {@code rw}'s read lock while the assignment holds its write lock): then it cannot
   * see the assignment half done.
   */
  private static boolean excludedBy(ResolvedAccess other, ResolvedAccess assign) {
    return exclusiveLocks(assign).stream().anyMatch(lock -> other.locks().stream().anyMatch(lock::sameLock));
  }

  /** The locks held at {@code access} that keep every other holder out (not a read lock). */
  private static List<LockRef> exclusiveLocks(ResolvedAccess access) {
    return access.locks().stream().filter(lock -> !lock.isReadMode()).toList();
  }

  /** Whether the assignment and every other access hold one common lock. */
  private static boolean sharesLockWithAll(FieldState state, ResolvedAccess assign) {
    Set<String> common = new LinkedHashSet<>();
    exclusiveLocks(assign).forEach(lock -> common.add(lock.expression()));
    for (ResolvedAccess other : state.afterConstruction()) {
      Set<String> held = new HashSet<>();
      other.locks().forEach(l -> held.add(l.expression()));
      common.retainAll(held);
    }
    return !common.isEmpty();
  }
}

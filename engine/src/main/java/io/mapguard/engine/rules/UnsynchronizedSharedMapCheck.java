package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.engine.project.ProjectCondition;
import io.mapguard.engine.project.EitherCondition;
import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.engine.project.UsedBySubclassTask;
import io.mapguard.engine.project.WrittenByTaskElsewhere;
import io.mapguard.engine.project.WrittenThroughSharedFieldByTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A shared non-thread-safe map with no guard at all: every unlocked access races. */
@RuleDefinition(
    name = "UnsynchronizedSharedMap",
    summary =
        "A non-thread-safe map field is reached from several threads and written after "
            + "construction, with no lock guarding it",
    brief =
        "a non-thread-safe map field reached from ≥ 2 threads, written after construction, "
            + "with no lock guarding it",
    order = 1,
    since = "0.1.0")
public final class UnsynchronizedSharedMapCheck implements RuleCheck {
  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    reportLocalMapsOfConcurrentCallbacks(analysis, sink);
    reportLocalMapsUsedWhileTheirTaskRuns(analysis, sink);
    for (FieldState state : analysis.fields()) {
      if (state.kind() != MapKind.NON_THREAD_SAFE) {
        continue;
      }
      if (!state.shared()) {
        reportWritesFromOtherClassesTasks(analysis, state, sink);
        continue;
      }
      reportCopyRaces(analysis, state, sink);
      if (state.guard().isPresent()) {
        continue;
      }
      ConcurrentHashMapAdvice.Verdict concurrent = null;
      LockRef heldElsewhere = heldAtEveryLockedAccess(state);
      for (ResolvedAccess access : state.raceRelevant()) {
        if (access.holdsExcludingLock()) {
          continue;
        }
        LockRef striped = access.onlyStripedLock();
        if (concurrent == null) {
          concurrent = ConcurrentHashMapAdvice.judge(analysis, state);
        }
        List<FixHint> fixes = concurrentHashMapFix(concurrent);
        String evidence = analysis.threadEvidence(state, access);
        Evidence place = analysis.threadEvidencePlace(state, access);
        ProjectCondition condition = null;
        if (evidence == null && striped != null) {
          evidence = "taking a lock there shows that other threads are expected";
        } else if (evidence == null) {
          evidence = Objects.requireNonNullElse(analysis.lockEvidence(state), "other threads use it");
          place = analysis.lockEvidencePlace(state);
          // the lock is all that says threads meet here: callers that all hold it make it the guard
          condition =
              heldElsewhere == null
                  ? null
                  : InconsistentMapLockingCheck.reachedWithout(analysis, access, heldElsewhere);
        }
        String message =
            "'"
                + state.field().name()
                + "' is "
                + access.verb()
                + (striped == null
                    ? " here without a lock"
                    : " here holding only '"
                        + striped.expression()
                        + "', one lock of several chosen per use, which keeps out only the threads"
                        + " that choose the same one")
                + ", but it is shared: "
                + evidence
                + ". "
                + fix(concurrent);
        sink.reportAccess(
            rule(),
            access.access(),
            "unguarded",
            message,
            fixes,
            place == null ? List.of() : List.of(place),
            condition);
      }
    }
  }

  /**
   * A monitor held at every locked access of the map, or null. When the map is shared only for the
   * lock, an unlocked access in a method whose every call holds that monitor is guarded too: a hook
   * the superclass's synchronized template method calls, a helper every caller calls synchronized.
   */
  private static LockRef heldAtEveryLockedAccess(FieldState state) {
    List<ResolvedAccess> locked =
        state.raceRelevant().stream().filter(access -> !access.locks().isEmpty()).toList();
    if (locked.isEmpty()) {
      return null;
    }
    for (LockRef lock : locked.get(0).locks()) {
      if (lock.kind() == LockRef.Kind.MONITOR && locked.stream().allMatch(access -> access.holds(lock))) {
        return lock;
      }
    }
    return null;
  }

  /** The advice of the message: one lock, or a ConcurrentHashMap when that alone would do. */
  private static String fix(ConcurrentHashMapAdvice.Verdict concurrent) {
    return "Guard every access with one lock"
        + (concurrent.offer() ? " or use ConcurrentHashMap" : "")
        + (concurrent.why() == null ? "" : " (a ConcurrentHashMap alone would not do: " + concurrent.why() + ")")
        + ".";
  }

  /**
   * A map its class uses only on its callers' threads, with no lock and no task of its own: a
   * static one is shared when a task of another class runs a method that writes it ({@link
   * WrittenByTaskElsewhere}); an instance one when another class keeps the object in a field, writes
   * the map through it in a task and uses it through the same field on another thread ({@link
   * WrittenThroughSharedFieldByTask}), or when a subclass written elsewhere uses it as its own in a
   * task while a method of the class uses it on another thread ({@link UsedBySubclassTask}). Every
   * access is reported on that condition, which the front end decides once it sees the whole
   * project. A map a task of the class itself reaches is shared already; one that only tasks of one
   * single-thread executor use, or that is published through a volatile flag, is not asked about.
   */
  private void reportWritesFromOtherClassesTasks(ClassAnalysis analysis, FieldState state, FindingSink sink) {
    if (state.field().threadConfined()
        || analysis.classEvidence() != null
        || state.raceRelevant().stream().anyMatch(UnsynchronizedSharedMapCheck::lockedOrInATask)) {
      return;
    }
    boolean subclassesUse = state.field().subclassesUseAs() != null;
    // one map per program: a static one, or an instance one of a class with one instance
    boolean onePerProgram = state.field().isStatic() || analysis.facts().singleton();
    Set<ProjectMethod> writers = new LinkedHashSet<>();
    Set<ProjectMethod> users = new LinkedHashSet<>();
    Set<ProjectMethod> open = new LinkedHashSet<>();
    for (ResolvedAccess access : state.raceRelevant()) {
      for (CodeUnit entry : analysis.entryMethods(access.access().unit())) {
        ProjectMethod method = analysis.facts().calledAs(entry);
        if (method != null) {
          users.add(method);
          if (access.effect() == Effect.WRITE) {
            writers.add(method);
          }
          // asked only where a question needs it (a map subclasses may use, a static one a task of
          // another class may write): it can take mapvet's type solver
          if ((subclassesUse || onePerProgram) && analysis.facts().projectMethod(entry) == null) {
            open.add(method);
          }
        }
      }
    }
    if (writers.isEmpty() && !(subclassesUse && !users.isEmpty())) {
      return;
    }
    if (writers.isEmpty()) {
      // the class only reads it: whether a ConcurrentHashMap would do depends on what the subclass
      // does with it, which this class cannot see; the lock is right whatever it does
      reportAll(
          state,
          List.of(),
          new UsedBySubclassTask(
              state.field().subclassesUseAs(),
              List.copyOf(users),
              List.of(),
              List.copyOf(open),
              "Guard every access with one lock, the subclass's too."),
          sink);
      return;
    }
    ConcurrentHashMapAdvice.Verdict concurrent = ConcurrentHashMapAdvice.judge(analysis, state);
    if (state.field().isStatic() && analysis.policy().staticCachesShared()) {
      reportStaticCache(state, writers.iterator().next(), concurrent, sink);
      return;
    }
    ProjectCondition condition =
        onePerProgram
            ? new WrittenByTaskElsewhere(List.copyOf(writers), List.copyOf(users), List.copyOf(open), fix(concurrent))
            : EitherCondition.of(
                new WrittenThroughSharedFieldByTask(List.copyOf(writers), List.copyOf(users), fix(concurrent)),
                subclassesUse
                    ? new UsedBySubclassTask(
                        state.field().subclassesUseAs(),
                        List.copyOf(users),
                        List.copyOf(writers),
                        List.copyOf(open),
                        fix(concurrent))
                    : null);
    // an instance map counts as one per program only for a reason the message must give
    String why = state.field().isStatic() || !onePerProgram ? "" : " " + oneInstance(analysis.facts()) + ", and";
    reportAll(state, concurrentHashMapFix(concurrent), condition, why, sink);
  }

  /** {@code Registry keeps its one instance in the static field 'registry'}, for a singleton's map. */
  private static String oneInstance(ClassFacts facts) {
    String className = facts.className().substring(facts.className().lastIndexOf('.') + 1);
    List<String> fields = facts.singletonFields();
    return className
        + " keeps its one instance in the static field"
        + (fields.size() == 1 ? " '" + fields.get(0) + "'" : "s '" + String.join("', '", fields) + "'");
  }

  /**
   * Every race-relevant access of the map, on {@code condition}: one race, reported once ({@link
   * FindingSink#reportAccess}).
   */
  private void reportAll(FieldState state, List<FixHint> fixes, ProjectCondition condition, FindingSink sink) {
    reportAll(state, fixes, condition, "", sink);
  }

  /** {@link #reportAll}, the message saying {@code why} after "it is shared:". */
  private void reportAll(
      FieldState state, List<FixHint> fixes, ProjectCondition condition, String why, FindingSink sink) {
    for (ResolvedAccess access : state.raceRelevant()) {
      sink.reportAccess(
          rule(),
          access.access(),
          "unguarded",
          "'" + state.field().name() + "' is " + access.verb() + " here without a lock, but it is shared:" + why,
          fixes,
          List.of(),
          condition);
    }
  }

  /**
   * The same static map under the option {@code staticCachesShared}: a writer any thread may call is
   * evidence enough, one finding per race as for any shared map.
   */
  private void reportStaticCache(
      FieldState state, ProjectMethod writer, ConcurrentHashMapAdvice.Verdict concurrent, FindingSink sink) {
    for (ResolvedAccess access : state.raceRelevant()) {
      String message =
          "'"
              + state.field().name()
              + "' is "
              + access.verb()
              + " here without a lock, but it is shared: it is a static map that "
              + writer.display()
              + "() writes on the thread of whoever calls it, and static caches count as shared"
              + " (option staticCachesShared). "
              + fix(concurrent);
      sink.reportAccess(
          rule(), access.access(), "unguarded", message, concurrentHashMapFix(concurrent), List.of(), null);
    }
  }

  /**
   * A non-thread-safe map local to a method, declared before a callback that runs as several copies
   * at once (a parallel stream's {@code forEach}/{@code map}…, a task started in a loop) and written
   * by it with no lock: the copies change one map together. One finding per map, at its first such
   * write. A lock the callback takes on a local (the map itself, an {@code Object lock}) counts:
   * declared before the callback, it is one object for every copy of one run of the method.
   */
  private void reportLocalMapsOfConcurrentCallbacks(ClassAnalysis analysis, FindingSink sink) {
    Set<MapField> reported = new LinkedHashSet<>();
    for (Access access : analysis.facts().localAccesses()) {
      MapField map = access.field();
      CodeUnit unit = access.unit();
      ThreadRoot task = unit.kind() == CodeUnit.Kind.TASK ? unit.task() : null;
      if (task == null
          || !task.repeated()
          || access.effect() != Effect.WRITE
          || reported.contains(map)
          || map.declaration() == null
          || map.declaration().line() >= task.line()
          || MapTypes.kindOfField(map.declaredType(), map.assignedValues()) != MapKind.NON_THREAD_SAFE
          || locked(access)) {
        continue;
      }
      reported.add(map);
      String message =
          "'"
              + map.name()
              + "' is a map local to the method, "
              + access.verb()
              + " here by "
              + task.describe()
              + ", which runs as several copies at once: they change it together, with no lock."
              + " Let the stream collect the results (Collectors.toMap, Collectors.groupingBy), or"
              + " make '"
              + map.name()
              + "' a ConcurrentHashMap and update it with merge or compute.";
      // two locals of one name in different methods are two races
      String race = "local declared at " + map.declaration().line() + ":" + map.declaration().column();
      sink.reportAccess(rule(), access, race, message, List.of(), List.of(), null);
    }
  }

  /**
   * A non-thread-safe map local to a method, declared before a task the method starts once, used by
   * the task and by the method itself after the start while the task may still run: before the
   * method waits for it ({@code future.get()}, {@code thread.join()}), or with no such wait. One of
   * the two writes it. (A task started in a loop or a parallel stream is the copies' race, above.)
   * The start orders what the method did before it; the wait, what it does after. One finding per
   * map, at the task's first write (else the method's).
   */
  private void reportLocalMapsUsedWhileTheirTaskRuns(ClassAnalysis analysis, FindingSink sink) {
    Map<MapField, List<Access>> byMap = new LinkedHashMap<>();
    for (Access access : analysis.facts().localAccesses()) {
      MapField map = access.field();
      if (map.declaration() != null
          && MapTypes.kindOfField(map.declaredType(), map.assignedValues()) == MapKind.NON_THREAD_SAFE
          && access.effect().touchesContents()) {
        byMap.computeIfAbsent(map, k -> new ArrayList<>()).add(access);
      }
    }
    byMap.forEach(
        (map, accesses) -> {
          for (Access inTask : accesses) {
            // the task's own body, or a callback it runs inline (words.forEach(w -> m.put(..)))
            ThreadRoot task =
                analysis.contexts().roots(inTask.unit()).stream()
                    .filter(ThreadRoot::isTask)
                    .findFirst()
                    .orElse(null);
            if (task == null || task.repeated() || map.declaration().line() >= task.line() || locked(inTask)) {
              continue;
            }
            Access meanwhile = null;
            for (Access other : accesses) {
              if (other.unit().id() == task.startUnit()
                  && other.order() > task.startOrder()
                  && (task.awaitOrder() < 0 || other.order() < task.awaitOrder())
                  && !locked(other)
                  && (inTask.effect() == Effect.WRITE || other.effect() == Effect.WRITE)) {
                meanwhile = other;
                break;
              }
            }
            if (meanwhile == null) {
              continue;
            }
            boolean taskWrites = inTask.effect() == Effect.WRITE;
            String waits =
                task.awaitOrder() < 0 ? ", and it does not wait for the task" : " before it waits for the task";
            String message =
                taskWrites
                    ? "'" + map.name() + "' is a map local to the method, " + inTask.verb() + " here by "
                        + task.describe() + ", while the method goes on using it at line "
                        + meanwhile.site().line() + waits
                    : "'" + map.name() + "' is a map local to the method, " + meanwhile.verb()
                        + " here while " + task.describe() + " reads it (line " + inTask.site().line()
                        + ")" + waits;
            message +=
                ": the two use it at once, with no lock. Let the task build its own map and return it"
                    + " (Future.get hands it over), or use the map only after waiting for the task.";
            String race = "local declared at " + map.declaration().line() + ":" + map.declaration().column();
            sink.reportAccess(
                rule(), taskWrites ? inTask : meanwhile, race, message, List.of(), List.of(), null);
            return;
          }
        });
  }

  /** Whether a lock other than one chosen per use is held at the access. */
  private static boolean locked(Access access) {
    return access.locksHeld().stream().anyMatch(lock -> lock.choice() != LockRef.Choice.PER_USE);
  }

  private static boolean lockedOrInATask(ResolvedAccess access) {
    return !access.locks().isEmpty() || access.roots().stream().anyMatch(ThreadRoot::isTask);
  }

  /**
   * Accesses made by copies of a task the starter waits for, holding a lock only through the waiting
   * starter (see {@link ClassAnalysis#copyRaces}); those that hold no lock at all, or miss the guard,
   * are reported by the loop above or by InconsistentMapLocking.
   */
  private void reportCopyRaces(ClassAnalysis analysis, FieldState state, FindingSink sink) {
    ConcurrentHashMapAdvice.Verdict concurrent = null;
    for (ResolvedAccess access : analysis.copyRaces(state.raceRelevant())) {
      Set<LockRef> starters = new LinkedHashSet<>(access.locks());
      starters.removeAll(access.ownLocks());
      boolean reportedElsewhere =
          state.guard().map(guard -> !access.holds(guard.lock())).orElse(!access.holdsExcludingLock());
      if (starters.isEmpty() || reportedElsewhere) {
        continue;
      }
      if (concurrent == null) {
        concurrent = ConcurrentHashMapAdvice.judge(analysis, state);
      }
      ThreadRoot task =
          access.roots().stream().filter(analysis.contexts()::awaited).findFirst().orElseThrow();
      String held = starters.iterator().next().expression();
      String message =
          "'"
              + state.field().name()
              + "' is "
              + access.verb()
              + " here by copies of "
              + task.describe()
              + " that run at once: the starter waits for them holding '"
              + held
              + "', which keeps other threads out but not the copies from each other. "
              + (concurrent.offer() ? "Use ConcurrentHashMap, or take" : "Take")
              + " a lock of the task's own around every access in it (not '"
              + held
              + "', which the waiting starter holds)"
              + (concurrent.why() == null
                  ? ""
                  : "; a ConcurrentHashMap alone would not do: " + concurrent.why())
              + ".";
      sink.reportAccess(
          rule(),
          access.access(),
          "copies of " + task.describe(),
          message,
          concurrentHashMapFix(concurrent),
          List.of(ClassAnalysis.taskStart(task)),
          null);
    }
  }

  private static List<FixHint> concurrentHashMapFix(ConcurrentHashMapAdvice.Verdict verdict) {
    return verdict.offer()
        ? List.of(new FixHint(FixHint.Kind.USE_CONCURRENT_HASH_MAP, null))
        : List.of();
  }
}

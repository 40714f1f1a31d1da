package io.mapguard.engine.rules;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.Guard;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.MapBehaviours;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.project.CalledWithoutGuard;
import io.mapguard.engine.project.ProjectCondition;
import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.FixHint;
import java.util.ArrayList;
import java.util.List;

/** An access that misses the field's declared or inferred guard. */
@RuleDefinition(
    name = "InconsistentMapLocking",
    summary =
        "An access to a map field misses the lock that guards the field's other accesses",
    brief =
        "an access that misses the field's declared or inferred guard",
    order = 2,
    since = "0.1.0")
public final class InconsistentMapLockingCheck implements RuleCheck {
  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    for (FieldState state : analysis.fields()) {
      if (!state.kind().needsExternalLock() || state.guard().isEmpty()) {
        continue;
      }
      Guard guard = state.guard().get();
      if (!guard.declared() && !state.shared()) {
        continue;
      }
      Boolean concurrent = null;
      for (ResolvedAccess access : state.raceRelevant()) {
        if (MapWriteUnderReadLockCheck.writesUnderReadLock(access)
            || staleCountOnly(state, access)) {
          continue;
        }
        ProjectCondition callersElsewhere = null;
        if (access.holds(guard.lock())) {
          callersElsewhere = heldOnlyByCallers(analysis, access, guard);
          if (callersElsewhere == null) {
            continue;
          }
        }
        if (concurrent == null) {
          concurrent = ConcurrentHashMapAdvice.judge(analysis, state).offer();
        }
        String threads = analysis.threadEvidence(state, access);
        String message =
            "'"
                + state.field().name()
                + "' is "
                + access.verb()
                + " without '"
                + guard.display()
                + "' here"
                + helperPath(analysis.callsWithout(access.access().unit(), guard.lock(), access.effect()))
                + "; "
                + guard.evidence()
                + (threads == null ? "" : " and " + threads)
                + ". Hold '"
                + guard.display()
                + "'"
                + (guard.lock().kind() == LockRef.Kind.MONITOR ? " (synchronized)" : "")
                + (concurrent ? " or use ConcurrentHashMap" : "")
                + ".";
        List<Evidence> evidence = new ArrayList<>();
        Evidence guarded = guardPlace(state, guard);
        if (guarded != null) {
          evidence.add(guarded);
        }
        Evidence thread = threads == null ? null : analysis.threadEvidencePlace(state, access);
        if (thread != null) {
          evidence.add(thread);
        }
        sink.reportAccess(
            rule(),
            access.access(),
            "without " + guard.display(),
            message,
            fixes(analysis, state, guard, access),
            evidence,
            callersElsewhere != null ? callersElsewhere : reachedWithout(analysis, access, guard.lock()));
      }
    }
  }

  /**
   * An unlocked {@code isEmpty()} or {@code size()} whose result an {@code if} tests, on a map whose
   * size is one field: a fast path before the locked work ({@code if (m.isEmpty()) return;}) that
   * can only act on a stale count, as it would had the other thread come a moment later. A count
   * returned or kept is still reported: callers may wait on it in a loop that never sees a new one.
   * Not reported against a declared {@code @GuardedBy} either: the fix that annotates an inferred
   * guard must not turn such tests into findings.
   */
  private static boolean staleCountOnly(FieldState state, ResolvedAccess access) {
    Access a = access.access();
    return a.effect() == Effect.READ
        && ("size".equals(a.method()) || "isEmpty".equals(a.method()))
        && a.call() != null
        && a.call().test() != null
        && MapBehaviours.has(
            MapBehaviours.Behaviour.SIZE_IS_ONE_FIELD, state.field().declaredType(), state.field().assignedValues());
  }

  /**
   * For an access of the top-level class that holds the guard only because the class's own calls of
   * its method all hold it (the method's lock summary), when other classes may call the method too: the
   * condition that some call of the project reaches it without the guard, which then makes it a
   * finding; else null (the access is guarded).
   */
  private static ProjectCondition heldOnlyByCallers(ClassAnalysis analysis, ResolvedAccess access, Guard guard) {
    if (access.access().unit().nestedClass() != null) {
      // a nested class's 'this' and its outer class's are one name in the class's lock summaries:
      // the summary may say 'this' where the caller held the outer object (javac's Provider.Service)
      return null;
    }
    return access.heldInItsOwnCode(guard.lock()) ? null : reachedWithout(analysis, access, guard.lock());
  }

  /**
   * For an access in a method whose calls are all in the project, made without a lock that callers
   * can hold ({@code this}, {@code Foo.class}): the condition that some call reaches it without the
   * lock (see {@link CalledWithoutGuard}); else null, and the class alone decides.
   */
  static ProjectCondition reachedWithout(ClassAnalysis analysis, ResolvedAccess access, LockRef lock) {
    if (lock.kind() != LockRef.Kind.MONITOR
        || !access.access().unit().entryLocks().isEmpty()
        || !lock.expression().equals("this") && !lock.expression().endsWith(".class")) {
      return null;
    }
    ProjectMethod method = analysis.facts().projectMethod(access.access().unit());
    if (method == null) {
      return null;
    }
    if (lock.expression().equals("this")) {
      return new CalledWithoutGuard(method, null, lock.expression());
    }
    String type = lock.expression().substring(0, lock.expression().length() - ".class".length());
    return new CalledWithoutGuard(method, type.substring(type.lastIndexOf('.') + 1), lock.expression());
  }

  /**
   * Where {@code guard} shows: a line where an inferred guard is held ("'lock' is held here"), or
   * the field's {@code @GuardedBy} declaration; null for a declared guard whose declaration has no
   * position.
   */
  static Evidence guardPlace(FieldState state, Guard guard) {
    if (!guard.declared()) {
      return new Evidence(
          guard.exampleLine(),
          0,
          "'" + guard.display() + "' is held here" + (guard.exampleHow() == null ? "" : ", " + guard.exampleHow()));
    }
    if (state.field().declaration() != null) {
      return new Evidence(
          state.field().declaration().line(),
          state.field().declaration().column(),
          "declared @GuardedBy(\"" + guard.display() + "\")");
    }
    return null;
  }

  /** The {@code @GuardedBy} flavor another map field of the class is annotated with, or null. */
  private static String guardedByFlavor(ClassAnalysis analysis) {
    for (MapField field : analysis.facts().fields()) {
      if (field.guardAnnotation() != null
          && ConcurrencyAnnotations.GUARDED_BY.contains(field.guardAnnotation())) {
        return field.guardAnnotation();
      }
    }
    return null;
  }

  /**
   * For an access in a private helper: the call path that reaches it without the guard, e.g. ", in
   * store(String), which reset() calls without it at line 30"; lambdas run inline are part of the
   * method around them. Empty when the access is not in a helper.
   */
  static String helperPath(List<CallEdge> calls) {
    List<CallEdge> named = new ArrayList<>();
    for (CallEdge call : calls) {
      if (!call.callee().functional()) {
        named.add(call);
      }
    }
    if (named.isEmpty()) {
      return "";
    }
    CodeUnit entry = calls.get(0).caller();
    String who = entry.kind() == CodeUnit.Kind.TASK ? entry.task().describe() : entry.name();
    String helper = named.get(named.size() - 1).callee().name();
    if (named.size() == 1
        && entry.kind() == CodeUnit.Kind.TASK
        && named.get(0).caller().equals(entry)
        && named.get(0).line() == entry.task().line()) {
      return ", in " + helper + ", which " + who + " runs without it"; // a method reference task
    }
    if (named.size() == 1) {
      return ", in " + helper + ", which " + who + " calls without it at line " + named.get(0).line();
    }
    StringBuilder path = new StringBuilder(", in " + helper + ", reached without it when " + who);
    for (int i = 0; i < named.size(); i++) {
      path.append(i == 0 ? " calls " : ", which calls ")
          .append(named.get(i).callee().name())
          .append(" at line ")
          .append(named.get(i).line());
    }
    return path.toString();
  }

  private static List<FixHint> fixes(
      ClassAnalysis analysis, FieldState state, Guard guard, ResolvedAccess access) {
    List<FixHint> fixes = new ArrayList<>();
    // 'this' is the top-level class's object: in a nested class's method it would lock another one
    boolean anotherThis =
        guard.lock().expression().equals("this") && access.access().unit().nestedClass() != null;
    if (guard.lock().kind() == LockRef.Kind.MONITOR && !anotherThis) {
      lockFix(state, guard, access).ifPresent(fixes::add);
    }
    if (!guard.declared()) {
      fixes.add(new FixHint(FixHint.Kind.ADD_GUARDED_BY, guard.display(), guardedByFlavor(analysis)));
    }
    return fixes;
  }

  /**
   * Wrapping the statement in {@code synchronized} of its own, unless the method used the map under
   * the guard earlier: then the write most likely belongs to that block (a copy then a clear, a
   * read then a put), and a block of its own would let other threads change the map in between
   * (entries added after the copy would be cleared unseen). The fix then extends that block, when
   * no unguarded use of the map lies between the two; else no lock fix is offered. With no such
   * block before it, a guarded use of the map later in the method is the block to extend ({@link
   * #nextLockedBlock}).
   */
  private static java.util.Optional<FixHint> lockFix(
      FieldState state, Guard guard, ResolvedAccess access) {
    if (access.effect() != Effect.WRITE) {
      return java.util.Optional.of(new FixHint(FixHint.Kind.WRAP_SYNCHRONIZED, guard.display()));
    }
    Access write = access.access();
    Access lastLocked = null;
    for (ResolvedAccess other : state.afterConstruction()) {
      Access a = other.access();
      if (a.unit().equals(write.unit())
          && a.order() < write.order()
          && a.locksHeld().stream().anyMatch(l -> l.sameLock(guard.lock()))
          && (lastLocked == null || a.order() > lastLocked.order())) {
        lastLocked = a;
      }
    }
    if (lastLocked == null) {
      return java.util.Optional.of(nextLockedBlock(state, guard, write));
    }
    for (ResolvedAccess other : state.afterConstruction()) {
      Access a = other.access();
      if (a.unit().equals(write.unit()) && a.order() > lastLocked.order() && a.order() < write.order()) {
        return java.util.Optional.empty(); // used unguarded in between: no safe place for the write
      }
    }
    return java.util.Optional.of(
        new FixHint(
            FixHint.Kind.EXTEND_SYNCHRONIZED,
            guard.display(),
            String.valueOf(lastLocked.site().line())));
  }

  /**
   * For a write with no guarded use of the map before it in its method: the block of the next
   * use of the map in the method, when that use holds the guard (a clear before the block that
   * refills the map belongs in it: in a block of its own, other threads would see the map empty
   * in between); else a block of its own.
   */
  private static FixHint nextLockedBlock(FieldState state, Guard guard, Access write) {
    Access next = null;
    for (ResolvedAccess other : state.afterConstruction()) {
      Access a = other.access();
      if (a.unit().equals(write.unit()) && a.order() > write.order() && (next == null || a.order() < next.order())) {
        next = a;
      }
    }
    if (next == null || next.locksHeld().stream().noneMatch(l -> l.sameLock(guard.lock()))) {
      return new FixHint(FixHint.Kind.WRAP_SYNCHRONIZED, guard.display());
    }
    return new FixHint(FixHint.Kind.EXTEND_SYNCHRONIZED, guard.display(), String.valueOf(next.site().line()));
  }
}

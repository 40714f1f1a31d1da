package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.Guard;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.model.LockRef;
import java.util.ArrayList;
import java.util.List;

/** An access that misses the field's declared or inferred guard. */
public final class InconsistentMapLockingCheck implements RuleCheck {
  @Override
  public Rule rule() {
    return Rule.INCONSISTENT_MAP_LOCKING;
  }

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
      for (ResolvedAccess access : state.raceRelevant()) {
        if (access.holds(guard.lock()) || MapWriteUnderReadLockCheck.writesUnderReadLock(access)) {
          continue;
        }
        String threads = analysis.threadEvidence(state, access);
        String message =
            "'"
                + state.field().name()
                + "' is "
                + access.effect().verb()
                + " without '"
                + guard.display()
                + "' here; "
                + guard.evidence()
                + (threads == null ? "" : " and " + threads)
                + ". Hold '"
                + guard.display()
                + "'"
                + (guard.lock().kind() == LockRef.Kind.MONITOR ? " (synchronized)" : "")
                + " or use ConcurrentHashMap.";
        List<Evidence> evidence = new ArrayList<>();
        if (!guard.declared()) {
          evidence.add(
              new Evidence(guard.exampleLine(), 0, "'" + guard.display() + "' is held here"));
        } else if (state.field().declaration() != null) {
          evidence.add(
              new Evidence(
                  state.field().declaration().line(),
                  state.field().declaration().column(),
                  "declared @GuardedBy(\"" + guard.display() + "\")"));
        }
        Evidence thread = threads == null ? null : analysis.threadEvidencePlace(state, access);
        if (thread != null) {
          evidence.add(thread);
        }
        sink.report(
            rule(), state.field(), access.access().site(), message, fixes(guard), evidence);
      }
    }
  }

  private static List<FixHint> fixes(Guard guard) {
    List<FixHint> fixes = new ArrayList<>();
    if (guard.lock().kind() == LockRef.Kind.MONITOR) {
      fixes.add(new FixHint(FixHint.Kind.WRAP_SYNCHRONIZED, guard.display()));
    }
    if (!guard.declared()) {
      fixes.add(new FixHint(FixHint.Kind.ADD_GUARDED_BY, guard.display()));
    }
    return fixes;
  }
}

package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
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
    for (FieldState state : analysis.fields()) {
      if (state.kind() != MapKind.NON_THREAD_SAFE || !state.shared() || state.guard().isPresent()) {
        continue;
      }
      ConcurrentHashMapAdvice.Verdict concurrent = null;
      for (ResolvedAccess access : state.raceRelevant()) {
        if (!access.locks().isEmpty()) {
          continue;
        }
        if (concurrent == null) {
          concurrent = ConcurrentHashMapAdvice.judge(analysis, state);
        }
        List<FixHint> fixes =
            concurrent.offer()
                ? List.of(new FixHint(FixHint.Kind.USE_CONCURRENT_HASH_MAP, null))
                : List.of();
        String evidence = analysis.threadEvidence(state, access);
        Evidence place = analysis.threadEvidencePlace(state, access);
        if (evidence == null) {
          evidence = Objects.requireNonNullElse(analysis.lockEvidence(state), "other threads use it");
          place = analysis.lockEvidencePlace(state);
        }
        String message =
            "'"
                + state.field().name()
                + "' is "
                + access.effect().verb()
                + " here without a lock, but it is shared: "
                + evidence
                + ". Guard every access with one lock"
                + (concurrent.offer() ? " or use ConcurrentHashMap" : "")
                + (concurrent.why() == null
                    ? ""
                    : " (a ConcurrentHashMap alone would not do: " + concurrent.why() + ")")
                + ".";
        sink.report(
            rule(),
            state.field(),
            access.access().site(),
            message,
            fixes,
            place == null ? List.of() : List.of(place));
      }
    }
  }
}

package io.mapguard.engine;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.rules.ConcurrentMapCheckThenActCheck;
import io.mapguard.engine.rules.ConcurrentMapNullValueCheck;
import io.mapguard.engine.rules.FindingSink;
import io.mapguard.engine.rules.GuardedMapEscapeCheck;
import io.mapguard.engine.rules.InconsistentMapLockingCheck;
import io.mapguard.engine.rules.MapCapacityHintCheck;
import io.mapguard.engine.rules.MapModifiedDuringIterationCheck;
import io.mapguard.engine.rules.MapWriteUnderReadLockCheck;
import io.mapguard.engine.rules.MutableValueInConcurrentMapCheck;
import io.mapguard.engine.rules.RecursiveMapUpdateCheck;
import io.mapguard.engine.rules.RuleCheck;
import io.mapguard.engine.rules.SynchronizedMapBypassCheck;
import io.mapguard.engine.rules.SynchronizedMapIterationCheck;
import io.mapguard.engine.rules.UnsafeMapPublicationCheck;
import io.mapguard.engine.rules.UnsynchronizedSharedMapCheck;
import java.util.List;

/** Entry point of the engine: facts of one class in, findings out. */
public final class Analyzer {
  /** Every rule, registered once. */
  public static final List<RuleCheck> CHECKS =
      List.of(
          new UnsynchronizedSharedMapCheck(),
          new InconsistentMapLockingCheck(),
          new MapWriteUnderReadLockCheck(),
          new GuardedMapEscapeCheck(),
          new UnsafeMapPublicationCheck(),
          new ConcurrentMapCheckThenActCheck(),
          new MutableValueInConcurrentMapCheck(),
          new ConcurrentMapNullValueCheck(),
          new SynchronizedMapIterationCheck(),
          new SynchronizedMapBypassCheck(),
          new MapModifiedDuringIterationCheck(),
          new RecursiveMapUpdateCheck(),
          new MapCapacityHintCheck());

  private final AnalysisOptions options;

  public Analyzer(AnalysisOptions options) {
    this.options = options;
  }

  public List<Finding> analyze(ClassFacts facts) {
    FindingSink sink = new FindingSink(facts.file(), facts.className());
    if (facts.fields().isEmpty() && facts.creations().isEmpty() && facts.localAccesses().isEmpty()) {
      return sink.findings();
    }
    ClassAnalysis analysis = ClassAnalysis.of(facts);
    for (RuleCheck check : CHECKS) {
      if (options.isEnabled(check.rule())) {
        check.check(analysis, sink);
      }
    }
    return sink.findings();
  }
}

package io.mapguard.engine;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.engine.project.ProjectCondition;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.rules.FindingSink;
import io.mapguard.engine.rules.RuleCheck;
import io.mapguard.engine.rules.Rules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Entry point of the engine: facts of one class in, findings out. */
public final class Analyzer {
  private final AnalysisOptions options;

  public Analyzer(AnalysisOptions options) {
    this.options = options;
  }

  public List<Finding> analyze(ClassFacts facts) {
    FindingSink sink = new FindingSink(facts.file(), facts.className(), !options.everyAccess());
    if (facts.fields().isEmpty() && facts.creations().isEmpty() && facts.localAccesses().isEmpty()) {
      return sink.findings();
    }
    ClassAnalysis analysis = ClassAnalysis.of(facts, options.sharingPolicy());
    for (RuleCheck check : Rules.checks()) {
      if (options.isEnabled(check.rule())) {
        check.check(analysis, sink);
      }
    }
    return sink.findings();
  }

  /**
   * The findings that stand once the rest of the project is seen: those without a {@link
   * Finding#condition}, and those whose condition the project's calls uphold (their message then
   * names the place in another class that makes them stand).
   */
  public static List<Finding> decide(List<Finding> findings, ProjectCalls calls) {
    return decision(findings, calls).standing();
  }

  /** {@link #decide}, keeping the findings whose condition did not hold too. */
  public static Decision<Finding> decision(List<Finding> findings, ProjectCalls calls) {
    return decision(findings, Finding::condition, Finding::standing, calls);
  }

  /**
   * {@link #decide} for a front end's own form of findings: {@code condition} reads an item's, and
   * {@code standing} makes the item that stands with the reason its condition gives.
   */
  public static <T> List<T> decide(
      List<T> findings,
      Function<T, ProjectCondition> condition,
      BiFunction<T, String, T> standing,
      ProjectCalls calls) {
    return decision(findings, condition, standing, calls).standing();
  }

  /**
   * The findings of a class once decided: those that stand, and those whose condition the calls
   * seen did not uphold, which the class's summary keeps for a compilation that sees more ({@link
   * io.mapguard.engine.project.PendingFinding}).
   */
  public record Decision<T>(List<T> standing, List<T> notStanding) {}

  /** {@link #decide} for a front end's own form of findings, keeping those that do not stand. */
  public static <T> Decision<T> decision(
      List<T> findings,
      Function<T, ProjectCondition> condition,
      BiFunction<T, String, T> standing,
      ProjectCalls calls) {
    List<T> stand = new ArrayList<>(findings.size());
    List<T> notStanding = new ArrayList<>();
    // the accesses of one field share their condition (one walk up the callers for all of them)
    Map<ProjectCondition, Optional<String>> settled = new HashMap<>();
    for (T finding : findings) {
      ProjectCondition unless = condition.apply(finding);
      if (unless == null) {
        stand.add(finding);
        continue;
      }
      String reason =
          settled.computeIfAbsent(unless, c -> Optional.ofNullable(c.standing(calls))).orElse(null);
      if (reason != null) {
        stand.add(standing.apply(finding, reason));
      } else {
        notStanding.add(finding);
      }
    }
    return new Decision<>(stand, notStanding);
  }
}

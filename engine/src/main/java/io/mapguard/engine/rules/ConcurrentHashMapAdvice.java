package io.mapguard.engine.rules;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.analysis.FieldState;
import io.mapguard.engine.analysis.ResolvedAccess;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.Rule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether "create it as a ConcurrentHashMap" is right for a shared map field: only when every use
 * keeps its meaning, which the engine checks by analysing the class as if the field were one. The
 * advice must never lead to code mapguard reports again (a check-then-act or a read-modify-write
 * that stays racy, a null the map rejects, a mutable value still changed outside the map's lock),
 * and must not lose what the field's type promised (order, identity, weak keys).
 */
final class ConcurrentHashMapAdvice {
  /**
   * The rules that judge how a ConcurrentMap is used, in the order they are asked (the first that
   * would report the changed code gives the reason): the fixed code must give them nothing new.
   * Each comes with why a ConcurrentHashMap alone would not do when it would.
   */
  private static final List<Judge> CONCURRENT_MAP_RULES =
      List.of(
          new Judge(
              Rules.CONCURRENT_MAP_CHECK_THEN_ACT,
              "the two-step update at line %d would still race; on a ConcurrentHashMap use"
                  + " compute, merge or computeIfAbsent"),
          new Judge(
              Rules.CONCURRENT_MAP_NULL_VALUE,
              "it throws NullPointerException on the null passed at line %d"),
          new Judge(
              Rules.MUTABLE_VALUE_IN_CONCURRENT_MAP, "the value changed at line %d would still race"),
          new Judge(
              Rules.MAP_WRITE_UNDER_READ_LOCK,
              "the update at line %d under a read lock would still race"),
          new Judge(
              Rules.RECURSIVE_MAP_UPDATE,
              "it throws IllegalStateException when the function at line %d changes the map"));

  /** A rule asked about the changed code, and what its finding means for the advice. */
  private record Judge(Rule rule, String stillReported) {
    String stillReported(int line) {
      return String.format(stillReported, line);
    }
  }

  /** A read that decides a later write of the same method: the pair stays racy on any map. */
  private static final Set<String> DECIDING_READS = Set.of("get", "getOrDefault", "containsKey");

  private static final Set<String> DECIDED_WRITES = Set.of("put", "remove");

  /** The declared types a ConcurrentHashMap can be assigned to without changing the API used. */
  private static final Set<String> DECLARED_TYPES_IT_FITS =
      Set.of("java.util.Map", "java.util.AbstractMap", "java.util.HashMap");

  private static final String CONCURRENT_HASH_MAP = "java.util.concurrent.ConcurrentHashMap";

  /**
   * @param offer whether to offer it
   * @param why when not offered because a use would change meaning: why, for the message ("it
   *     throws NullPointerException on the null passed at line 12"); null when not offered because
   *     the field is not a plain HashMap (nothing to explain: the lock is the fix)
   */
  record Verdict(boolean offer, String why) {
    static final Verdict OFFER = new Verdict(true, null);
    static final Verdict NOT_A_HASH_MAP = new Verdict(false, null);
  }

  private ConcurrentHashMapAdvice() {}

  static Verdict judge(ClassAnalysis analysis, FieldState state) {
    MapField field = state.field();
    if (!field.assignedValues().equals(List.of("new:java.util.HashMap"))) {
      return Verdict.NOT_A_HASH_MAP; // order (LinkedHashMap, TreeMap), identity, weak keys…
    }
    if (!DECLARED_TYPES_IT_FITS.contains(field.declaredType().get(0))) {
      return Verdict.NOT_A_HASH_MAP;
    }
    Map<CodeUnit, ResolvedAccess> reads = new HashMap<>();
    for (ResolvedAccess resolved : state.afterConstruction()) {
      Access access = resolved.access();
      if (access.nullArgument() && access.effect() != Effect.ASSIGN) {
        return new Verdict(false, judge(Rules.CONCURRENT_MAP_NULL_VALUE).stillReported(resolved.line()));
      }
      if (access.effect() == Effect.ITERATE) {
        return Verdict.NOT_A_HASH_MAP; // its iterators are weakly consistent, not a snapshot
      }
    }
    String stillReported = stillReported(analysis, field);
    if (stillReported != null) {
      return new Verdict(false, stillReported);
    }
    // Backstop for the pairs the check-then-act rule does not model: a read and a write of the
    // field in one method are assumed to belong together.
    for (ResolvedAccess resolved : state.afterConstruction()) {
      Access access = resolved.access();
      if (access.method() != null && DECIDING_READS.contains(access.method())) {
        reads.putIfAbsent(access.unit(), resolved);
      }
    }
    for (ResolvedAccess resolved : state.afterConstruction()) {
      Access access = resolved.access();
      ResolvedAccess read = reads.get(access.unit());
      if (read != null && access.method() != null && DECIDED_WRITES.contains(access.method())) {
        return new Verdict(
            false,
            "the "
                + read.access().method()
                + " at line "
                + read.line()
                + " and the "
                + access.method()
                + " at line "
                + resolved.line()
                + " would still be two steps; on a ConcurrentHashMap use compute, merge or"
                + " computeIfAbsent");
      }
    }
    return Verdict.OFFER;
  }

  /**
   * What the rules on ConcurrentMaps would report about {@code field} were it created as a
   * ConcurrentHashMap, and do not report now; null when nothing.
   */
  private static String stillReported(ClassAnalysis analysis, MapField field) {
    MapField asConcurrent =
        new MapField(
            field.name(),
            field.declaredType().get(0).equals("java.util.HashMap")
                ? List.of(
                    CONCURRENT_HASH_MAP,
                    "java.util.concurrent.ConcurrentMap",
                    "java.util.AbstractMap",
                    "java.util.Map")
                : field.declaredType(),
            List.of("new:" + CONCURRENT_HASH_MAP),
            field.isStatic(),
            field.isFinal(),
            field.isVolatile(),
            field.atomicReference(),
            field.declaredGuard(),
            field.guardAnnotation(),
            field.threadConfined(),
            field.declaration(),
            field.local(),
            field.valueType(),
            field.subclassesUseAs());
    ClassAnalysis changed = ClassAnalysis.of(analysis.facts().withMapReplaced(field, asConcurrent), analysis.policy());
    Set<String> now = new HashSet<>();
    for (Finding finding : run(analysis, field)) {
      now.add(finding.rule() + ":" + finding.site().line());
    }
    for (Finding finding : run(changed, asConcurrent)) {
      if (!now.contains(finding.rule() + ":" + finding.site().line())) {
        return judge(finding.rule()).stillReported(finding.site().line());
      }
    }
    return null;
  }

  private static Judge judge(Rule rule) {
    return CONCURRENT_MAP_RULES.stream().filter(j -> j.rule().equals(rule)).findFirst().orElseThrow();
  }

  private static List<Finding> run(ClassAnalysis analysis, MapField field) {
    FindingSink sink = new FindingSink(analysis.facts().file(), analysis.facts().className());
    for (Judge judge : CONCURRENT_MAP_RULES) {
      Rules.checkOf(judge.rule()).check(analysis, sink);
    }
    // what the class alone shows: a finding that needs a caller elsewhere to pass null does not count
    return sink.findings().stream()
        .filter(f -> field.equals(f.field()))
        .filter(f -> f.condition() == null || f.condition().standing(ProjectCalls.UNKNOWN) != null)
        .toList();
  }
}

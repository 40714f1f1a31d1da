package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.knowledge.MapBehaviours;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import java.util.List;
import java.util.Set;

/**
 * A structural change to a map (put of a new key, remove, clear, …) inside a loop over that same map,
 * not made through the loop's iterator: the map's fail-fast iterator throws
 * ConcurrentModificationException at its next step. Needs no threads; fields and locals alike.
 */
@RuleDefinition(
    name = "MapModifiedDuringIteration",
    summary =
        "A map is structurally modified (put of a new key, remove, clear) inside a loop over "
            + "that map, not through the iterator: the next step throws "
            + "ConcurrentModificationException",
    brief =
        "a put of a new key, remove or clear on a fail-fast map (field or local) inside a "
            + "for-each or `forEach` over that map, not through the iterator",
    order = 11,
    since = "0.1.0")
public final class MapModifiedDuringIterationCheck implements RuleCheck {
  /** Writes that never add or remove a mapping. */
  private static final Set<String> NEVER_STRUCTURAL = Set.of("replace", "replaceAll");

  /** Writes that only replace a value when their key is already mapped, as the current key is. */
  private static final Set<String> VALUE_ONLY_FOR_PRESENT_KEY =
      Set.of("put", "merge", "compute", "computeIfPresent", "computeIfAbsent", "putIfAbsent");

  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    for (Access access : analysis.facts().fieldAndLocalAccesses()) {
      MapCall call = access.call();
      MapCall.Loop loop = call.loop();
      MapField map = access.field();
      if (access.effect() != Effect.WRITE
          || loop == null
          || call.exitsAfter()
          || access.method() == null
          || NEVER_STRUCTURAL.contains(access.method())
          || VALUE_ONLY_FOR_PRESENT_KEY.contains(access.method())
              && call.key() != null
              && loop.currentKeys().contains(call.key())
          || !MapBehaviours.has(
              MapBehaviours.Behaviour.FAIL_FAST_ITERATORS, map.declaredType(), map.assignedValues())) {
        continue;
      }
      sink.report(
          rule(), map, access.site(), message(map, access, " while " + describe(loop)), List.of(),
          List.of(loopStart(map, loop)));
    }
    reportThroughCalls(analysis, sink);
  }

  /**
   * A method of the class called from the loop's body (directly or through further calls) removes
   * from the map. Only writes that always change the structure count: a put there may be of the
   * loop's current key, which the method knows under another name.
   */
  private void reportThroughCalls(ClassAnalysis analysis, FindingSink sink) {
    for (CallEdge edge : analysis.facts().calls()) {
      MapField map = edge.loopedMap();
      if (map == null
          || !MapBehaviours.has(
              MapBehaviours.Behaviour.FAIL_FAST_ITERATORS, map.declaredType(), map.assignedValues())) {
        continue;
      }
      for (Access write :
          analysis.accessesRunWithin(edge.callee(), map, MapModifiedDuringIterationCheck::isRemoval)) {
        String where =
            " in "
                + write.unit().name()
                + " while "
                + describe(edge.loop())
                + " (the loop's body calls it at line "
                + edge.line()
                + ")";
        sink.report(
            rule(), map, write.site(), message(map, write, where), List.of(),
            List.of(
                loopStart(map, edge.loop()),
                new Evidence(edge.line(), 0, "the loop's body calls " + write.unit().name() + " here")));
      }
    }
  }

  private static boolean isRemoval(Access access) {
    String method = access.method();
    return access.effect() == Effect.WRITE
        && method != null
        && (method.equals("remove") && access.call().arguments() == 1
            || method.equals("clear")
            || method.contains("()."));
  }

  /** The loop the message cites. */
  private static Evidence loopStart(MapField map, MapCall.Loop loop) {
    return new Evidence(loop.line(), 0, "the loop over '" + map.name() + "' starts here");
  }

  private static String describe(MapCall.Loop loop) {
    return switch (loop.kind()) {
      case "forEach" -> "its forEach (line " + loop.line() + ") is running";
      case "iterator" -> "a loop over its iterator (line " + loop.line() + ") is running";
      default -> "a for-each loop over it (line " + loop.line() + ") is running";
    };
  }

  /** {@code where}: " while a for-each loop over it (line 9) is running", or more. */
  private static String message(MapField map, Access access, String where) {
    return "'"
        + map.name()
        + "' is modified by "
        + access.method()
        + " at line "
        + access.site().line()
        + where
        + ": the map's iterators fail fast, so the loop's next step throws"
        + " ConcurrentModificationException (or, after the last entry, silently ends). Remove"
        + " through the iterator (Iterator.remove), use removeIf on the view or replaceAll, or"
        + " collect the keys first and change the map after the loop.";
  }
}

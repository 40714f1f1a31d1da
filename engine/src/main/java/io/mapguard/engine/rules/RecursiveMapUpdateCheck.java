package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.knowledge.MapBehaviours;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import java.util.HashMap;
import java.util.List;

/**
 * The function of {@code computeIfAbsent}/{@code compute}/{@code computeIfPresent}/{@code merge}
 * modifies the map it is updating, itself or through a method of the class it calls. Needs no
 * threads; fields and locals alike (locals only directly).
 */
@RuleDefinition(
    name = "RecursiveMapUpdate",
    summary =
        "The function of computeIfAbsent/compute/computeIfPresent/merge modifies the same "
            + "map (ConcurrentModificationException, IllegalStateException \"Recursive "
            + "update\" or a livelock)",
    brief =
        "the lambda of `computeIfAbsent`/`compute`/`computeIfPresent`/`merge` modifies the "
            + "same map (CME on HashMap/TreeMap, \"Recursive update\" or livelock on "
            + "ConcurrentHashMap)",
    order = 12,
    since = "0.1.0")
public final class RecursiveMapUpdateCheck implements RuleCheck {
  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    for (Access access : analysis.facts().fieldAndLocalAccesses()) {
      MapCall.Update update = access.call().insideUpdate();
      if (update != null && isStructuralWrite(access)) {
        report(
            sink,
            access,
            " inside the function of its " + update.method() + " at line " + update.line(),
            update,
            List.of(updateStart(access.field(), update)));
      }
    }
    reportThroughCalls(analysis, sink);
  }

  /**
   * The function calls a method of the class (directly, or through a method reference) that
   * modifies the map, as in memoized recursion: {@code memo.computeIfAbsent(n, k -> fib(k - 1))}.
   */
  private void reportThroughCalls(ClassAnalysis analysis, FindingSink sink) {
    for (CallEdge edge : analysis.facts().calls()) {
      if (edge.update() == null) {
        continue;
      }
      for (Access write :
          analysis.accessesRunWithin(
              edge.callee(), edge.updatedMap(), RecursiveMapUpdateCheck::isStructuralWrite)) {
        report(
            sink,
            write,
            " in " + write.unit().name() + ", which the function of its " + edge.update().method()
                + " at line " + edge.update().line() + " calls (line " + edge.line() + ")",
            edge.update(),
            throughCall(write, edge));
      }
    }
  }

  private static boolean isStructuralWrite(Access access) {
    MapField map = access.field();
    return access.effect() == Effect.WRITE
        && access.method() != null
        && MapBehaviours.has(
            MapBehaviours.Behaviour.FAILS_ON_RECURSIVE_UPDATE, map.declaredType(), map.assignedValues());
  }

  /**
   * The update and the call its function makes, as the message cites them; the update is left out
   * when it is the finding's own site (memoized recursion: the write reached is that update again).
   */
  private static List<Evidence> throughCall(Access write, CallEdge edge) {
    MapCall.Update update = edge.update();
    String calls = "the function of " + update.method() + " calls " + write.unit().name() + " here";
    Evidence call = new Evidence(edge.line(), 0, calls);
    boolean itself = update.line() == write.site().line() && update.method().equals(write.method());
    return itself ? List.of(call) : List.of(updateStart(write.field(), update), call);
  }

  /** The update call the message cites. */
  private static Evidence updateStart(MapField map, MapCall.Update update) {
    return new Evidence(
        update.line(),
        0,
        "the " + update.method() + " on '" + map.name() + "' whose function modifies it");
  }

  /** {@code evidence}: the places {@code where} cites. */
  private void report(
      FindingSink sink,
      Access access,
      String where,
      MapCall.Update update,
      List<Evidence> evidence) {
    MapField map = access.field();
    String message =
        "'"
            + map.name()
            + "' is modified by "
            + access.method()
            + " at line "
            + access.site().line()
            + where
            + ": a HashMap, LinkedHashMap, TreeMap or Hashtable then throws"
            + " ConcurrentModificationException, a ConcurrentHashMap throws IllegalStateException"
            + " (\"Recursive update\") or livelocks. Compute the value first, then putIfAbsent it"
            + " (or modify the map after "
            + update.method()
            + " returns).";
    sink.report(rule(), map, access.site(), message, List.of(), evidence);
  }
}

package io.mapguard.engine.rules;

import io.mapguard.engine.Rule;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.knowledge.RecursiveUpdates;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import java.util.List;
import java.util.stream.Stream;

/**
 * The function of {@code computeIfAbsent}/{@code compute}/{@code computeIfPresent}/{@code merge}
 * modifies the map it is updating. Needs no threads; fields and locals alike.
 */
public final class RecursiveMapUpdateCheck implements RuleCheck {
  @Override
  public Rule rule() {
    return Rule.RECURSIVE_MAP_UPDATE;
  }

  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    List<Access> accesses =
        Stream.concat(analysis.facts().accesses().stream(), analysis.facts().localAccesses().stream())
            .toList();
    for (Access access : accesses) {
      MapCall.Update update = access.call().insideUpdate();
      MapField map = access.field();
      if (access.effect() != Effect.WRITE
          || update == null
          || access.method() == null
          || !RecursiveUpdates.fail(map.declaredType(), map.assignedValues())) {
        continue;
      }
      String message =
          "'"
              + map.name()
              + "' is modified by "
              + access.method()
              + " at line "
              + access.site().line()
              + " inside the function of its "
              + update.method()
              + " at line "
              + update.line()
              + ": a HashMap, LinkedHashMap, TreeMap or Hashtable then throws"
              + " ConcurrentModificationException, a ConcurrentHashMap throws IllegalStateException"
              + " (\"Recursive update\") or livelocks. Compute the value first, then putIfAbsent it"
              + " (or modify the map after "
              + update.method()
              + " returns).";
      sink.report(rule(), map, access.site(), message, List.of());
    }
  }
}

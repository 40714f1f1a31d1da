package io.mapguard.engine.analysis;

import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who calls whom inside one class, for rules that follow a call into the methods it reaches. */
public final class CallGraph {
  private final Map<CodeUnit, List<CallEdge>> callsFrom = new HashMap<>();

  public CallGraph(ClassFacts facts) {
    for (CallEdge edge : facts.calls()) {
      callsFrom.computeIfAbsent(edge.caller(), k -> new ArrayList<>()).add(edge);
    }
  }

  /**
   * {@code start} and every unit it calls, directly or through further calls, that runs right then
   * on the same thread: a task it starts runs later, so neither it nor what it calls is included.
   */
  public Set<CodeUnit> runWithin(CodeUnit start) {
    Set<CodeUnit> reached = new LinkedHashSet<>();
    Deque<CodeUnit> pending = new ArrayDeque<>(List.of(start));
    while (!pending.isEmpty()) {
      CodeUnit unit = pending.pop();
      if (unit.kind() == CodeUnit.Kind.TASK || !reached.add(unit)) {
        continue;
      }
      for (CallEdge next : callsFrom.getOrDefault(unit, List.of())) {
        pending.push(next.callee());
      }
    }
    return reached;
  }
}

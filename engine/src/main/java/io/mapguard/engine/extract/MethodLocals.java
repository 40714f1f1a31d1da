package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the code of a method does with its locals: the values each is given, which are assigned
 * after their declaration or changed in place, where each is used next. One walk per method, kept
 * for the other calls of that method. Locals are {@link SyntaxPort#localVariable} handles, compared
 * by identity (a JavaParser declaration's {@code equals} compares its text).
 */
public final class MethodLocals<N> {
  private final SyntaxPort<N> port;
  private final Map<N, Writes<N>> writesByScope = new IdentityHashMap<>();

  public MethodLocals(SyntaxPort<N> port) {
    this.port = port;
  }

  /** A value given to a local: its initializer ({@code at} is the declaration) or {@code local = value}. */
  private record Assignment<N>(N at, N value) {}

  /**
   * One walk of a scope: the values each local is given, in source order (initializer first); the
   * locals assigned after their declaration ({@code =}, {@code +=}, {@code ++}…) and those changed
   * in place ({@code +=}, {@code ++}…); the identifiers by name, and those an {@code =} assigns to;
   * the assignments {@code local.member = value} by local.
   */
  private record Writes<N>(
      Map<Object, List<Assignment<N>>> assignments,
      Set<Object> assigned,
      Set<Object> changedInPlace,
      Map<String, List<N>> identifiers,
      Set<N> assignTargets,
      Map<Object, List<N>> memberAssignments) {}

  /**
   * Every value {@code local} is given in the method around {@code use}, its initializer first; null
   * when it is also changed in place ({@code +=}, {@code ++}) or the node is in no method or class.
   */
  public List<N> valuesOf(Object local, SyntaxPath<N> use) {
    Writes<N> writes = writesAround(use);
    if (writes == null || writes.changedInPlace().contains(local)) {
      return null;
    }
    List<N> values = new ArrayList<>();
    for (Assignment<N> assignment : writes.assignments().getOrDefault(local, List.of())) {
      values.add(assignment.value());
    }
    return values;
  }

  /**
   * Which value of a local {@code expression} reads, as a suffix for its key: {@code ""} for a local
   * the method never assigns after its declaration (or no local); for one it does, {@code @} and the
   * position of the last assignment before {@code expression} in the source ({@code @0}: none, the
   * first value), so two uses with no assignment between them agree; null when the local is also
   * changed in place ({@code +=}, {@code ++}).
   *
   * @param use a node of the method around {@code expression}
   */
  public String valueVersion(N expression, SyntaxPath<N> use) {
    Object local = port.localVariable(expression);
    Writes<N> writes = local == null ? null : writesAround(use);
    if (writes == null || !writes.assigned().contains(local)) {
      return "";
    }
    if (writes.changedInPlace().contains(local)) {
      return null;
    }
    int at = port.order(expression);
    int last = 0;
    for (Assignment<N> assignment : writes.assignments().getOrDefault(local, List.of())) {
      int order = port.order(assignment.at());
      if (order < at && order > last) {
        last = order;
      }
    }
    return "@" + last;
  }

  /**
   * The assignments {@code local.member = value} in the method around {@code use}, in source order.
   */
  public List<N> memberAssignments(Object local, String member, SyntaxPath<N> use) {
    Writes<N> writes = writesAround(use);
    List<N> assignments = new ArrayList<>();
    if (writes != null) {
      for (N assignment : writes.memberAssignments().getOrDefault(local, List.of())) {
        if (port.name(port.skipParens(port.assignTarget(assignment))).equals(member)) {
          assignments.add(assignment);
        }
      }
    }
    return assignments;
  }

  /** The calls in the method around {@code use} that take {@code local} as an argument. */
  public List<N> callsTaking(Object local, SyntaxPath<N> use) {
    SyntaxPath<N> scope = scopeOf(use);
    List<N> calls = new ArrayList<>();
    if (scope != null) {
      port.forEachNode(
          scope.leaf(),
          node -> {
            if (port.kind(node) == Kind.METHOD_CALL
                && port.arguments(node).stream().anyMatch(argument -> port.localVariable(argument) == local)) {
              calls.add(node);
            }
            return true;
          });
    }
    return calls;
  }

  /**
   * The line of the next use of the local {@code name} after {@code call} (outside it), when that
   * use reads the local; 0 when it assigns it, or there is none.
   */
  public int nextUseIfRead(SyntaxPath<N> call, Object local, String name) {
    Writes<N> writes = writesAround(call);
    if (writes == null) {
      return 0;
    }
    Set<N> inCall = identitySet();
    port.forEachNode(call.leaf(), inCall::add);
    int after = port.order(call.leaf());
    N next = null;
    for (N use : writes.identifiers().getOrDefault(name, List.of())) {
      int order = port.order(use);
      if (order > after
          && !inCall.contains(use)
          && (next == null || order < port.order(next))
          && port.localVariable(use) == local) {
        next = use;
      }
    }
    return next == null || writes.assignTargets().contains(next) ? 0 : port.line(next);
  }

  /**
   * The position ({@link SyntaxPort#order}) of the local's last assignment or initializer before
   * {@code call} when that value does not read the local; 0 when it does, or there is none.
   */
  public int lastIndependentAssignment(SyntaxPath<N> call, Object local) {
    Assignment<N> last = lastIndependent(call, local);
    return last == null ? 0 : port.order(last.at());
  }

  /** The value of that assignment (see {@link #lastIndependentAssignment}), or null. */
  public N lastIndependentValue(SyntaxPath<N> call, Object local) {
    Assignment<N> last = lastIndependent(call, local);
    return last == null ? null : last.value();
  }

  private Assignment<N> lastIndependent(SyntaxPath<N> call, Object local) {
    Writes<N> writes = writesAround(call);
    if (writes == null) {
      return null;
    }
    int before = port.order(call.leaf());
    Assignment<N> last = null;
    for (Assignment<N> assignment : writes.assignments().getOrDefault(local, List.of())) {
      int order = port.order(assignment.at());
      if (order < before && (last == null || order > port.order(last.at()))) {
        last = assignment;
      }
    }
    return last == null || last.value() == null || reads(last.value(), local) ? null : last;
  }

  private boolean reads(N expression, Object local) {
    boolean[] found = new boolean[1];
    port.forEachNode(
        expression,
        node -> {
          found[0] |= port.kind(node) == Kind.IDENTIFIER && port.localVariable(node) == local;
          return !found[0];
        });
    return found[0];
  }

  /** The scope of a node's locals: its method, or its class for field initializers and blocks. */
  private SyntaxPath<N> scopeOf(SyntaxPath<N> path) {
    for (SyntaxPath<N> p = path; p != null; p = p.parent()) {
      Kind kind = port.kind(p.leaf());
      if (kind == Kind.METHOD || kind == Kind.CLASS) {
        return p;
      }
    }
    return null;
  }

  private Writes<N> writesAround(SyntaxPath<N> use) {
    SyntaxPath<N> scope = scopeOf(use);
    return scope == null ? null : writesByScope.computeIfAbsent(scope.leaf(), this::walk);
  }

  private Writes<N> walk(N scope) {
    Writes<N> writes =
        new Writes<>(
            new IdentityHashMap<>(), identitySet(), identitySet(), new HashMap<>(), identitySet(), new IdentityHashMap<>());
    port.forEachNode(
        scope,
        node -> {
          switch (port.kind(node)) {
            case IDENTIFIER:
              writes.identifiers().computeIfAbsent(port.name(node), k -> new ArrayList<>()).add(node);
              break;
            case ASSIGN:
              N target = port.skipParens(port.assignTarget(node));
              Object assigned = port.kind(target) == Kind.IDENTIFIER ? port.localVariable(target) : null;
              if (assigned != null) {
                given(writes, assigned, node, port.assignedValue(node));
                writes.assigned().add(assigned);
                writes.assignTargets().add(target);
              } else if (port.kind(target) == Kind.FIELD_ACCESS) {
                Object owner = port.localVariable(port.skipParens(port.selected(target)));
                if (owner != null) {
                  writes.memberAssignments().computeIfAbsent(owner, k -> new ArrayList<>()).add(node);
                }
              }
              break;
            case COMPOUND_ASSIGN:
              changedInPlace(writes, port.assignTarget(node));
              break;
            case INCREMENT:
              changedInPlace(writes, port.operand(node));
              break;
            default:
              if (port.declaresLocal(node) && port.initializer(node) != null) {
                given(writes, port.declaredVariable(node), node, port.initializer(node));
              }
          }
          return true;
        });
    return writes;
  }

  private static <N> void given(Writes<N> writes, Object local, N at, N value) {
    writes.assignments().computeIfAbsent(local, k -> new ArrayList<>()).add(new Assignment<>(at, value));
  }

  private void changedInPlace(Writes<N> writes, N target) {
    N t = port.skipParens(target);
    Object local = port.kind(t) == Kind.IDENTIFIER ? port.localVariable(t) : null;
    if (local != null) {
      writes.assigned().add(local);
      writes.changedInPlace().add(local);
    }
  }

  /** A set of handles or nodes compared with {@code ==}. */
  static <T> Set<T> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}

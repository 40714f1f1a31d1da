package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.model.MapField;
import java.util.Map;
import java.util.function.Function;

/**
 * Locals that stand for a map field: {@code m = cache}, a view ({@code keys = cache.keySet()}) or
 * an iterator over one, so that their uses are uses of the field. Written once for every front end,
 * against the {@link SyntaxPort}.
 */
public final class LocalAliases<N> {
  private final SyntaxPort<N> port;

  public LocalAliases(SyntaxPort<N> port) {
    this.port = port;
  }

  /**
   * {@code local = field} (or a view of it, or an iterator over a view) makes uses of {@code local}
   * uses of the field, unless the field is given another map right after, in the same block: then
   * the local holds the detached old map (the swap idiom: {@code old = pending; pending = new
   * HashMap<>();}).
   *
   * @param local the port's handle of the local
   * @param at the local's declaration or the assignment
   * @param aliases by the port's variable handle, where the alias is recorded
   * @param fieldOfVariable the map field a variable handle is, or null
   * @param mapFieldOf the map field an expression denotes, or null
   */
  public void record(
      Object local,
      N init,
      SyntaxPath<N> at,
      Map<Object, Alias> aliases,
      Function<Object, MapField> fieldOfVariable,
      Function<N, Object> mapFieldOf) {
    N value = port.skipParens(init);
    MapField field = (MapField) mapFieldOf.apply(value);
    if (field != null) {
      if (!reassignedAfter(field, at, fieldOfVariable)) {
        aliases.put(local, new Alias(field, AliasKind.MAP));
      }
      return;
    }
    if (port.kind(value) != Kind.METHOD_CALL || port.receiver(value) == null) {
      return;
    }
    String method = port.name(value);
    MapField owner = (MapField) mapFieldOf.apply(port.receiver(value));
    if (owner != null && MapMethods.isView(method)) {
      if (!reassignedAfter(owner, at, fieldOfVariable)) {
        aliases.put(local, new Alias(owner, AliasKind.VIEW));
      }
      return;
    }
    MapField iterated = viewOwner(port.receiver(value), aliases, mapFieldOf);
    if (iterated != null && method.equals("iterator")) {
      aliases.put(local, new Alias(iterated, AliasKind.ITERATOR));
    }
  }

  /** A later statement of the block around {@code at} assigns {@code field}. */
  private boolean reassignedAfter(MapField field, SyntaxPath<N> at, Function<Object, MapField> fieldOfVariable) {
    SyntaxPath<N> statement = at;
    while (statement != null && !port.kind(statement.leaf()).isStatement()) {
      statement = statement.parent();
    }
    if (statement == null || statement.parent() == null || port.kind(statement.parent().leaf()) != Kind.BLOCK) {
      return false;
    }
    boolean after = false;
    for (N s : port.statements(statement.parent().leaf())) {
      if (after && port.kind(s) == Kind.EXPRESSION_STATEMENT) {
        N expression = port.statementExpression(s);
        if (port.kind(expression) == Kind.ASSIGN) {
          Object target = variableOf(port.assignTarget(expression));
          if (target != null && fieldOfVariable.apply(target) == field) {
            return true;
          }
        }
      }
      after |= s == statement.leaf();
    }
    return false;
  }

  /** The map field behind a view: {@code map.keySet()} or a local holding one. */
  private MapField viewOwner(N expression, Map<Object, Alias> aliases, Function<N, Object> mapFieldOf) {
    N e = port.skipParens(expression);
    Object variable = variableOf(e);
    Alias alias = variable == null ? null : aliases.get(variable);
    if (alias != null && alias.kind() == AliasKind.VIEW) {
      return alias.field();
    }
    if (port.kind(e) == Kind.METHOD_CALL && port.receiver(e) != null && MapMethods.isView(port.name(e))) {
      return (MapField) mapFieldOf.apply(port.receiver(e));
    }
    return null;
  }

  private Object variableOf(N expression) {
    N e = port.skipParens(expression);
    Kind kind = port.kind(e);
    return kind == Kind.IDENTIFIER || kind == Kind.FIELD_ACCESS ? port.variable(e) : null;
  }
}

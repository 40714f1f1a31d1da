package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.model.MapField;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Locals that hold values of a map field ({@code List<V> l = index.get(k)}): changes made through
 * them later are changes of the map's values (MutableValueInConcurrentMap and the value rules).
 * Written once for every front end, against the {@link SyntaxPort}.
 */
public final class MapValueLocals<N> {
  private final SyntaxPort<N> port;
  private final MethodLocals<N> locals;

  public MapValueLocals(CallShapes<N> shapes) {
    this.port = shapes.port();
    this.locals = shapes.locals();
  }

  /**
   * When the value handed out by the call at {@code call} ({@code get}, {@code computeIfAbsent}…)
   * goes into a local that only ever holds values of {@code field} (or new objects it then stores
   * there), records that local in {@code valueLocals}.
   *
   * @param mapFieldOf the map field an expression denotes, or null
   * @param valueLocals by the port's variable handle
   */
  public void track(
      MapField field,
      String method,
      int line,
      SyntaxPath<N> call,
      Function<N, Object> mapFieldOf,
      Map<Object, ValueLocal> valueLocals) {
    SyntaxPath<N> parentPath = call.parentSkippingParens(port);
    N parent = parentPath == null ? null : parentPath.leaf();
    Object local = null;
    if (parent != null && port.declaresLocal(parent)) {
      local = port.declaredVariable(parent);
    } else if (parent != null
        && port.kind(parent) == Kind.ASSIGN
        && port.skipParensAndCasts(port.assignedValue(parent)) == call.leaf()) {
      local = port.localVariable(port.assignTarget(parent));
    }
    if (local == null || valueLocals.containsKey(local)) {
      return;
    }
    List<N> values = locals.valuesOf(local, call);
    if (values == null || !values.stream().allMatch(v -> isValueOf(field, v, call, true, mapFieldOf))) {
      return;
    }
    // A new object the local gets is one of the map's values only once it is stored there (the
    // get / create / putIfAbsent idiom); else it is a private copy.
    boolean createsValues = values.stream().anyMatch(v -> port.kind(port.skipParensAndCasts(v)) == Kind.NEW);
    if (!createsValues || storesInto(field, local, call, mapFieldOf)) {
      valueLocals.put(local, new ValueLocal(field, method, line));
    }
  }

  /**
   * Records the parameter through which the lambda given to {@code compute}/{@code
   * computeIfPresent}/{@code merge} at {@code call} receives the key's current value ({@link
   * MapMethods#VALUE_PARAMETER_OF_FUNCTION}): what the function does to it is a use of the map's
   * value, made atomically for its key.
   */
  public void trackFunctionParameter(
      MapField field, String method, int line, SyntaxPath<N> call, Map<Object, ValueLocal> valueLocals) {
    List<N> arguments = port.arguments(call.leaf());
    if (arguments.isEmpty()) {
      return;
    }
    N function = port.skipParens(arguments.get(arguments.size() - 1));
    if (port.kind(function) != Kind.LAMBDA) {
      return;
    }
    List<N> parameters = port.parameters(function);
    int position = MapMethods.VALUE_PARAMETER_OF_FUNCTION.get(method);
    Object parameter = parameters.size() > position ? port.declaredVariable(parameters.get(position)) : null;
    if (parameter != null) {
      valueLocals.putIfAbsent(parameter, new ValueLocal(field, method, line));
    }
  }

  private boolean storesInto(MapField field, Object local, SyntaxPath<N> use, Function<N, Object> mapFieldOf) {
    for (N call : locals.callsTaking(local, use)) {
      N receiver = port.receiver(call);
      if (receiver != null
          && MapMethods.STORED_VALUE_ARGUMENT.containsKey(port.name(call))
          && mapFieldOf.apply(receiver) == field) {
        return true;
      }
    }
    return false;
  }

  /**
   * A value of {@code field}, a new object or null; with {@code throughLocals}, also a local
   * holding only such values ({@code list = previous} after {@code previous = m.putIfAbsent(..)}).
   */
  private boolean isValueOf(
      MapField field, N value, SyntaxPath<N> use, boolean throughLocals, Function<N, Object> mapFieldOf) {
    N e = port.skipParensAndCasts(value);
    Kind kind = port.kind(e);
    if (port.isNullLiteral(e) || kind == Kind.NEW) {
      return true;
    }
    if (throughLocals && kind == Kind.IDENTIFIER && port.localVariable(e) != null) {
      List<N> values = locals.valuesOf(port.localVariable(e), use);
      return values != null
          && !values.isEmpty()
          && values.stream().allMatch(v -> isValueOf(field, v, use, false, mapFieldOf));
    }
    if (kind == Kind.METHOD_CALL && port.receiver(e) != null) {
      return MapMethods.VALUE_SOURCES.contains(port.name(e)) && mapFieldOf.apply(port.receiver(e)) == field;
    }
    return false;
  }
}

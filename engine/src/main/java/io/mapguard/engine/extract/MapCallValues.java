package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.MapBehaviours;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.NullableArgument;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.model.StoredValue;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a call on a map field puts into it: the values a put-like call stores (or the function of a
 * {@code computeIfAbsent} returns), as descriptors for the value rules, and the keys and values
 * that may be null there. Written once for every front end, against the {@link SyntaxPort}.
 */
public final class MapCallValues<N> {
  private final SyntaxPort<N> port;
  private final MethodLocals<N> locals;
  private final NullSources<N> nulls;

  /** @param nullableFields the fields annotated {@code @Nullable}, by handle */
  public MapCallValues(CallShapes<N> shapes, KnownApis apis, Set<Object> nullableFields) {
    this.port = shapes.port();
    this.locals = shapes.locals();
    this.nulls = new NullSources<>(shapes, apis, nullableFields);
  }

  /** The values the call at {@code call} ({@code field.method(…)}) stores into {@code field}, into {@code out}. */
  public void storedValues(MapField field, String method, SyntaxPath<N> call, List<StoredValue> out) {
    List<N> arguments = port.arguments(call.leaf());
    int line = port.line(call.leaf());
    Integer position = MapMethods.STORED_VALUE_ARGUMENT.get(method);
    if (position != null && arguments.size() >= 2) {
      N value = port.skipParensAndCasts(arguments.get(position < 0 ? arguments.size() - 1 : position));
      Object local = port.kind(value) == Kind.IDENTIFIER ? port.localVariable(value) : null;
      List<N> localValues = local == null ? null : locals.valuesOf(local, call);
      if (localValues == null) {
        describe(field, value, line, out);
      } else {
        localValues.forEach(v -> describe(field, v, line, out));
      }
      return;
    }
    if (!MapMethods.STORING_FUNCTIONS.contains(method) || arguments.size() != 2) {
      return;
    }
    N function = port.skipParens(arguments.get(1));
    if (port.kind(function) == Kind.LAMBDA) {
      N body = port.lambdaBody(function);
      if (port.kind(body).isExpression()) {
        describe(field, body, line, out);
        return;
      }
      port.forEachNode(
          body,
          node -> {
            Kind kind = port.kind(node);
            if (kind == Kind.RETURN && port.returnedValue(node) != null) {
              describeReturned(field, port.returnedValue(node), line, out);
            }
            // the returns of nested lambdas and classes are theirs
            return kind != Kind.LAMBDA && kind != Kind.CLASS && kind != Kind.METHOD && kind != Kind.NEW;
          });
    } else if (port.kind(function) == Kind.METHOD_REFERENCE) {
      String created = port.constructorReferenceType(function);
      if (created != null) {
        out.add(new StoredValue(field, "new:" + created, line));
      }
    }
  }

  /**
   * What a function's {@code return} stores: the value itself, or, for a local or parameter of the
   * function ({@code (k, list) -> { if (list == null) list = new ArrayList<>(); list.add(v); return
   * list; }}), the values the function gives it — the map's own value it was passed is already
   * there.
   */
  private void describeReturned(MapField field, N returned, int line, List<StoredValue> out) {
    N value = port.skipParensAndCasts(returned);
    Object local = port.kind(value) == Kind.IDENTIFIER ? port.localVariable(value) : null;
    List<N> given = local == null ? null : locals.valuesOf(local, port.pathTo(value));
    if (given == null || given.isEmpty()) {
      describe(field, value, line, out);
      return;
    }
    for (N assigned : given) {
      if (!port.isNullLiteral(port.skipParensAndCasts(assigned))) {
        describe(field, assigned, line, out);
      }
    }
  }

  private void describe(MapField field, N value, int line, List<StoredValue> out) {
    String described = port.valueDescriptor(port.skipParensAndCasts(value));
    if (described != null) {
      out.add(new StoredValue(field, described, line));
    }
  }

  /**
   * The keys and values of the call at {@code call} that may be null there, into {@code out}.
   *
   * @param site the map use the finding is reported at
   */
  public void nullableArguments(
      MapField field,
      String method,
      SyntaxPath<N> call,
      Site site,
      Function<N, Object> mapFieldOf,
      List<NullableArgument> out) {
    List<N> arguments = port.arguments(call.leaf());
    boolean rejectsNulls =
        MapBehaviours.has(MapBehaviours.Behaviour.REJECTS_NULLS, field.declaredType(), field.assignedValues());
    if (method.equals("putAll")) {
      // the entries of another map field of the class: they may be null where the class puts null there
      Object copied = rejectsNulls && arguments.size() == 1 ? mapFieldOf.apply(port.skipParensAndCasts(arguments.get(0))) : null;
      if (copied instanceof MapField && !((MapField) copied).local() && copied != field) {
        out.add(
            new NullableArgument(
                field, method, false, port.text(arguments.get(0)), NullableArgument.Source.MAP_HOLDING_NULL,
                ((MapField) copied).name(), 0, site));
      }
      return;
    }
    for (int i = 0; i < arguments.size(); i++) {
      boolean key = i == 0 && MapMethods.KEY_METHODS.contains(method);
      if (!key && !MapMethods.VALUE_ARGUMENTS.getOrDefault(method, Set.of()).contains(i)) {
        continue;
      }
      NullSources.Source source = nulls.sourceOf(arguments.get(i), call, rejectsNulls);
      if (source != null) {
        @SuppressWarnings("unchecked")
        SyntaxPath<N> declaring = (SyntaxPath<N>) source.method();
        out.add(
            new NullableArgument(
                field, method, key, port.text(arguments.get(i)), source.kind(), source.detail(), source.line(), site,
                declaring == null ? null : Memo.of(() -> ProjectCallShapes.methodOf(port, declaring)),
                source.parameter()));
      }
    }
  }
}

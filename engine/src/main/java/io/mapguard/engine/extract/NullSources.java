package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.NullChecks;
import io.mapguard.engine.knowledge.MapBehaviours;
import io.mapguard.engine.knowledge.NullableResults;
import io.mapguard.engine.model.NullableArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether an argument may be null where it is passed: the literal, a local assigned null or a
 * nullable result, a {@code @Nullable} parameter, a method of the file that returns null, another
 * map's {@code get}, a library method documented to return null ({@link NullableResults}) — and no
 * null check before the call rules it out. Written once for every front end, against the {@link
 * SyntaxPort}.
 */
public final class NullSources<N> {
  /**
   * Why an argument may be null.
   *
   * @param detail the local, parameter or method, or the map whose {@code get} it is; null for the literal
   * @param line where it becomes null, or 0 when the argument itself is the source
   */
  public record Source(NullableArgument.Source kind, String detail, int line, SyntaxPath<?> method, int parameter) {
    Source(NullableArgument.Source kind, String detail, int line) {
      this(kind, detail, line, null, -1);
    }
  }

  private final SyntaxPort<N> port;
  private final CallShapes<N> shapes;
  private final KnownApis apis;
  private final Set<Object> nullableFields;

  /** @param nullableFields the fields annotated {@code @Nullable}, by handle */
  public NullSources(CallShapes<N> shapes, KnownApis apis, Set<Object> nullableFields) {
    this.port = shapes.port();
    this.shapes = shapes;
    this.apis = apis;
    this.nullableFields = nullableFields;
  }

  /**
   * Why {@code argument} of the call at {@code call} may be null there, or null. {@code
   * callersMatter}: whether a plain parameter is a source too, null where a caller passes null
   * (asked only for the maps that reject null: it costs the null checks of every parameter).
   */
  public Source sourceOf(N argument, SyntaxPath<N> call, boolean callersMatter) {
    N e = port.skipParensAndCasts(argument);
    if (port.isNullLiteral(e)) {
      return new Source(NullableArgument.Source.LITERAL, null, 0);
    }
    Source direct = resultSource(e);
    if (direct != null) {
      if (direct.kind() == NullableArgument.Source.NULLABLE_API) {
        // if (request.getParameter("id") != null) map.put(k, request.getParameter("id"))
        return checked(port.text(e), null, call) ? null : direct;
      }
      return direct.kind() == NullableArgument.Source.MAP_GET && checked(null, direct.detail(), call)
          ? null
          : direct;
    }
    Object variable = port.kind(e) == Kind.IDENTIFIER ? port.localVariable(e) : null;
    if (variable == null) {
      return nullableField(e, call);
    }
    String name = port.name(e);
    Source source = null;
    N parameter = parameterDeclaration(variable, call);
    if (parameter != null) {
      if (isNullable(parameter)) {
        source = new Source(NullableArgument.Source.NULLABLE_PARAMETER, name, 0);
      } else if (callersMatter) {
        source = fromCallers(name, parameter, call);
      }
    } else {
      int callOrder = port.order(call.leaf());
      List<N> values = shapes.locals().valuesOf(variable, call);
      List<N> before = new ArrayList<>();
      for (N value : values == null ? List.<N>of() : values) {
        if (port.order(value) < callOrder) {
          before.add(value);
        }
      }
      // The last assignment wins when it is made in straight-line code before the call.
      if (!before.isEmpty() && assignedOnTheWay(before.get(before.size() - 1), call)) {
        before = before.subList(before.size() - 1, before.size());
      }
      for (N value : before) {
        N v = port.skipParensAndCasts(value);
        source =
            port.isNullLiteral(v)
                ? new Source(NullableArgument.Source.ASSIGNED_NULL, name, port.line(v))
                : resultSource(v);
        if (source != null) {
          break;
        }
      }
    }
    if (source == null) {
      return null;
    }
    String checkedMap = source.kind() == NullableArgument.Source.MAP_GET ? source.detail() : null;
    return checked(name, checkedMap, call) || passedBefore(variable, call) ? null : source;
  }

  /**
   * A field annotated {@code @Nullable} ({@code label}, {@code this.label}) not checked before the
   * call; else null.
   */
  private Source nullableField(N e, SyntaxPath<N> call) {
    Kind kind = port.kind(e);
    boolean ownField =
        kind == Kind.IDENTIFIER
            || kind == Kind.FIELD_ACCESS && port.kind(port.skipParens(port.selected(e))) == Kind.THIS;
    if (nullableFields.isEmpty() || !ownField) {
      return null; // another object's field (iterator.key) is that object's to keep non-null
    }
    Object field = port.variable(e);
    if (field == null || !nullableFields.contains(field)) {
      return null;
    }
    String name = port.name(e);
    return checked(name, null, call) || mentionedInCallBefore(field, call)
        ? null
        : new Source(NullableArgument.Source.NULLABLE_FIELD, name, 0);
  }

  /**
   * Whether a call earlier in the method mentions {@code field} in its arguments: a precondition
   * ({@code requireNonNull(label)}, {@code checkState(label != null)}) or a helper that may check it,
   * as {@link #passedBefore} takes it for locals.
   */
  private boolean mentionedInCallBefore(Object field, SyntaxPath<N> call) {
    SyntaxPath<N> method = call;
    while (method != null && port.kind(method.leaf()) != Kind.METHOD && port.kind(method.leaf()) != Kind.LAMBDA) {
      method = method.parent();
    }
    if (method == null) {
      return false;
    }
    int before = port.order(call.leaf());
    boolean[] found = {false};
    port.forEachNode(
        method.leaf(),
        node -> {
          if (found[0]) {
            return false;
          }
          if (port.kind(node) == Kind.METHOD_CALL && node != call.leaf() && port.order(node) < before) {
            for (N argument : port.arguments(node)) {
              port.forEachNode(
                  argument,
                  inner -> {
                    Kind k = port.kind(inner);
                    if ((k == Kind.IDENTIFIER || k == Kind.FIELD_ACCESS) && field.equals(port.variable(inner))) {
                      found[0] = true;
                    }
                    return !found[0];
                  });
            }
          }
          return !found[0];
        });
    return found[0];
  }

  /**
   * Whether the variable is handed to a method before the call: that method may check it (or
   * return early for null, as in {@code V v = safeGet(map, key); if (v == null) return;}).
   */
  private boolean passedBefore(Object variable, SyntaxPath<N> call) {
    for (N other : shapes.locals().callsTaking(variable, call)) {
      if (other != call.leaf() && port.order(other) < port.order(call.leaf())) {
        return true;
      }
    }
    return false;
  }

  /** The declaration of {@code variable} when it is a parameter of a method or lambda around {@code use}. */
  private N parameterDeclaration(Object variable, SyntaxPath<N> use) {
    for (SyntaxPath<N> p = use; p != null; p = p.parent()) {
      Kind kind = port.kind(p.leaf());
      if (kind == Kind.METHOD || kind == Kind.LAMBDA) {
        for (N parameter : port.parameters(p.leaf())) {
          if (port.declaredVariable(parameter) == variable) {
            return parameter;
          }
        }
      }
      if (kind == Kind.CLASS) {
        return null;
      }
    }
    return null;
  }

  /**
   * A parameter of a method (not a lambda's) with no {@code @Nullable}: null where a caller passes
   * null, which the project's calls decide ({@link NullableArgument.Source#PARAMETER_FROM_CALLERS}).
   */
  private Source fromCallers(String name, N parameter, SyntaxPath<N> use) {
    for (SyntaxPath<N> p = use; p != null; p = p.parent()) {
      Kind kind = port.kind(p.leaf());
      if (kind == Kind.LAMBDA || kind == Kind.CLASS) {
        return null;
      }
      if (kind == Kind.METHOD) {
        int index = port.parameters(p.leaf()).indexOf(parameter);
        return index < 0 ? null : new Source(NullableArgument.Source.PARAMETER_FROM_CALLERS, name, 0, p, index);
      }
    }
    return null;
  }

  private boolean isNullable(N declaration) {
    return port.annotationNames(declaration).stream().anyMatch(ConcurrencyAnnotations.NULLABLE::contains);
  }

  /**
   * Whether {@code value} is assigned by a statement of a block around the call, before it: then it
   * is the value the local has at the call.
   */
  private boolean assignedOnTheWay(N value, SyntaxPath<N> call) {
    for (SyntaxPath<N> p = call; p.parent() != null; p = p.parent()) {
      N parent = p.parent().leaf();
      Kind kind = port.kind(parent);
      if (kind == Kind.METHOD || kind == Kind.LAMBDA || kind == Kind.CLASS) {
        return false;
      }
      if (kind == Kind.BLOCK) {
        for (N statement : port.statements(parent)) {
          if (statement == p.leaf()) {
            break;
          }
          if (assigns(statement, value) || assignsInTry(statement, value)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether the statement is {@code T local = value;} or {@code local = value;}. */
  private boolean assigns(N statement, N value) {
    for (N declarator : port.declarators(statement)) {
      if (port.initializer(declarator) == value) {
        return true;
      }
    }
    if (port.kind(statement) != Kind.EXPRESSION_STATEMENT) {
      return false;
    }
    N expression = port.statementExpression(statement);
    return port.kind(expression) == Kind.ASSIGN && port.assignedValue(expression) == value;
  }

  /** {@code try { v = value; } catch (E e) { throw ...; }}: after the try, v holds value. */
  private boolean assignsInTry(N statement, N value) {
    return port.kind(statement) == Kind.TRY
        && port.statements(port.tryBlock(statement)).stream().anyMatch(s -> assigns(s, value))
        && port.catchBlocks(statement).stream().allMatch(shapes::exits);
  }

  /**
   * A call whose result may be null: another map's get, a library method documented to return null,
   * or a method of this file.
   */
  private Source resultSource(N e) {
    if (port.kind(e) != Kind.METHOD_CALL) {
      return null;
    }
    N receiver = port.receiver(e);
    int arity = port.arguments(e).size();
    if (port.name(e).equals("get")
        && arity == 1
        && receiver != null
        && port.isMap(receiver)) {
      return new Source(NullableArgument.Source.MAP_GET, port.text(receiver), port.line(e));
    }
    if (apis != null && NullableResults.whenNull(port.name(e)) != null) {
      NullableResults.Entry api = apis.nullableResult(port.callee(e), arity);
      if (api != null) {
        String call =
            (receiver == null ? "" : port.text(receiver) + ".") + port.name(e) + (arity == 0 ? "()" : "(...)");
        return new Source(NullableArgument.Source.NULLABLE_API, call, port.line(e));
      }
    }
    if (receiver != null && namesVariable(port.skipParens(receiver))) {
      return null; // a method of another object
    }
    N method = port.calledMethod(e);
    if (method == null) {
      return null;
    }
    String name = port.name(method);
    if (isNullable(method)) {
      return new Source(NullableArgument.Source.NULLABLE_METHOD, name, port.line(e));
    }
    int returnsNull = returnsNull(method);
    return returnsNull > 0 ? new Source(NullableArgument.Source.METHOD_RETURNS_NULL, name, returnsNull) : null;
  }

  private boolean namesVariable(N expression) {
    Kind kind = port.kind(expression);
    return (kind == Kind.IDENTIFIER || kind == Kind.FIELD_ACCESS) && port.namesVariable(expression);
  }

  /** The line of the method's first {@code return null}, outside lambdas and nested classes; else 0. */
  private int returnsNull(N method) {
    int[] line = new int[1];
    port.forEachNode(
        method,
        node -> {
          Kind kind = port.kind(node);
          if (node != method && (kind == Kind.LAMBDA || kind == Kind.CLASS || kind == Kind.METHOD)) {
            return false;
          }
          if (line[0] == 0 && kind == Kind.RETURN) {
            N value = port.returnedValue(node);
            if (value != null && port.isNullLiteral(port.skipParensAndCasts(value))) {
              line[0] = port.line(node);
            }
          }
          return line[0] == 0;
        });
    return line[0];
  }

  // ------------------------------------------------------------------ null checks

  /**
   * Whether a check before the call shows that local {@code name} (when not null) is not null, or
   * that {@code map} (when not null) contains the key: an enclosing {@code if (name != null)}, the
   * else-branch of {@code if (name == null)}, an earlier {@code if (name == null) return;} (or one
   * that assigns {@code name}), {@code requireNonNull(name)}, {@code assert name != null}.
   */
  private boolean checked(String name, String map, SyntaxPath<N> call) {
    for (SyntaxPath<N> p = call; p.parent() != null; p = p.parent()) {
      N child = p.leaf();
      N parent = p.parent().leaf();
      switch (port.kind(parent)) {
        case METHOD:
        case LAMBDA:
        case CLASS:
          return false;
        case IF:
        case CONDITIONAL:
          if (port.thenPart(parent) == child && anyConjunct(port.condition(parent), name, map)
              || port.elsePart(parent) == child && anyNullTest(port.condition(parent), name)) {
            return true;
          }
          break;
        case WHILE:
          if (port.loopBody(parent) == child && anyConjunct(port.loopCondition(parent), name, map)) {
            return true;
          }
          break;
        case FOR_EACH:
          if (map != null && port.loopBody(parent) == child && walksKeysOf(port.iterable(parent), map)) {
            return true; // for (K k : map.keySet()) ... map.get(k): the loop's keys are in the map
          }
          break;
        case BLOCK:
          for (N statement : port.statements(parent)) {
            if (statement == child) {
              break;
            }
            if (checks(statement, name, map)) {
              return true;
            }
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  /**
   * {@code map.keySet()} of a map that holds no null values (a Hashtable, Properties, a concurrent
   * map): {@code get} of one of its keys finds a value. A HashMap may map a key to null.
   */
  private boolean walksKeysOf(N iterable, String map) {
    N walked = port.skipParens(iterable);
    if (port.kind(walked) != Kind.METHOD_CALL
        || !port.name(walked).equals("keySet")
        || !port.arguments(walked).isEmpty()
        || port.receiver(walked) == null
        || !port.text(port.receiver(walked)).equals(map)) {
      return false;
    }
    List<String> types = port.typeAndSupertypes(port.receiver(walked));
    return types != null
        && types.stream().anyMatch(t -> MapBehaviours.has(MapBehaviours.Behaviour.REJECTS_NULLS, List.of(t), List.of()));
  }

  /** An earlier statement after which {@code name} is not null. */
  private boolean checks(N statement, String name, String map) {
    switch (port.kind(statement)) {
      case IF:
        return anyNullTest(port.condition(statement), name)
            && (shapes.exits(port.thenPart(statement)) || name != null && assigns(port.thenPart(statement), name));
      case ASSERT:
        return anyConjunct(port.condition(statement), name, map);
      case EXPRESSION_STATEMENT:
        if (name == null) {
          return false;
        }
        N e = port.statementExpression(statement);
        if (port.kind(e) == Kind.ASSIGN) {
          e = port.assignedValue(e);
        }
        e = port.skipParensAndCasts(e);
        return port.kind(e) == Kind.METHOD_CALL
            && NullChecks.THROWING_ON_NULL.contains(port.name(e))
            && !port.arguments(e).isEmpty()
            && isName(port.arguments(e).get(0), name);
      default:
        return false;
    }
  }

  /** Whether {@code tree} assigns the local {@code name} ({@code =}, {@code +=}…). */
  private boolean assigns(N tree, String name) {
    boolean[] found = new boolean[1];
    port.forEachNode(
        tree,
        node -> {
          Kind kind = port.kind(node);
          found[0] |= (kind == Kind.ASSIGN || kind == Kind.COMPOUND_ASSIGN) && isName(port.assignTarget(node), name);
          return !found[0];
        });
    return found[0];
  }

  /** A conjunct of {@code condition} that holds only when {@code name} is not null or {@code map} has the key. */
  private boolean anyConjunct(N condition, String name, String map) {
    N c = port.skipParens(condition);
    switch (port.kind(c)) {
      case CONDITIONAL_AND:
        return anyConjunct(port.left(c), name, map) || anyConjunct(port.right(c), name, map);
      case NOT_EQUAL:
        return name != null && comparesWithNull(c, name);
      case EQUAL:
        return name != null && comparesWithNonNull(c, name); // v == marker: v is the (non-null) marker
      case INSTANCE_OF:
        return name != null && isName(port.operand(c), name);
      case METHOD_CALL:
        List<N> arguments = port.arguments(c);
        if (name != null && port.name(c).equals("equals") && arguments.size() == 1 && isName(arguments.get(0), name)) {
          return true; // "x".equals(v)
        }
        return map != null
            && port.name(c).equals("containsKey")
            && port.receiver(c) != null
            && port.text(port.receiver(c)).equals(map);
      default:
        return false;
    }
  }

  /** A disjunct of {@code condition} that is {@code name == null}. */
  private boolean anyNullTest(N condition, String name) {
    if (name == null) {
      return false;
    }
    N c = port.skipParens(condition);
    switch (port.kind(c)) {
      case CONDITIONAL_OR:
        return anyNullTest(port.left(c), name) || anyNullTest(port.right(c), name);
      case EQUAL:
        return comparesWithNull(c, name);
      default:
        return false;
    }
  }

  private boolean comparesWithNull(N test, String name) {
    return port.isNullLiteral(port.left(test)) && isName(port.right(test), name)
        || port.isNullLiteral(port.right(test)) && isName(port.left(test), name);
  }

  private boolean comparesWithNonNull(N test, String name) {
    return isName(port.left(test), name) && !port.isNullLiteral(port.right(test))
        || isName(port.right(test), name) && !port.isNullLiteral(port.left(test));
  }

  /**
   * Whether {@code expression} is the local {@code name}, or, when {@code name} is an expression as
   * written (a library call checked before it is passed: {@code request.getParameter("id")}), that
   * expression.
   */
  private boolean isName(N expression, String name) {
    N e = port.skipParens(expression);
    if (port.kind(e) == Kind.IDENTIFIER) {
      return port.name(e).equals(name);
    }
    if (port.kind(e) == Kind.FIELD_ACCESS && port.kind(port.skipParens(port.selected(e))) == Kind.THIS) {
      return port.name(e).equals(name); // this.label for a field named label
    }
    return port.kind(e) == Kind.METHOD_CALL && !isIdentifier(name) && port.text(e).equals(name);
  }

  private static boolean isIdentifier(String name) {
    return !name.isEmpty() && name.chars().allMatch(Character::isJavaIdentifierPart);
  }
}

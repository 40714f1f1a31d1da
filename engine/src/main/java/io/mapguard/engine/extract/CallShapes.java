package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.FreshValues;
import io.mapguard.engine.knowledge.KeyDerivedValues;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.ValueMutation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The shape of the code around a map call, for the per-method rules ({@link MapCall}): its key as
 * text, the if statement that tests its result, the branches it runs in, the loop or update call
 * around it and whether that loop goes on after it, the call whose argument it is, what is done
 * right away to a value it hands out; and the locks a {@code Thread.holdsLock} assert names.
 * Written once for every front end, against the {@link SyntaxPort}.
 */
public final class CallShapes<N> {
  private final SyntaxPort<N> port;
  private final MethodLocals<N> locals;

  public CallShapes(SyntaxPort<N> port) {
    this.port = port;
    this.locals = new MethodLocals<>(port);
  }

  /** The front end's answers these shapes are read from. */
  public SyntaxPort<N> port() {
    return port;
  }

  /** What the code around a call does with its locals; one walk per method, kept. */
  public MethodLocals<N> locals() {
    return locals;
  }

  // ------------------------------------------------------------------ the whole description

  /**
   * The syntax around the map call at {@code call} that the per-method rules read.
   *
   * @param fieldOf the map field an expression denotes, or null
   * @param field the field the call is made on
   */
  public MapCall describe(SyntaxPath<N> call, Function<N, Object> fieldOf, Object field) {
    List<N> arguments = port.arguments(call.leaf());
    String key =
        arguments.isEmpty() ? null : key(arguments.get(0), e -> locals.valueVersion(e, call));
    List<Object> valueVariables = new ArrayList<>();
    String valueLocal = null;
    Object valueVariable = null;
    int valueReadLine = 0;
    int valueReassigned = 0;
    boolean valueFromKey = false;
    if (arguments.size() >= 2) {
      N value = arguments.get(1);
      addLocalsRead(value, valueVariables);
      N v = port.skipParens(value);
      Object local = port.kind(v) == Kind.IDENTIFIER ? port.localVariable(v) : null;
      if (local != null) {
        valueLocal = port.name(v);
        valueVariable = local;
        valueReadLine = locals.nextUseIfRead(call, local, valueLocal);
        valueReassigned = locals.lastIndependentAssignment(call, local);
        N assigned =
            valueReassigned == 0 || key == null ? null : locals.lastIndependentValue(call, local);
        valueFromKey = assigned != null && derivedFromKey(assigned, key, call, fieldOf, field);
      }
    }
    // only a put's key matters (ConcurrentMapCheckThenAct: every entry stored under a fresh key)
    boolean freshKey =
        arguments.size() == 2 && port.name(call.leaf()).equals("put") && freshKey(arguments.get(0), call);
    ResultUse result = resultUse(call);
    return new MapCall(
        key,
        valueLocal,
        result.discarded(),
        result.local(),
        result.test(),
        branches(call),
        argumentOf(call, fieldOf, field),
        valueReadLine,
        arguments.size(),
        null,
        enclosingLoop(call, fieldOf, field),
        exitsAfter(call),
        enclosingUpdate(call, fieldOf, field),
        valueReassigned,
        new MapCall.Variables(
            result.variable(),
            valueVariable,
            List.copyOf(valueVariables),
            arguments.size() == 1 && port.name(call.leaf()).equals("remove") ? localsReadAfter(call) : List.of()),
        valueFromKey,
        freshKey);
  }

  /**
   * The local variables read by the statements after the call's statement, in each block around it
   * up to its method or lambda: what the code still does once the call has run (an else of an if
   * around the call is another path and left out).
   */
  private List<Object> localsReadAfter(SyntaxPath<N> call) {
    List<Object> read = new ArrayList<>();
    N child = call.leaf();
    for (SyntaxPath<N> p = call.parent(); p != null; child = p.leaf(), p = p.parent()) {
      Kind kind = port.kind(p.leaf());
      if (kind.isCodeBoundary()) {
        break;
      }
      if (kind != Kind.BLOCK) {
        continue;
      }
      boolean after = false;
      for (N statement : port.statements(p.leaf())) {
        if (after) {
          addLocalsRead(statement, read);
        }
        after |= statement == child;
      }
    }
    return read;
  }

  /** Adds the local variables {@code root} reads to {@code read}. */
  private void addLocalsRead(N root, List<Object> read) {
    port.forEachNode(
        root,
        node -> {
          Object local = port.kind(node) == Kind.IDENTIFIER ? port.localVariable(node) : null;
          if (local != null) {
            read.add(local);
          }
          return true;
        });
  }

  /**
   * Whether a key argument is a value no earlier call made ({@link FreshValues}): such a call, a
   * local whose every value is one, or a member {@code l.token} of a local that holds a new object
   * at the call (its last value before it) when every assignment of that member in the method is
   * one and one comes between that object's creation and the call.
   */
  private boolean freshKey(N argument, SyntaxPath<N> call) {
    N key = port.skipParensAndCasts(argument);
    switch (port.kind(key)) {
      case IDENTIFIER:
        Object local = port.localVariable(key);
        return local != null && allFresh(locals.valuesOf(local, call));
      case FIELD_ACCESS:
        N owner = port.skipParens(port.selected(key));
        Object object = port.kind(owner) == Kind.IDENTIFIER ? port.localVariable(owner) : null;
        N objectValue = object == null ? null : locals.lastIndependentValue(call, object);
        if (objectValue == null || port.kind(port.skipParens(objectValue)) != Kind.NEW) {
          return false;
        }
        int created = locals.lastIndependentAssignment(call, object);
        int at = port.order(call.leaf());
        List<N> assignments = locals.memberAssignments(object, port.name(key), call);
        return assignments.stream().anyMatch(m -> port.order(m) > created && port.order(m) < at)
            && allFresh(assignments.stream().map(port::assignedValue).toList());
      default:
        return freshValue(key);
    }
  }

  private boolean allFresh(List<N> values) {
    return values != null && !values.isEmpty() && values.stream().allMatch(this::freshValue);
  }

  /** {@code UUID.randomUUID()}, {@code ids.incrementAndGet()} of a field, and their strings. */
  private boolean freshValue(N value) {
    N v = port.skipParensAndCasts(value);
    if (port.kind(v) != Kind.METHOD_CALL) {
      return false;
    }
    N receiver = port.receiver(v);
    List<N> arguments = port.arguments(v);
    String method = port.name(v);
    if (receiver == null) {
      return false;
    }
    N r = port.skipParens(receiver);
    boolean classLike = port.kind(r) == Kind.IDENTIFIER || port.kind(r) == Kind.FIELD_ACCESS;
    String receiverName = classLike ? port.name(r) : null;
    if (arguments.isEmpty()) {
      // a counter of a field counts on across calls; a local one starts again in each
      boolean notLocal = port.kind(r) != Kind.IDENTIFIER || port.localVariable(r) == null;
      return notLocal && FreshValues.generates(method, receiverName)
          || FreshValues.keepsReceiver(method) && freshValue(r);
    }
    return arguments.size() == 1
        && receiverName != null
        && FreshValues.keepsArgument(receiverName, method)
        && freshValue(arguments.get(0));
  }

  /**
   * Whether {@code value} computes a map's value from {@code key} alone (see {@link
   * KeyDerivedValues}): {@code other.get(key)} on another map than {@code field}, or an accessor of
   * the key itself.
   */
  private boolean derivedFromKey(
      N value, String key, SyntaxPath<N> call, Function<N, Object> fieldOf, Object field) {
    N v = port.skipParensAndCasts(value);
    if (port.kind(v) != Kind.METHOD_CALL || port.receiver(v) == null) {
      return false;
    }
    List<N> arguments = port.arguments(v);
    N receiver = port.receiver(v);
    Function<N, String> reassigned = e -> locals.valueVersion(e, call);
    if (arguments.size() == 1 && KeyDerivedValues.LOOKUPS.contains(port.name(v))) {
      Object map = fieldOf.apply(receiver);
      return key.equals(key(arguments.get(0), reassigned))
          && (map == null ? port.isMap(receiver) : !map.equals(field));
    }
    return arguments.isEmpty()
        && KeyDerivedValues.isAccessor(port.name(v))
        && key.equals(key(receiver, reassigned));
  }

  // ------------------------------------------------------------------ keys

  /**
   * A key expression as stable text ({@code user.id()}, {@code "a"}, {@code prefix+id}), or null when
   * it is not a simple, stable expression: a {@code new}, an increment, a local changed in place. A
   * local the method assigns after its declaration carries which of its values it reads ({@code
   * k@120}, see {@link MethodLocals#valueVersion}): two uses with no assignment between them are one
   * key.
   *
   * @param reassignedLocal the value version of a local ({@code ""} when it has one value), null
   *     when it has none that is stable
   */
  public String key(N expression, Function<N, String> reassignedLocal) {
    N e = port.skipParens(expression);
    switch (port.kind(e)) {
      case CAST:
        return key(port.castOperand(e), reassignedLocal);
      case IDENTIFIER:
        String version = reassignedLocal.apply(e);
        return version == null ? null : port.name(e) + version;
      case THIS:
        return "this";
      case FIELD_ACCESS:
        return member(port.selected(e), port.name(e), reassignedLocal);
      case LITERAL:
        return port.literalKey(e);
      case METHOD_CALL:
        N receiver = port.receiver(e);
        String target =
            receiver == null ? port.name(e) : member(receiver, port.name(e), reassignedLocal);
        if (target == null) {
          return null;
        }
        List<String> arguments = new ArrayList<>();
        for (N argument : port.arguments(e)) {
          String a = key(argument, reassignedLocal);
          if (a == null) {
            return null;
          }
          arguments.add(a);
        }
        return target + "(" + String.join(",", arguments) + ")";
      case PLUS:
        String left = key(port.left(e), reassignedLocal);
        String right = key(port.right(e), reassignedLocal);
        return left == null || right == null ? null : left + "+" + right;
      default:
        return null;
    }
  }

  /** {@code owner.name}, or the bare name for a member of {@code this}. */
  private String member(N owner, String name, Function<N, String> reassignedLocal) {
    N o = port.skipParens(owner);
    if (port.kind(o) == Kind.THIS) {
      return name;
    }
    String ownerKey = key(o, reassignedLocal);
    return ownerKey == null ? null : ownerKey + "." + name;
  }

  // ------------------------------------------------------------------ loops and updates

  /**
   * The innermost loop over {@code field} whose body holds the node, inside its method: a for-each
   * over one of the map's views, an iterator loop over one, or the lambda of the map's (or a
   * view's) {@code forEach}. Any other lambda or class ends the search: its body may run later.
   *
   * @param fieldOf the map field an expression denotes, or null
   */
  public MapCall.Loop enclosingLoop(SyntaxPath<N> path, Function<N, Object> fieldOf, Object field) {
    N child = path.leaf();
    for (SyntaxPath<N> p = path.parent(); p != null; child = p.leaf(), p = p.parent()) {
      N leaf = p.leaf();
      Kind kind = port.kind(leaf);
      if (kind == Kind.METHOD || kind == Kind.CLASS || kind == Kind.MEMBER) {
        return null;
      }
      if (kind == Kind.FOR_EACH && port.loopBody(leaf) == child) {
        String view = viewOf(port.iterable(leaf), fieldOf, field);
        if (view != null) {
          return new MapCall.Loop(port.line(leaf), "for-each", currentKeys(view, port.loopVariable(leaf)));
        }
      }
      N condition =
          (kind == Kind.WHILE || kind == Kind.FOR) && port.loopBody(leaf) == child
              ? port.loopCondition(leaf)
              : null;
      if (condition != null) {
        MapCall.Loop loop = iteratorLoop(p, condition, child, fieldOf, field);
        if (loop != null) {
          return loop;
        }
      }
      if (kind == Kind.LAMBDA) {
        SyntaxPath<N> callPath = p.parentSkippingParens(port);
        N parent = callPath == null ? null : callPath.leaf();
        List<String> parameters = port.lambdaParameters(leaf);
        if (parent == null
            || port.kind(parent) != Kind.METHOD_CALL
            || port.receiver(parent) == null
            || !port.name(parent).equals("forEach")
            || parameters.isEmpty()) {
          return null;
        }
        N receiver = port.receiver(parent);
        String first = parameters.get(0);
        if (field != null && fieldOf.apply(receiver) == field) {
          return new MapCall.Loop(port.line(parent), "forEach", Set.of(first));
        }
        String view = viewOf(receiver, fieldOf, field);
        return view == null ? null : new MapCall.Loop(port.line(parent), "forEach", currentKeys(view, first));
      }
    }
    return null;
  }

  /**
   * {@code while (it.hasNext())} or {@code for (…; it.hasNext(); …)} where the local {@code it} only
   * ever holds {@code field.<view>().iterator()}; the current key is the local the body's
   * {@code it.next()} initialises.
   */
  private MapCall.Loop iteratorLoop(
      SyntaxPath<N> loop,
      N condition,
      N body,
      Function<N, Object> fieldOf,
      Object field) {
    N test = port.skipParens(condition);
    if (port.kind(test) != Kind.METHOD_CALL
        || port.receiver(test) == null
        || !port.name(test).equals("hasNext")) {
      return null;
    }
    Object iterator = port.localVariable(port.receiver(test));
    List<? extends N> values = iterator == null ? null : locals.valuesOf(iterator, loop);
    if (values == null || values.size() != 1) {
      return null;
    }
    N value = port.skipParens(values.get(0));
    if (port.kind(value) != Kind.METHOD_CALL
        || port.receiver(value) == null
        || !port.name(value).equals("iterator")) {
      return null;
    }
    String view = viewOf(port.receiver(value), fieldOf, field);
    if (view == null) {
      return null;
    }
    Set<String> keys = Set.of();
    if (port.kind(body) == Kind.BLOCK) {
      for (N statement : port.statements(body)) {
        String declared = port.declaredName(statement);
        if (declared != null && isCallOn(port.declaredInitializer(statement), iterator, "next")) {
          keys = currentKeys(view, declared);
          break;
        }
      }
    }
    return new MapCall.Loop(port.line(loop.leaf()), "iterator", keys);
  }

  private boolean isCallOn(N expression, Object receiver, String method) {
    N e = port.skipParensAndCasts(expression);
    return port.kind(e) == Kind.METHOD_CALL
        && port.name(e).equals(method)
        && port.receiver(e) != null
        && port.localVariable(port.receiver(e)) == receiver;
  }

  /** {@code keySet}, {@code values}… when {@code expression} is that view of {@code field}, else null. */
  private String viewOf(N expression, Function<N, Object> fieldOf, Object field) {
    N e = port.skipParens(expression);
    if (port.kind(e) != Kind.METHOD_CALL || !port.arguments(e).isEmpty() || port.receiver(e) == null) {
      return null;
    }
    String view = port.name(e);
    return MapMethods.ITERATED_VIEWS.contains(view) && field != null && fieldOf.apply(port.receiver(e)) == field
        ? view
        : null;
  }

  /** How the loop's body spells the current entry's key, given the view and the loop variable. */
  private static Set<String> currentKeys(String view, String variable) {
    if (MapMethods.KEY_VIEWS.contains(view)) {
      return Set.of(variable);
    }
    return view.equals("entrySet") ? Set.of(variable + ".getKey()") : Set.of();
  }

  /** An update call and the map it updates (as {@code fieldOf} names it). */
  public record UpdateCall(Object map, MapCall.Update update) {}

  /**
   * The update call on {@code field} whose function is the lambda holding the node, looking
   * outward through lambdas until one is passed to such a call (or to anything else, which ends the
   * search, as does the enclosing method or class).
   */
  public MapCall.Update enclosingUpdate(SyntaxPath<N> path, Function<N, Object> fieldOf, Object field) {
    UpdateCall around = updateAround(path, fieldOf);
    return around != null && field != null && around.map() == field ? around.update() : null;
  }

  /**
   * The update call on a map whose function is the innermost lambda holding the node (or the
   * method reference that is the node), or null when that function is passed to anything else, or
   * there is none inside the method.
   */
  public UpdateCall updateAround(SyntaxPath<N> path, Function<N, Object> fieldOf) {
    boolean methodReference = port.kind(path.leaf()) == Kind.METHOD_REFERENCE;
    for (SyntaxPath<N> p = methodReference ? path : path.parent(); p != null; p = p.parent()) {
      N leaf = p.leaf();
      Kind kind = port.kind(leaf);
      if (kind == Kind.METHOD || kind == Kind.CLASS || kind == Kind.MEMBER) {
        return null;
      }
      if (kind == Kind.LAMBDA || leaf == path.leaf() && methodReference) {
        SyntaxPath<N> callPath = p.parentSkippingParens(port);
        N call = callPath == null ? null : callPath.leaf();
        if (call == null || port.kind(call) != Kind.METHOD_CALL || port.receiver(call) == null) {
          return null;
        }
        String method = port.name(call);
        List<N> arguments = port.arguments(call);
        boolean isFunction =
            !arguments.isEmpty() && port.skipParens(arguments.get(arguments.size() - 1)) == leaf;
        Object map =
            isFunction && MapMethods.KEY_UPDATES_WITH_FUNCTION.contains(method)
                ? fieldOf.apply(port.receiver(call))
                : null;
        return map == null ? null : new UpdateCall(map, new MapCall.Update(port.line(call), method));
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ tests of the result

  /**
   * How a call's result is used.
   *
   * @param discarded the call is a whole expression statement
   * @param local the local variable the result initialises or is assigned to, or null
   * @param test the if that tests the result, directly or through {@code local} in the very next
   *     statement, or null
   * @param variable the handle of {@code local} ({@link SyntaxPort#localVariable}), or null
   */
  public record ResultUse(boolean discarded, String local, MapCall.Test test, Object variable) {}

  /** How the result of the call at {@code call} is used. */
  public ResultUse resultUse(SyntaxPath<N> call) {
    SyntaxPath<N> parentPath = call.parentSkippingParens(port);
    N parent = parentPath == null ? null : parentPath.leaf();
    Kind kind = parent == null ? Kind.OTHER : port.kind(parent);
    String local = null;
    Object variable = null;
    SyntaxPath<N> statement = null;
    String declared = parent == null ? null : port.localDeclaredBy(parent);
    N initializer = declared == null ? null : port.initializer(parent);
    if (initializer != null && port.skipParens(initializer) == call.leaf()) {
      local = declared;
      variable = port.declaredVariable(parent);
      statement = port.statementOfDeclaration(parentPath);
    } else if (kind == Kind.ASSIGN && port.skipParens(port.assignedValue(parent)) == call.leaf()) {
      N target = port.assignTarget(parent);
      if (port.kind(target) == Kind.IDENTIFIER && port.localVariable(target) != null) {
        local = port.name(target);
        variable = port.localVariable(target);
        SyntaxPath<N> up = parentPath.parent();
        statement = up != null && port.kind(up.leaf()) == Kind.EXPRESSION_STATEMENT ? up : null;
      }
    }
    MapCall.Test test = directTest(call);
    if (test == null && statement != null) {
      test = localTest(statement, local);
    }
    return new ResultUse(kind == Kind.EXPRESSION_STATEMENT, local, test, variable);
  }

  /**
   * The if whose condition tests the call's own result: {@code if (!m.containsKey(k))},
   * {@code if (m.get(k) == null && …)}; else null.
   */
  public MapCall.Test directTest(SyntaxPath<N> call) {
    MapCall.Polarity polarity = MapCall.Polarity.RESULT_TRUE;
    SyntaxPath<N> node = call;
    SyntaxPath<N> parent = node.parentSkippingParens(port);
    Kind kind = parent == null ? Kind.OTHER : port.kind(parent.leaf());
    if ((kind == Kind.EQUAL || kind == Kind.NOT_EQUAL)
        && (port.isNullLiteral(port.left(parent.leaf())) || port.isNullLiteral(port.right(parent.leaf())))) {
      polarity = kind == Kind.EQUAL ? MapCall.Polarity.RESULT_NULL : MapCall.Polarity.RESULT_NOT_NULL;
      node = parent;
      parent = node.parentSkippingParens(port);
    }
    while (parent != null && port.kind(parent.leaf()) == Kind.LOGICAL_NOT) {
      polarity = negate(polarity);
      node = parent;
      parent = node.parentSkippingParens(port);
    }
    boolean exact = true;
    while (parent != null && port.kind(parent.leaf()) == Kind.CONDITIONAL_AND) {
      exact = false;
      node = parent;
      parent = node.parentSkippingParens(port);
    }
    if (parent != null
        && port.kind(parent.leaf()) == Kind.IF
        && port.skipParens(port.condition(parent.leaf())) == node.leaf()) {
      return new MapCall.Test(port.order(parent.leaf()), polarity, exact, false);
    }
    return null;
  }

  /**
   * {@code V v = m.get(k); if (v == null) …}: the statement right after {@code statement} (which
   * gives the call's result to {@code local}) is an if testing that local against null.
   */
  public MapCall.Test localTest(SyntaxPath<N> statement, String local) {
    SyntaxPath<N> block = statement.parent();
    if (block == null || port.kind(block.leaf()) != Kind.BLOCK) {
      return null;
    }
    N next = nextInBlock(block.leaf(), statement.leaf());
    if (next == null || port.kind(next) != Kind.IF) {
      return null;
    }
    List<N> conjuncts = new ArrayList<>();
    conjuncts(port.condition(next), conjuncts);
    for (N conjunct : conjuncts) {
      N e = port.skipParens(conjunct);
      boolean negated = false;
      while (port.kind(e) == Kind.LOGICAL_NOT) {
        negated = !negated;
        e = port.skipParens(port.operand(e));
      }
      Kind comparison = port.kind(e);
      if (comparison == Kind.EQUAL || comparison == Kind.NOT_EQUAL) {
        N other =
            port.isNullLiteral(port.right(e))
                ? port.left(e)
                : port.isNullLiteral(port.left(e)) ? port.right(e) : null;
        other = other == null ? null : port.skipParens(other);
        if (other != null && port.kind(other) == Kind.IDENTIFIER && port.name(other).equals(local)) {
          boolean isNull = (comparison == Kind.EQUAL) != negated;
          return new MapCall.Test(
              port.order(next),
              isNull ? MapCall.Polarity.RESULT_NULL : MapCall.Polarity.RESULT_NOT_NULL,
              conjuncts.size() == 1,
              true);
        }
      }
    }
    return null;
  }

  private void conjuncts(N expression, List<N> out) {
    N e = port.skipParens(expression);
    if (port.kind(e) == Kind.CONDITIONAL_AND) {
      conjuncts(port.left(e), out);
      conjuncts(port.right(e), out);
    } else {
      out.add(e);
    }
  }

  private static MapCall.Polarity negate(MapCall.Polarity polarity) {
    switch (polarity) {
      case RESULT_TRUE:
        return MapCall.Polarity.RESULT_FALSE;
      case RESULT_FALSE:
        return MapCall.Polarity.RESULT_TRUE;
      case RESULT_NULL:
        return MapCall.Polarity.RESULT_NOT_NULL;
      default:
        return MapCall.Polarity.RESULT_NULL;
    }
  }

  // ------------------------------------------------------------------ branches and exits

  /**
   * The if branches enclosing the node inside its body of code, innermost first; a statement after
   * {@code if (c) return/throw/break/continue;} (no else) is in the else branch of that if.
   */
  public List<MapCall.Branch> branches(SyntaxPath<N> call) {
    List<MapCall.Branch> branches = new ArrayList<>();
    N child = call.leaf();
    for (SyntaxPath<N> p = call.parent(); p != null; p = p.parent()) {
      N leaf = p.leaf();
      Kind kind = port.kind(leaf);
      if (kind.isCodeBoundary()) {
        break;
      }
      if (kind == Kind.IF) {
        if (port.thenPart(leaf) == child) {
          branches.add(new MapCall.Branch(port.order(leaf), true));
        } else if (port.elsePart(leaf) == child) {
          branches.add(new MapCall.Branch(port.order(leaf), false));
        }
      } else if (kind == Kind.BLOCK) {
        for (N statement : port.statements(leaf)) {
          if (statement == child) {
            break;
          }
          if (port.kind(statement) == Kind.IF) {
            N elsePart = port.elsePart(statement);
            boolean thenExits = exits(port.thenPart(statement));
            boolean elseExits = elsePart != null && exits(elsePart);
            if (thenExits && !elseExits) {
              branches.add(new MapCall.Branch(port.order(statement), false));
            } else if (elseExits && !thenExits) {
              branches.add(new MapCall.Branch(port.order(statement), true));
            }
          }
        }
      }
      child = leaf;
    }
    return List.copyOf(branches);
  }

  /** return, throw, break, continue, or a block / if whose every path ends in one. */
  public boolean exits(N statement) {
    switch (port.kind(statement)) {
      case RETURN:
      case THROW:
      case BREAK:
      case CONTINUE:
        return true;
      case BLOCK:
        List<N> statements = port.statements(statement);
        return !statements.isEmpty() && exits(statements.get(statements.size() - 1));
      case IF:
        N elsePart = port.elsePart(statement);
        return elsePart != null && exits(port.thenPart(statement)) && exits(elsePart);
      default:
        return false;
    }
  }

  /** Whether nothing of an enclosing loop runs after the statement holding the node. */
  public boolean exitsAfter(SyntaxPath<N> path) {
    for (SyntaxPath<N> p = path; p != null; p = p.parent()) {
      Kind kind = port.kind(p.leaf());
      if (kind == Kind.RETURN || kind == Kind.THROW) {
        return true;
      }
      if (kind.isCodeBoundary()) {
        return false;
      }
      if (kind.isStatement()) {
        SyntaxPath<N> parent = p.parent();
        if (parent == null || port.kind(parent.leaf()) != Kind.BLOCK) {
          return false;
        }
        N next = nextInBlock(parent.leaf(), p.leaf());
        Kind nextKind = next == null ? Kind.OTHER : port.kind(next);
        return nextKind == Kind.BREAK || nextKind == Kind.RETURN || nextKind == Kind.THROW;
      }
    }
    return false;
  }

  /** The statement right after {@code statement} in {@code block} (by identity), or null. */
  private N nextInBlock(N block, N statement) {
    List<N> statements = port.statements(block);
    for (int i = 0; i + 1 < statements.size(); i++) {
      if (statements.get(i) == statement) {
        return statements.get(i + 1);
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ values

  /**
   * The order of the receiver of the call on the same map ({@code fieldOf} names maps) whose second
   * or later argument holds this call ({@code m.put(k, m.get(k) + 1)}), or -1.
   */
  public int argumentOf(SyntaxPath<N> call, Function<N, Object> fieldOf, Object field) {
    N child = call.leaf();
    for (SyntaxPath<N> p = call.parent(); p != null; p = p.parent()) {
      N leaf = p.leaf();
      Kind kind = port.kind(leaf);
      if (!kind.isExpression() || kind == Kind.LAMBDA) {
        return -1;
      }
      if (kind == Kind.METHOD_CALL) {
        List<N> arguments = port.arguments(leaf);
        int index = -1;
        for (int i = 0; i < arguments.size(); i++) {
          if (arguments.get(i) == child) {
            index = i;
          }
        }
        N receiver = port.receiver(leaf);
        if (index >= 1 && receiver != null && fieldOf.apply(receiver) == field) {
          return port.order(receiver);
        }
      }
      child = leaf;
    }
    return -1;
  }

  // ------------------------------------------------------------------ uses of values

  /**
   * A call made on a value ({@code method}), a store into one of its elements
   * ({@link ValueMutation#ARRAY_STORE}) or a for-each loop over it ({@link ValueMutation#FOR_EACH}),
   * and the node that makes it.
   */
  public record ValueUse<N>(String method, N node) {}

  /**
   * What is done right away to the value the node yields: a method called on it
   * ({@code map.get(k).add(v)}), a store into its element ({@code counts.get(k)[0]++}), a for-each
   * loop over it ({@code for (V v : map.get(k))}) or a return of it; else null.
   */
  public ValueUse<N> useOfValue(SyntaxPath<N> value) {
    N written = outermostWrapping(value).leaf();
    SyntaxPath<N> parentPath = value.parentSkippingParens(port);
    N parent = parentPath == null ? null : parentPath.leaf();
    Kind kind = parent == null ? Kind.OTHER : port.kind(parent);
    if (kind == Kind.METHOD_CALL && port.receiver(parent) == written) {
      return new ValueUse<>(port.name(parent), parent);
    }
    if (kind == Kind.FOR_EACH && port.iterable(parent) == written) {
      return new ValueUse<>(ValueMutation.FOR_EACH, parent);
    }
    if (kind == Kind.RETURN && port.returnedValue(parent) == written) {
      return new ValueUse<>(ValueMutation.RETURNED, parent);
    }
    if (kind == Kind.ARRAY_ACCESS && port.array(parent) == written) {
      SyntaxPath<N> storePath = parentPath.parentSkippingParens(port);
      N store = storePath == null ? null : storePath.leaf();
      Kind storeKind = store == null ? Kind.OTHER : port.kind(store);
      boolean stored =
          (storeKind == Kind.ASSIGN || storeKind == Kind.COMPOUND_ASSIGN)
                  && port.skipParens(port.assignTarget(store)) == parent
              || storeKind == Kind.INCREMENT && port.skipParens(port.operand(store)) == parent;
      return stored ? new ValueUse<>(ValueMutation.ARRAY_STORE, store) : null;
    }
    return null;
  }

  /** The node with the parentheses and casts around it: what its parent holds. */
  private SyntaxPath<N> outermostWrapping(SyntaxPath<N> path) {
    SyntaxPath<N> p = path;
    while (p.parent() != null && port.kind(p.parent().leaf()).wrapsExpression()) {
      p = p.parent();
    }
    return p;
  }

  /** The locks the {@code Thread.holdsLock(lock)} conjuncts of an assertion name. */
  public List<N> holdsLockArguments(N condition) {
    N c = port.skipParens(condition);
    List<N> locks = new ArrayList<>();
    if (port.kind(c) == Kind.CONDITIONAL_AND) {
      locks.addAll(holdsLockArguments(port.left(c)));
      locks.addAll(holdsLockArguments(port.right(c)));
    } else if (port.kind(c) == Kind.METHOD_CALL
        && port.name(c).equals(LockApis.HOLDS_LOCK.name())
        && port.arguments(c).size() == 1
        && port.receiver(c) != null) {
      String owner = key(port.receiver(c), n -> "");
      String qualified = LockApis.HOLDS_LOCK.owner();
      if (qualified.equals(owner) || qualified.substring(qualified.lastIndexOf('.') + 1).equals(owner)) {
        locks.add(port.arguments(c).get(0));
      }
    }
    return locks;
  }
}

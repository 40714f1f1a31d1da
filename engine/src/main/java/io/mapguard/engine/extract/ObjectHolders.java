package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Holder;
import io.mapguard.engine.model.ParameterFate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The objects each unit holds itself ({@link Holder}): its locals that only ever hold objects it
 * creates with {@code new}, and its parameters, with the first place each lets its object escape
 * and the calls to methods analysed here that it is passed to. One walk of a unit's body, made only
 * for the units the ownership question reaches (an access through such a variable, a call passing
 * one).
 *
 * <p>What does not let an object escape: reading or writing its fields ({@code app.resources}),
 * calling its methods (but {@code thread.start()}), comparing it, assigning the variable, passing
 * it to a method analysed with the class (the engine follows it there). Anything else does:
 * storing it, returning it, passing it to other code or a thread, capturing it in a lambda or
 * class body. An escape inside a loop that the variable's declaration is not in counts from the
 * loop's start: the next round's accesses come after it.
 *
 * @param <N> the front end's node type
 * @param <P> the front end's position of a use (see {@link UnitScan})
 */
final class ObjectHolders<N, P> {
  private final SyntaxPort<N> port;
  private final KnownApis apis;
  private final Function<P, N> nodeAt;
  private final Map<UnitScan<N, P>, UnitObjects> byUnit = new IdentityHashMap<>();

  ObjectHolders(SyntaxPort<N> port, KnownApis apis, Function<P, N> nodeAt) {
    this.port = port;
    this.apis = apis;
    this.nodeAt = nodeAt;
  }

  /** The holder of the object whose field {@code use} (a field access) reaches, or null. */
  Holder ofFieldAccess(UnitScan<N, P> unit, N use) {
    if (port.kind(use) != Kind.FIELD_ACCESS) {
      return null;
    }
    N receiver = port.skipParens(port.selected(use));
    Object variable = port.kind(receiver) == Kind.IDENTIFIER ? port.localVariable(receiver) : null;
    return variable == null ? null : objects(unit).holder(variable);
  }

  /** The holder of the object {@code call} is made on ({@code record.fill()}), or null. */
  Holder receiver(UnitScan<N, P> unit, N call) {
    N receiver = port.receiver(call);
    N r = receiver == null ? null : port.skipParens(receiver);
    Object variable = r != null && port.kind(r) == Kind.IDENTIFIER ? port.localVariable(r) : null;
    return variable == null ? null : objects(unit).holder(variable);
  }

  /** Per argument of {@code call}, the holder of the object it passes, or null; empty if none. */
  List<Holder> arguments(UnitScan<N, P> unit, N call) {
    List<N> arguments = port.arguments(call);
    List<Holder> holders = null;
    for (int i = 0; i < arguments.size(); i++) {
      N argument = port.skipParens(arguments.get(i));
      Object variable = port.kind(argument) == Kind.IDENTIFIER ? port.localVariable(argument) : null;
      Holder holder = variable == null ? null : objects(unit).holder(variable);
      if (holder != null) {
        if (holders == null) {
          holders = new ArrayList<>(Collections.nCopies(arguments.size(), null));
        }
        holders.set(i, holder);
      }
    }
    return holders == null ? List.of() : Collections.unmodifiableList(holders);
  }

  /** What {@code unit} does with the objects its parameters receive. */
  List<ParameterFate> fates(UnitScan<N, P> unit) {
    UnitObjects objects = objects(unit);
    List<ParameterFate> fates = new ArrayList<>();
    for (int i = 0; i < objects.parameterCount; i++) {
      int escape = objects.bodySeen ? objects.parameterEscapes[i] : 0;
      fates.add(new ParameterFate(unit.unit, i, escape));
    }
    return fates;
  }

  private UnitObjects objects(UnitScan<N, P> unit) {
    return byUnit.computeIfAbsent(unit, u -> new UnitObjects(u).scan());
  }

  /** The variables of one unit and what its body does with them. */
  private final class UnitObjects {
    private final UnitScan<N, P> unit;
    /** The calls of this unit to methods analysed here: passing an object to one is followed. */
    private final Set<N> followedCalls = MethodLocals.identitySet();
    private final Map<Object, Integer> parameters = new IdentityHashMap<>();
    /** Declaration order of the unit's own locals. */
    private final Map<Object, Integer> declared = new IdentityHashMap<>();
    /** Locals given a new object somewhere (by their initializer or an assignment). */
    private final Set<Object> givenNew = MethodLocals.identitySet();
    /**
     * Locals given anything but a new object, or changed in place: they hold no object of ours
     * (nor do those never given a new one: loop variables, catch parameters, patterns).
     */
    private final Set<Object> notFresh = MethodLocals.identitySet();
    private final Set<Object> assignedParameters = MethodLocals.identitySet();
    private final Map<Object, Integer> escapes = new IdentityHashMap<>();
    /** Escaping uses, for the loops that may repeat them. */
    private final Map<N, Object> escapingUses = new IdentityHashMap<>();
    private final List<N> loops = new ArrayList<>();
    /**
     * Uses that keep the object where it is (its fields read or written, its methods called, a
     * comparison, the variable assigned) or pass it to a method analysed here, which the engine
     * follows; any other use lets it escape.
     */
    private final Set<N> keepingUses = MethodLocals.identitySet();
    private final Map<Object, Holder> holders = new IdentityHashMap<>();
    private int parameterCount;
    private int[] parameterEscapes = new int[0];
    private boolean bodySeen;

    UnitObjects(UnitScan<N, P> unit) {
      this.unit = unit;
      for (UnitScan.PendingEdge<P> edge : unit.edges) {
        N call = nodeAt.apply(edge.at());
        if (edge.callee().kind() == CodeUnit.Kind.METHOD && port.kind(call) == Kind.METHOD_CALL) {
          followedCalls.add(call);
        }
      }
    }

    UnitObjects scan() {
      N root = unit.body;
      if (root == null) {
        return this;
      }
      Kind kind = port.kind(root);
      if (kind != Kind.METHOD && kind != Kind.LAMBDA) {
        return this; // initializers: nothing of theirs is passed in or kept
      }
      List<N> declaredParameters = port.parameters(root);
      parameterCount = declaredParameters.size();
      for (int i = 0; i < parameterCount; i++) {
        parameters.put(port.declaredVariable(declaredParameters.get(i)), i);
      }
      N body = kind == Kind.METHOD ? port.methodBody(root) : port.lambdaBody(root);
      bodySeen = body != null;
      if (body != null) {
        walk(body);
        repeatInLoops();
      }
      parameterEscapes = new int[parameterCount];
      parameters.forEach(
          (variable, index) ->
              parameterEscapes[index] =
                  assignedParameters.contains(variable) ? 0 : escapes.getOrDefault(variable, Holder.NEVER));
      int number = 0;
      for (Map.Entry<Object, Integer> local : sortedByDeclaration()) {
        if (givenNew.contains(local.getKey()) && !notFresh.contains(local.getKey())) {
          holders.put(
              local.getKey(),
              new Holder(Holder.Kind.NEW_LOCAL, number, escapes.getOrDefault(local.getKey(), Holder.NEVER)));
        }
        number++;
      }
      parameters.forEach(
          (variable, index) -> {
            if (!assignedParameters.contains(variable)) {
              holders.put(variable, new Holder(Holder.Kind.PARAMETER, index, parameterEscapes[index]));
            }
          });
      return this;
    }

    Holder holder(Object variable) {
      return holders.get(variable);
    }

    private boolean ours(Object variable) {
      return variable != null && (parameters.containsKey(variable) || declared.containsKey(variable));
    }

    private void walk(N body) {
      port.forEachNode(
          body,
          node -> {
            Kind kind = port.kind(node);
            switch (kind) {
              case LAMBDA:
              case CLASS: // a local class: its methods may run anywhere, at any time, like a lambda
                capturedIn(node);
                return false;
              case NEW:
                if (port.hasClassBody(node)) {
                  capturedIn(node);
                  return false;
                }
                break;
              case FIELD_ACCESS:
                if (port.fieldName(node) != null) {
                  keepingUses.add(port.skipParens(port.selected(node)));
                }
                break;
              case METHOD_CALL:
                methodCall(node);
                break;
              case EQUAL:
              case NOT_EQUAL:
                keepingUses.add(port.skipParens(port.left(node)));
                keepingUses.add(port.skipParens(port.right(node)));
                break;
              case ASSIGN:
                assignment(node);
                break;
              case COMPOUND_ASSIGN:
                notFresh(port.assignTarget(node));
                break;
              case INCREMENT:
                notFresh(port.operand(node));
                break;
              case FOR_EACH:
              case FOR:
              case WHILE:
              case DO_WHILE:
                loops.add(node);
                break;
              case IDENTIFIER:
                use(node);
                break;
              default:
                if (port.declaresLocal(node)) {
                  Object variable = port.declaredVariable(node);
                  declared.put(variable, port.order(node));
                  N initializer = port.initializer(node);
                  if (initializer != null) {
                    (isNew(initializer) ? givenNew : notFresh).add(variable);
                  }
                }
            }
            return true;
          });
    }

    private void methodCall(N call) {
      N receiver = port.receiver(call);
      if (receiver != null) {
        Object callee = port.callee(call);
        boolean startsThread = callee != null && apis.threadStart(callee).isPresent();
        if (!startsThread) {
          keepingUses.add(port.skipParens(receiver));
        }
      }
      if (followedCalls.contains(call)) {
        for (N argument : port.arguments(call)) {
          keepingUses.add(port.skipParens(argument));
        }
      }
    }

    private void assignment(N assignment) {
      N target = port.skipParens(port.assignTarget(assignment));
      Object variable = port.kind(target) == Kind.IDENTIFIER ? port.localVariable(target) : null;
      if (variable == null) {
        return;
      }
      keepingUses.add(target);
      if (parameters.containsKey(variable)) {
        assignedParameters.add(variable);
      } else {
        (isNew(port.assignedValue(assignment)) ? givenNew : notFresh).add(variable);
      }
    }

    private void notFresh(N target) {
      N t = port.skipParens(target);
      Object variable = port.kind(t) == Kind.IDENTIFIER ? port.localVariable(t) : null;
      if (variable != null) {
        notFresh.add(variable);
        if (parameters.containsKey(variable)) {
          assignedParameters.add(variable);
        }
      }
    }

    private boolean isNew(N value) {
      N v = port.skipParensAndCasts(value);
      return port.kind(v) == Kind.NEW && !port.hasClassBody(v);
    }

    private void use(N identifier) {
      Object variable = port.localVariable(identifier);
      if (!ours(variable)) {
        return;
      }
      if (!keepingUses.contains(identifier)) {
        escapeAt(variable, port.order(identifier));
        escapingUses.put(identifier, variable);
      }
    }

    /** A lambda or class body in the unit: what it captures may run anywhere, at any time. */
    private void capturedIn(N nested) {
      int at = port.order(nested);
      port.forEachNode(
          nested,
          node -> {
            if (port.kind(node) == Kind.IDENTIFIER) {
              Object variable = port.localVariable(node);
              if (ours(variable)) {
                escapeAt(variable, at);
              }
            }
            return true;
          });
    }

    private void escapeAt(Object variable, int order) {
      escapes.merge(variable, order, Math::min);
    }

    /** An escape inside a loop the variable was declared before: from the loop's start on. */
    private void repeatInLoops() {
      if (escapingUses.isEmpty()) {
        return;
      }
      for (N loop : loops) {
        int start = port.order(loop);
        Set<N> inside = MethodLocals.identitySet();
        port.forEachNode(loop, inside::add);
        escapingUses.forEach(
            (use, variable) -> {
              int declaredAt = declared.getOrDefault(variable, -1); // parameters: before every loop
              if (declaredAt < start && inside.contains(use)) {
                escapeAt(variable, start);
              }
            });
      }
    }

    private List<Map.Entry<Object, Integer>> sortedByDeclaration() {
      List<Map.Entry<Object, Integer>> locals = new ArrayList<>(declared.entrySet());
      locals.sort(Map.Entry.comparingByValue());
      return locals;
    }
  }

}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.Statement;
import io.mapguard.engine.extract.CallShapes;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.model.MapCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Describes the syntax around a map call ({@link MapCall}) exactly as the javac front end's
 * {@code CallSyntax} does: keys as text, where the result goes, which if tests it, which branches
 * enclose the call.
 */
final class LintCallSyntax {
  private final LintSymbols symbols;
  private final Map<Node, LocalWrites> localWrites = new IdentityHashMap<>();

  private final CallShapes<Node> shapes;
  /** The values of a method's locals, as the shared loop shapes ask for them. */
  private final CallShapes.LocalValues<Node> localValues;

  LintCallSyntax(LintSymbols symbols) {
    this.symbols = symbols;
    this.shapes = new CallShapes<>(new LintSyntax(symbols));
    this.localValues = (local, use) -> valuesOf((Node) local, use.leaf());
  }

  MapCall describe(MethodCallExpr call, Function<Expression, Object> fieldOf, Object field) {
    Node body = enclosingMethod(call);
    Set<Node> assigned = localWrites(body).assigned();
    String key =
        call.getArguments().isEmpty()
            ? null
            : shapes.key(call.getArgument(0), e -> isReassignedLocal((NameExpr) e, assigned));
    Set<String> valueNames = new LinkedHashSet<>();
    String valueLocal = null;
    int valueReadLine = 0;
    int valueReassigned = 0;
    if (call.getArguments().size() >= 2) {
      Expression value = call.getArgument(1);
      List<NameExpr> names = new ArrayList<>(AstNodes.all(value, NameExpr.class));
      for (NameExpr name : names) {
        if (symbols.variable(name) != null) {
          valueNames.add(name.getNameAsString());
        }
      }
      Expression v = LintSymbols.skipParens(value);
      if (v instanceof NameExpr) {
        LintSymbols.Variable variable = symbols.variable((NameExpr) v);
        if (variable != null && !variable.isField()) {
          valueLocal = variable.name();
          valueReadLine = nextUseIfRead(body, call, variable);
          valueReassigned = lastIndependentAssignment(body, call, variable.declaration());
        }
      }
    }
    SyntaxPath<Node> path = LintSyntax.path(call);
    Function<Node, Object> mapOf = node -> fieldOf.apply((Expression) node);
    CallShapes.ResultUse result = shapes.resultUse(path);
    return new MapCall(
        key,
        Set.copyOf(valueNames),
        valueLocal,
        result.discarded(),
        result.local(),
        result.test(),
        shapes.branches(path),
        shapes.argumentOf(path, mapOf, field),
        valueReadLine,
        call.getArguments().size(),
        null,
        shapes.enclosingLoop(path, mapOf, field, localValues),
        shapes.exitsAfter(path),
        shapes.enclosingUpdate(path, mapOf, field),
        valueReassigned);
  }

  /**
   * The position of the local's last assignment (or initializer) before {@code call} when that
   * assignment does not read the local; 0 when it does, or there is none. As the javac front end.
   */
  private int lastIndependentAssignment(Node body, MethodCallExpr call, Node local) {
    if (body == null) {
      return 0;
    }
    int callOrder = LintSourceSites.order(call);
    List<Node> assignments = new ArrayList<>();
    if (local instanceof VariableDeclarator && ((VariableDeclarator) local).getInitializer().isPresent()) {
      assignments.add(local);
    }
    assignments.addAll(localWrites(body).assignments().getOrDefault(local, List.of()));
    int last = 0;
    boolean readsLocal = false;
    for (Node assignment : assignments) {
      int order = LintSourceSites.order(assignment);
      if (order < callOrder && order > last) {
        last = order;
        Expression value =
            assignment instanceof AssignExpr
                ? ((AssignExpr) assignment).getValue()
                : ((VariableDeclarator) assignment).getInitializer().get();
        readsLocal = AstNodes.all(value, NameExpr.class).stream().anyMatch(n -> refersTo(n, local));
      }
    }
    return readsLocal ? 0 : last;
  }

  // ------------------------------------------------------------------ loops

  /** See {@link CallShapes#enclosingLoop}. */
  MapCall.Loop enclosingLoop(Node node, Function<Expression, Object> fieldOf, Object field) {
    return shapes.enclosingLoop(
        LintSyntax.path(node), n -> fieldOf.apply((Expression) n), field, localValues);
  }

  /** See {@link CallShapes#enclosingUpdate}. */
  MapCall.Update enclosingUpdate(Node node, Function<Expression, Object> fieldOf, Object field) {
    return shapes.enclosingUpdate(LintSyntax.path(node), n -> fieldOf.apply((Expression) n), field);
  }

  /** See {@link CallShapes#updateAround}. */
  CallShapes.UpdateCall updateAround(Node node, Function<Expression, Object> fieldOf) {
    return shapes.updateAround(LintSyntax.path(node), n -> fieldOf.apply((Expression) n));
  }

  /** Whether nothing of an enclosing loop runs after the statement holding {@code node}. */
  static boolean exitsAfter(Node node) {
    return LintSyntax.CALL_SHAPES.exitsAfter(LintSyntax.path(node));
  }

  private static int line(Node node) {
    return node.getBegin().map(p -> p.line).orElse(0);
  }

  // ------------------------------------------------------------------ keys

  /** Whether {@code name} is a local the method assigns after its declaration. */
  private boolean isReassignedLocal(NameExpr name, Set<Node> assigned) {
    LintSymbols.Variable variable = symbols.variable(name);
    return variable != null && !variable.isField() && assigned.contains(variable.declaration());
  }

  /**
   * What a method body does to its locals (by declaration), from one pass: the plain assignments
   * to each ({@code local = value}), in order; the locals assigned after their declaration
   * ({@code =}, {@code +=}, {@code ++}…); and those changed in place ({@code +=}, {@code ++}…). As
   * the javac front end.
   */
  private record LocalWrites(
      Map<Node, List<AssignExpr>> assignments, Set<Node> assigned, Set<Node> changedInPlace) {}

  private LocalWrites localWrites(Node body) {
    if (body == null) {
      return new LocalWrites(Map.of(), Set.of(), Set.of());
    }
    return localWrites.computeIfAbsent(
        body,
        b -> {
          LocalWrites writes =
              new LocalWrites(
                  new IdentityHashMap<>(),
                  Collections.newSetFromMap(new IdentityHashMap<>()),
                  Collections.newSetFromMap(new IdentityHashMap<>()));
          for (AssignExpr assign : AstNodes.all(b, AssignExpr.class)) {
            Node local = localDeclaration(assign.getTarget());
            if (local == null) {
              continue;
            }
            writes.assigned().add(local);
            if (assign.getOperator() == AssignExpr.Operator.ASSIGN) {
              writes.assignments().computeIfAbsent(local, k -> new ArrayList<>()).add(assign);
            } else {
              writes.changedInPlace().add(local);
            }
          }
          for (UnaryExpr unary : AstNodes.all(b, UnaryExpr.class)) {
            Node local = isIncrementOrDecrement(unary) ? localDeclaration(unary.getExpression()) : null;
            if (local != null) {
              writes.assigned().add(local);
              writes.changedInPlace().add(local);
            }
          }
          return writes;
        });
  }

  /** The declaration of the local (or parameter) {@code target} names, or null. */
  private Node localDeclaration(Expression target) {
    Expression t = LintSymbols.skipParens(target);
    if (t instanceof NameExpr) {
      LintSymbols.Variable variable = symbols.variable((NameExpr) t);
      if (variable != null && !variable.isField()) {
        return variable.declaration();
      }
    }
    return null;
  }


  // ------------------------------------------------------------------ tests and branches

  static boolean exits(Statement statement) {
    return LintSyntax.CALL_SHAPES.exits(statement);
  }

  // ------------------------------------------------------------------ values

  private int nextUseIfRead(Node body, MethodCallExpr call, LintSymbols.Variable local) {
    if (body == null) {
      return 0;
    }
    int after = LintSourceSites.order(call);
    NameExpr next = null;
    for (NameExpr name : AstNodes.all(body, NameExpr.class)) {
      if (!name.getNameAsString().equals(local.name())
          || LintSourceSites.order(name) <= after
          || isInside(name, call)
          || next != null && LintSourceSites.order(name) >= LintSourceSites.order(next)) {
        continue;
      }
      LintSymbols.Variable variable = symbols.variable(name);
      if (variable != null && variable.declaration() == local.declaration()) {
        next = name;
      }
    }
    if (next == null) {
      return 0;
    }
    Node parent = next.getParentNode().orElse(null);
    boolean written =
        parent instanceof AssignExpr
            && ((AssignExpr) parent).getOperator() == AssignExpr.Operator.ASSIGN
            && ((AssignExpr) parent).getTarget() == next;
    return written ? 0 : next.getBegin().map(p -> p.line).orElse(0);
  }

  // ------------------------------------------------------------------ helpers

  /** A call made on a value ({@code method}) or a store into one of its elements ({@code []=}). */
  record ValueUse(String method, Node node) {}

  /** See {@link CallShapes#useOfValue}. */
  static ValueUse useOfValue(Node value) {
    CallShapes.ValueUse<Node> use = LintSyntax.CALL_SHAPES.useOfValue(LintSyntax.path(value));
    return use == null ? null : new ValueUse(use.method(), use.node());
  }

  private static boolean isIncrementOrDecrement(UnaryExpr unary) {
    switch (unary.getOperator()) {
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
        return true;
      default:
        return false;
    }
  }

  /**
   * Every value a local variable is given in its method, its initializer first; null when it is
   * also changed by {@code +=}, {@code ++} or the like.
   */
  List<Expression> valuesOf(Node local, Node use) {
    Node body = enclosingMethod(use);
    if (body == null) {
      return null;
    }
    LocalWrites writes = localWrites(body);
    if (writes.changedInPlace().contains(local)) {
      return null;
    }
    List<Expression> values = new ArrayList<>();
    if (local instanceof VariableDeclarator) {
      ((VariableDeclarator) local).getInitializer().ifPresent(values::add);
    }
    for (AssignExpr assign : writes.assignments().getOrDefault(local, List.of())) {
      values.add(assign.getValue());
    }
    return values;
  }

  /** See {@link CallShapes#holdsLockArguments}. */
  @SuppressWarnings("unchecked") // the port hands back the nodes it was given
  static List<Expression> holdsLockArguments(Expression condition) {
    return (List<Expression>) (List<? extends Node>) LintSyntax.CALL_SHAPES.holdsLockArguments(condition);
  }

  /** The calls in the local's method that take it as an argument. */
  List<MethodCallExpr> callsTaking(Node local, Node use) {
    Node body = enclosingMethod(use);
    List<MethodCallExpr> calls = new ArrayList<>();
    if (body != null) {
      for (MethodCallExpr call : AstNodes.all(body, MethodCallExpr.class)) {
        if (call.getArguments().stream().anyMatch(argument -> refersTo(argument, local))) {
          calls.add(call);
        }
      }
    }
    return calls;
  }

  private boolean refersTo(Expression expression, Node local) {
    Expression e = LintSymbols.skipParens(expression);
    if (!(e instanceof NameExpr)) {
      return false;
    }
    LintSymbols.Variable variable = symbols.variable((NameExpr) e);
    return variable != null && variable.declaration() == local;
  }

  /** The node itself or the outermost parentheses / cast wrapping it: what its parent holds. */
  static Node outermostParens(Node node) {
    Node leaf = node;
    while (leaf.getParentNode().orElse(null) instanceof EnclosedExpr
        || leaf.getParentNode().orElse(null) instanceof CastExpr) {
      leaf = leaf.getParentNode().get();
    }
    return leaf;
  }

  private static Node enclosingMethod(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration) {
        return n;
      }
      if (n instanceof TypeDeclaration) {
        return n;
      }
    }
    return null;
  }

  private static boolean isInside(Node node, Node ancestor) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The parent of the expression once parentheses and casts around it are left out. */
  static Node parentSkippingParens(Node node) {
    Node parent = node.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
      parent = parent.getParentNode().orElse(null);
    }
    return parent;
  }
}

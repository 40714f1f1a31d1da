package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.model.NullableArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether an argument may be null where it is passed, read from JavaParser trees the way the javac
 * front end's NullSyntax reads javac's: the literal, a local assigned null or a nullable result, a
 * {@code @Nullable} parameter, a method of the file that returns null, another map's {@code get} —
 * and no null check before the call that rules it out.
 */
final class LintNullSyntax {
  /** Why an argument may be null. */
  record Source(NullableArgument.Source kind, String detail, int line) {}

  /** Calls that throw when their first argument is null, so it is not null after them. */
  private static final Set<String> NULL_CHECKING_CALLS = Set.of("requireNonNull", "checkNotNull", "notNull");

  private final LintSymbols symbols;
  private final LintCallSyntax callSyntax;

  LintNullSyntax(LintSymbols symbols, LintCallSyntax callSyntax) {
    this.symbols = symbols;
    this.callSyntax = callSyntax;
  }

  /** Why {@code argument} of {@code call} may be null there, or null. */
  Source sourceOf(Expression argument, MethodCallExpr call) {
    Expression e = LintSymbols.skipParensAndCasts(argument);
    if (e instanceof NullLiteralExpr) {
      return new Source(NullableArgument.Source.LITERAL, null, 0);
    }
    Source direct = resultSource(e);
    if (direct != null) {
      return direct.kind() == NullableArgument.Source.MAP_GET && checked(null, direct.detail(), call)
          ? null
          : direct;
    }
    if (!(e instanceof NameExpr)) {
      return null;
    }
    LintSymbols.Variable variable = symbols.variable((NameExpr) e);
    if (variable == null || variable.isField()) {
      return null;
    }
    String name = variable.name();
    Source source = null;
    if (variable.declaration() instanceof Parameter) {
      Parameter parameter = (Parameter) variable.declaration();
      if (isNullable(parameter.getAnnotations()) || isNullable(parameter.getType().getAnnotations())) {
        source = new Source(NullableArgument.Source.NULLABLE_PARAMETER, name, 0);
      }
    } else {
      List<Expression> values = callSyntax.valuesOf(variable.declaration(), call);
      List<Expression> before = new ArrayList<>();
      for (Expression value : values == null ? List.<Expression>of() : values) {
        if (before(value, call)) {
          before.add(value);
        }
      }
      // The last assignment wins when it is made in straight-line code before the call.
      if (!before.isEmpty() && assignedOnTheWay(before.get(before.size() - 1), call)) {
        before = before.subList(before.size() - 1, before.size());
      }
      for (Expression value : before) {
        Expression v = LintSymbols.skipParensAndCasts(value);
        source =
            v instanceof NullLiteralExpr
                ? new Source(NullableArgument.Source.ASSIGNED_NULL, name, line(v))
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
   * Whether the variable is handed to a method before the call: that method may check it (or
   * return early for null, as in {@code V v = safeGet(map, key); if (v == null) return;}).
   */
  private boolean passedBefore(LintSymbols.Variable variable, MethodCallExpr call) {
    for (MethodCallExpr other : callSyntax.callsTaking(variable.declaration(), call)) {
      if (other != call && before(other, call)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code value} is assigned by a statement of a block around the call, before it: then it
   * is the value the local has at the call.
   */
  private static boolean assignedOnTheWay(Expression value, Node call) {
    for (Node child = call, parent = call.getParentNode().orElse(null);
        parent != null;
        child = parent, parent = parent.getParentNode().orElse(null)) {
      if (parent instanceof CallableDeclaration || parent instanceof LambdaExpr || parent instanceof TypeDeclaration) {
        return false;
      }
      if (parent instanceof BlockStmt) {
        for (Statement statement : ((BlockStmt) parent).getStatements()) {
          if (statement == child) {
            break;
          }
          if (statement instanceof ExpressionStmt && assigns((ExpressionStmt) statement, value)
              || assignsInTry(statement, value)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** {@code try { v = value; } catch (E e) { throw ...; }}: after the try, v holds value. */
  private static boolean assignsInTry(Statement statement, Expression value) {
    if (!(statement instanceof TryStmt)) {
      return false;
    }
    TryStmt attempt = (TryStmt) statement;
    return attempt.getTryBlock().getStatements().stream()
            .anyMatch(s -> s instanceof ExpressionStmt && assigns((ExpressionStmt) s, value))
        && attempt.getCatchClauses().stream().allMatch(c -> LintCallSyntax.exits(c.getBody()));
  }

  private static boolean assigns(ExpressionStmt statement, Expression value) {
    Expression e = statement.getExpression();
    if (e instanceof AssignExpr) {
      return ((AssignExpr) e).getValue() == value;
    }
    return e instanceof VariableDeclarationExpr
        && ((VariableDeclarationExpr) e).getVariables().stream()
            .anyMatch(v -> v.getInitializer().orElse(null) == value);
  }

  /** A call whose result may be null: another map's get, or a method of this file. */
  private Source resultSource(Expression e) {
    if (!(e instanceof MethodCallExpr)) {
      return null;
    }
    MethodCallExpr call = (MethodCallExpr) e;
    if (call.getNameAsString().equals("get")
        && call.getArguments().size() == 1
        && call.getScope().isPresent()
        && isMap(symbols.typeOf(call.getScope().get()))) {
      return new Source(NullableArgument.Source.MAP_GET, call.getScope().get().toString(), line(call));
    }
    if (call.getScope().isPresent() && !(call.getScope().get() instanceof ThisExpr)
        && symbols.variableOf(call.getScope().get()) != null) {
      return null; // a method of another object
    }
    MethodDeclaration method =
        symbols.method(symbols.receiverType(call), call.getNameAsString(), call.getArguments().size());
    if (method == null) {
      return null;
    }
    String name = method.getNameAsString();
    if (isNullable(method.getAnnotations()) || isNullable(method.getType().getAnnotations())) {
      return new Source(NullableArgument.Source.NULLABLE_METHOD, name, line(call));
    }
    int returnsNull = method.getBody().map(LintNullSyntax::returnsNull).orElse(0);
    return returnsNull > 0 ? new Source(NullableArgument.Source.METHOD_RETURNS_NULL, name, returnsNull) : null;
  }

  private boolean isMap(String type) {
    return type != null && symbols.types().isSubtype(type, "java.util.Map");
  }

  /** The line of the first {@code return null} in {@code node}, outside lambdas and nested classes; else 0. */
  private static int returnsNull(Node node) {
    if (node instanceof LambdaExpr || node instanceof TypeDeclaration || node instanceof ObjectCreationExpr) {
      return 0;
    }
    if (node instanceof ReturnStmt
        && ((ReturnStmt) node).getExpression().map(LintSymbols::skipParensAndCasts).orElse(null)
            instanceof NullLiteralExpr) {
      return line(node);
    }
    for (Node child : node.getChildNodes()) {
      int line = returnsNull(child);
      if (line > 0) {
        return line;
      }
    }
    return 0;
  }

  private boolean isNullable(NodeList<AnnotationExpr> annotations) {
    for (AnnotationExpr annotation : annotations) {
      String resolved = symbols.types().resolveName(annotation.getNameAsString(), annotation);
      if (resolved != null && ConcurrencyAnnotations.NULLABLE.contains(resolved)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ null checks

  /**
   * Whether a check before the call shows that local {@code name} (when not null) is not null, or
   * that {@code map} (when not null) contains the key; see NullSyntax in the javac front end.
   */
  private boolean checked(String name, String map, Node call) {
    for (Node child = call, parent = call.getParentNode().orElse(null);
        parent != null;
        child = parent, parent = parent.getParentNode().orElse(null)) {
      if (parent instanceof CallableDeclaration || parent instanceof LambdaExpr || parent instanceof TypeDeclaration) {
        return false;
      }
      if (parent instanceof IfStmt) {
        IfStmt test = (IfStmt) parent;
        if (test.getThenStmt() == child && anyConjunct(test.getCondition(), name, map)
            || test.getElseStmt().orElse(null) == child && anyNullTest(test.getCondition(), name)) {
          return true;
        }
      } else if (parent instanceof ConditionalExpr) {
        ConditionalExpr test = (ConditionalExpr) parent;
        if (test.getThenExpr() == child && anyConjunct(test.getCondition(), name, map)
            || test.getElseExpr() == child && anyNullTest(test.getCondition(), name)) {
          return true;
        }
      } else if (parent instanceof WhileStmt) {
        if (((WhileStmt) parent).getBody() == child && anyConjunct(((WhileStmt) parent).getCondition(), name, map)) {
          return true;
        }
      } else if (parent instanceof BlockStmt) {
        for (Statement statement : ((BlockStmt) parent).getStatements()) {
          if (statement == child) {
            break;
          }
          if (checks(statement, name, map)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** An earlier statement after which {@code name} is not null. */
  private boolean checks(Statement statement, String name, String map) {
    if (statement instanceof IfStmt) {
      IfStmt test = (IfStmt) statement;
      return anyNullTest(test.getCondition(), name)
          && (LintCallSyntax.exits(test.getThenStmt()) || name != null && assigns(test.getThenStmt(), name));
    }
    if (statement instanceof AssertStmt) {
      return anyConjunct(((AssertStmt) statement).getCheck(), name, map);
    }
    if (statement instanceof ExpressionStmt && name != null) {
      Expression e = ((ExpressionStmt) statement).getExpression();
      if (e instanceof AssignExpr) {
        e = ((AssignExpr) e).getValue();
      }
      e = LintSymbols.skipParensAndCasts(e);
      if (e instanceof MethodCallExpr) {
        MethodCallExpr call = (MethodCallExpr) e;
        return NULL_CHECKING_CALLS.contains(call.getNameAsString())
            && !call.getArguments().isEmpty()
            && isName(call.getArgument(0), name);
      }
    }
    return false;
  }

  private static boolean assigns(Node node, String name) {
    return AstNodes.all(node, AssignExpr.class).stream().anyMatch(a -> isName(a.getTarget(), name));
  }

  private static boolean anyConjunct(Expression condition, String name, String map) {
    Expression c = LintSymbols.skipParens(condition);
    if (c instanceof BinaryExpr && ((BinaryExpr) c).getOperator() == BinaryExpr.Operator.AND) {
      return anyConjunct(((BinaryExpr) c).getLeft(), name, map) || anyConjunct(((BinaryExpr) c).getRight(), name, map);
    }
    if (name != null && c instanceof BinaryExpr && ((BinaryExpr) c).getOperator() == BinaryExpr.Operator.NOT_EQUALS) {
      return comparesWithNull((BinaryExpr) c, name);
    }
    if (name != null && c instanceof BinaryExpr && ((BinaryExpr) c).getOperator() == BinaryExpr.Operator.EQUALS) {
      return comparesWithNonNull((BinaryExpr) c, name); // v == marker: v is the (non-null) marker
    }
    if (name != null
        && c instanceof MethodCallExpr
        && ((MethodCallExpr) c).getNameAsString().equals("equals")
        && ((MethodCallExpr) c).getArguments().size() == 1
        && isName(((MethodCallExpr) c).getArgument(0), name)) {
      return true; // "x".equals(v)
    }
    if (name != null && c instanceof InstanceOfExpr) {
      return isName(((InstanceOfExpr) c).getExpression(), name);
    }
    if (map != null && c instanceof MethodCallExpr && ((MethodCallExpr) c).getScope().isPresent()) {
      MethodCallExpr call = (MethodCallExpr) c;
      return call.getNameAsString().equals("containsKey") && call.getScope().get().toString().equals(map);
    }
    return false;
  }

  private static boolean anyNullTest(Expression condition, String name) {
    Expression c = LintSymbols.skipParens(condition);
    if (name == null || !(c instanceof BinaryExpr)) {
      return false;
    }
    BinaryExpr binary = (BinaryExpr) c;
    if (binary.getOperator() == BinaryExpr.Operator.OR) {
      return anyNullTest(binary.getLeft(), name) || anyNullTest(binary.getRight(), name);
    }
    return binary.getOperator() == BinaryExpr.Operator.EQUALS && comparesWithNull(binary, name);
  }

  private static boolean comparesWithNull(BinaryExpr test, String name) {
    return LintSymbols.skipParens(test.getLeft()) instanceof NullLiteralExpr && isName(test.getRight(), name)
        || LintSymbols.skipParens(test.getRight()) instanceof NullLiteralExpr && isName(test.getLeft(), name);
  }

  private static boolean comparesWithNonNull(BinaryExpr test, String name) {
    return isName(test.getLeft(), name) && !(LintSymbols.skipParens(test.getRight()) instanceof NullLiteralExpr)
        || isName(test.getRight(), name) && !(LintSymbols.skipParens(test.getLeft()) instanceof NullLiteralExpr);
  }

  private static boolean isName(Expression expression, String name) {
    Expression e = LintSymbols.skipParens(expression);
    return e instanceof NameExpr && ((NameExpr) e).getNameAsString().equals(name);
  }

  private static boolean before(Node a, Node b) {
    return a.getBegin().isPresent() && b.getBegin().isPresent() && a.getBegin().get().isBefore(b.getBegin().get());
  }

  private static int line(Node node) {
    return node.getBegin().map(p -> p.line).orElse(0);
  }
}

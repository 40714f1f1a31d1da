package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAnnotatedType;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import com.sun.tools.javac.tree.JCTree.JCAssert;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCConditional;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCExpressionStatement;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCIf;
import com.sun.tools.javac.tree.JCTree.JCInstanceOf;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCReturn;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.JCTree.JCWhileLoop;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.model.NullableArgument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an argument may be null where it is passed: the literal, a local assigned null or a
 * nullable result, a {@code @Nullable} parameter, a method of the file that returns null, another
 * map's {@code get} — and no null check before the call rules it out. Syntax only; mapvet's
 * LintNullSyntax reads JavaParser trees the same way.
 */
final class NullSyntax {
  /** Why an argument may be null. */
  record Source(NullableArgument.Source kind, String detail, int line) {}

  /** Calls that throw when their first argument is null, so it is not null after them. */
  private static final Set<String> NULL_CHECKING_CALLS = Set.of("requireNonNull", "checkNotNull", "notNull");

  private final JCCompilationUnit unit;
  private final CallSyntax callSyntax;
  private final JavacTypes types;
  private Map<Symbol, JCMethodDecl> methods;

  NullSyntax(JCCompilationUnit unit, CallSyntax callSyntax, JavacTypes types) {
    this.unit = unit;
    this.callSyntax = callSyntax;
    this.types = types;
  }

  /** Why {@code argument} of the call at {@code callPath} may be null there, or null. */
  Source sourceOf(JCExpression argument, TreePath callPath) {
    JCExpression e = CallSyntax.skipParensAndCasts(argument);
    if (isNullLiteral(e)) {
      return new Source(NullableArgument.Source.LITERAL, null, 0);
    }
    Source direct = resultSource(e);
    if (direct != null) {
      return direct.kind() == NullableArgument.Source.MAP_GET
              && checked(null, direct.detail(), callPath)
          ? null
          : direct;
    }
    if (!(e instanceof JCIdent) || !CallSyntax.isLocal(((JCIdent) e).sym)) {
      return null;
    }
    Symbol variable = ((JCIdent) e).sym;
    String name = ((JCIdent) e).name.toString();
    Source source = null;
    JCVariableDecl parameter = parameterDeclaration(variable, callPath);
    if (parameter != null) {
      if (isNullable(parameter.mods.annotations) || isNullable(parameter.vartype)) {
        source = new Source(NullableArgument.Source.NULLABLE_PARAMETER, name, 0);
      }
    } else {
      List<JCExpression> values = callSyntax.valuesOf(variable, callPath);
      int callStart = ((JCTree) callPath.getLeaf()).getStartPosition();
      List<JCExpression> before = new ArrayList<>();
      for (JCExpression value : values == null ? List.<JCExpression>of() : values) {
        if (value.getStartPosition() < callStart) {
          before.add(value);
        }
      }
      // The last assignment wins when it is made in straight-line code before the call.
      if (!before.isEmpty() && assignedOnTheWay(before.get(before.size() - 1), callPath)) {
        before = before.subList(before.size() - 1, before.size());
      }
      for (JCExpression value : before) {
        JCExpression v = CallSyntax.skipParensAndCasts(value);
        source =
            isNullLiteral(v) ? new Source(NullableArgument.Source.ASSIGNED_NULL, name, line(v)) : resultSource(v);
        if (source != null) {
          break;
        }
      }
    }
    if (source == null) {
      return null;
    }
    String checkedMap = source.kind() == NullableArgument.Source.MAP_GET ? source.detail() : null;
    return checked(name, checkedMap, callPath) || passedBefore(variable, callPath) ? null : source;
  }

  /**
   * Whether the variable is handed to a method before the call: that method may check it (or
   * return early for null, as in {@code V v = safeGet(map, key); if (v == null) return;}).
   */
  private boolean passedBefore(Symbol variable, TreePath callPath) {
    JCTree call = (JCTree) callPath.getLeaf();
    for (JCMethodInvocation other : callSyntax.callsTaking(variable, callPath)) {
      if (other != call && other.getStartPosition() < call.getStartPosition()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code value} is assigned by a statement of a block around the call, before it: then it
   * is the value the local has at the call.
   */
  private static boolean assignedOnTheWay(JCExpression value, TreePath callPath) {
    for (TreePath p = callPath; p.getParentPath() != null; p = p.getParentPath()) {
      JCTree parent = (JCTree) p.getParentPath().getLeaf();
      if (parent instanceof JCMethodDecl || parent instanceof JCLambda || parent instanceof JCClassDecl) {
        return false;
      }
      if (parent instanceof JCBlock) {
        for (JCStatement statement : ((JCBlock) parent).stats) {
          if (statement == p.getLeaf()) {
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

  private static boolean assigns(JCStatement statement, JCExpression value) {
    return statement instanceof JCVariableDecl && ((JCVariableDecl) statement).init == value
        || statement instanceof JCExpressionStatement
            && ((JCExpressionStatement) statement).expr instanceof JCAssign
            && ((JCAssign) ((JCExpressionStatement) statement).expr).rhs == value;
  }

  /** {@code try { v = value; } catch (E e) { throw ...; }}: after the try, v holds value. */
  private static boolean assignsInTry(JCStatement statement, JCExpression value) {
    if (!(statement instanceof JCTree.JCTry)) {
      return false;
    }
    JCTree.JCTry attempt = (JCTree.JCTry) statement;
    return attempt.body.stats.stream().anyMatch(s -> assigns(s, value))
        && attempt.catchers.stream().allMatch(c -> CallSyntax.exits(c.body));
  }

  /** A call whose result may be null: another map's get, or a method of this file. */
  private Source resultSource(JCExpression e) {
    if (!(e instanceof JCMethodInvocation)) {
      return null;
    }
    JCMethodInvocation call = (JCMethodInvocation) e;
    if (call.meth instanceof JCFieldAccess
        && ((JCFieldAccess) call.meth).name.contentEquals("get")
        && call.args.size() == 1
        && types.isMap(((JCFieldAccess) call.meth).selected.type)) {
      return new Source(NullableArgument.Source.MAP_GET, ((JCFieldAccess) call.meth).selected.toString(), line(call));
    }
    if (call.meth instanceof JCFieldAccess
        && TreeInfo.symbol(((JCFieldAccess) call.meth).selected) instanceof Symbol.VarSymbol
        && !TreeInfo.name(((JCFieldAccess) call.meth).selected).contentEquals("this")) {
      return null; // a method of another object
    }
    JCMethodDecl method = methods().get(TreeInfo.symbol(call.meth));
    if (method == null) {
      return null;
    }
    String name = method.name.toString();
    if (isNullable(method.mods.annotations) || isNullable(method.restype)) {
      return new Source(NullableArgument.Source.NULLABLE_METHOD, name, line(call));
    }
    int returnsNull = returnsNull(method);
    return returnsNull > 0 ? new Source(NullableArgument.Source.METHOD_RETURNS_NULL, name, returnsNull) : null;
  }

  /** The line of the method's first {@code return null}, outside lambdas and nested classes; else 0. */
  private int returnsNull(JCMethodDecl method) {
    int[] line = new int[1];
    new TreeScanner() {
      @Override
      public void visitReturn(JCReturn tree) {
        if (line[0] == 0 && tree.expr != null && isNullLiteral(CallSyntax.skipParensAndCasts(tree.expr))) {
          line[0] = line(tree);
        }
      }

      @Override
      public void visitLambda(JCLambda tree) {}

      @Override
      public void visitClassDef(JCClassDecl tree) {}
    }.scan(method.body);
    return line[0];
  }

  private Map<Symbol, JCMethodDecl> methods() {
    if (methods == null) {
      methods = new HashMap<>();
      new TreeScanner() {
        @Override
        public void visitMethodDef(JCMethodDecl tree) {
          if (tree.sym != null) {
            methods.put(tree.sym, tree);
          }
          super.visitMethodDef(tree);
        }
      }.scan(unit);
    }
    return methods;
  }

  private static JCVariableDecl parameterDeclaration(Symbol variable, TreePath path) {
    if (!(variable.owner instanceof MethodSymbol)) {
      return null;
    }
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      List<JCVariableDecl> parameters =
          p.getLeaf() instanceof JCMethodDecl
              ? ((JCMethodDecl) p.getLeaf()).params
              : p.getLeaf() instanceof JCLambda ? ((JCLambda) p.getLeaf()).params : List.of();
      for (JCVariableDecl parameter : parameters) {
        if (parameter.sym == variable) {
          return parameter;
        }
      }
      if (p.getLeaf() instanceof JCClassDecl) {
        return null;
      }
    }
    return null;
  }

  private static boolean isNullable(List<JCAnnotation> annotations) {
    for (JCAnnotation annotation : annotations) {
      if (annotation.annotationType.type != null
          && ConcurrencyAnnotations.NULLABLE.contains(
              annotation.annotationType.type.tsym.getQualifiedName().toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNullable(JCTree type) {
    return type instanceof JCAnnotatedType && isNullable(((JCAnnotatedType) type).annotations);
  }

  // ------------------------------------------------------------------ null checks

  /**
   * Whether a check before the call shows that local {@code name} (when not null) is not null, or
   * that {@code map} (when not null) contains the key: an enclosing {@code if (name != null)}, the
   * else-branch of {@code if (name == null)}, an earlier {@code if (name == null) return;} (or one
   * that assigns {@code name}), {@code requireNonNull(name)}, {@code assert name != null}.
   */
  private boolean checked(String name, String map, TreePath callPath) {
    for (TreePath p = callPath; p.getParentPath() != null; p = p.getParentPath()) {
      JCTree child = (JCTree) p.getLeaf();
      JCTree parent = (JCTree) p.getParentPath().getLeaf();
      if (parent instanceof JCMethodDecl || parent instanceof JCLambda || parent instanceof JCClassDecl) {
        return false;
      }
      if (parent instanceof JCIf) {
        JCIf test = (JCIf) parent;
        if (test.thenpart == child && anyConjunct(test.cond, name, map)
            || test.elsepart == child && anyNullTest(test.cond, name)) {
          return true;
        }
      } else if (parent instanceof JCConditional) {
        JCConditional test = (JCConditional) parent;
        if (test.truepart == child && anyConjunct(test.cond, name, map)
            || test.falsepart == child && anyNullTest(test.cond, name)) {
          return true;
        }
      } else if (parent instanceof JCWhileLoop) {
        if (((JCWhileLoop) parent).body == child && anyConjunct(((JCWhileLoop) parent).cond, name, map)) {
          return true;
        }
      } else if (parent instanceof JCBlock) {
        for (JCStatement statement : ((JCBlock) parent).stats) {
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
  private boolean checks(JCStatement statement, String name, String map) {
    if (statement instanceof JCIf) {
      JCIf test = (JCIf) statement;
      return anyNullTest(test.cond, name)
          && (CallSyntax.exits(test.thenpart) || name != null && assigns(test.thenpart, name));
    }
    if (statement instanceof JCAssert) {
      return anyConjunct(((JCAssert) statement).cond, name, map);
    }
    if (statement instanceof JCExpressionStatement && name != null) {
      JCExpression e = ((JCExpressionStatement) statement).expr;
      if (e instanceof JCAssign) {
        e = ((JCAssign) e).rhs;
      }
      e = CallSyntax.skipParensAndCasts(e);
      if (e instanceof JCMethodInvocation) {
        JCMethodInvocation call = (JCMethodInvocation) e;
        Symbol method = TreeInfo.symbol(call.meth);
        return method != null
            && NULL_CHECKING_CALLS.contains(method.getSimpleName().toString())
            && !call.args.isEmpty()
            && isName(call.args.get(0), name);
      }
    }
    return false;
  }

  private static boolean assigns(JCTree tree, String name) {
    boolean[] found = new boolean[1];
    new TreeScanner() {
      @Override
      public void visitAssign(JCAssign assign) {
        found[0] |= isName(assign.lhs, name);
        super.visitAssign(assign);
      }
    }.scan(tree);
    return found[0];
  }

  /** A conjunct of {@code condition} that holds only when {@code name} is not null or {@code map} has the key. */
  private static boolean anyConjunct(JCExpression condition, String name, String map) {
    JCExpression c = TreeInfo.skipParens(condition);
    if (c.hasTag(JCTree.Tag.AND)) {
      return anyConjunct(((JCBinary) c).lhs, name, map) || anyConjunct(((JCBinary) c).rhs, name, map);
    }
    if (name != null && c.hasTag(JCTree.Tag.NE)) {
      return comparesWithNull((JCBinary) c, name);
    }
    if (name != null && c.hasTag(JCTree.Tag.EQ)) {
      return comparesWithNonNull((JCBinary) c, name); // v == marker: v is the (non-null) marker
    }
    if (name != null
        && c instanceof JCMethodInvocation
        && TreeInfo.name(((JCMethodInvocation) c).meth).contentEquals("equals")
        && ((JCMethodInvocation) c).args.size() == 1
        && isName(((JCMethodInvocation) c).args.get(0), name)) {
      return true; // "x".equals(v)
    }
    if (name != null && c instanceof JCInstanceOf) {
      return isName(((JCInstanceOf) c).expr, name);
    }
    if (map != null && c instanceof JCMethodInvocation && ((JCMethodInvocation) c).meth instanceof JCFieldAccess) {
      JCFieldAccess select = (JCFieldAccess) ((JCMethodInvocation) c).meth;
      return select.name.contentEquals("containsKey") && select.selected.toString().equals(map);
    }
    return false;
  }

  /** A disjunct of {@code condition} that is {@code name == null}. */
  private static boolean anyNullTest(JCExpression condition, String name) {
    JCExpression c = TreeInfo.skipParens(condition);
    if (name == null) {
      return false;
    }
    if (c.hasTag(JCTree.Tag.OR)) {
      return anyNullTest(((JCBinary) c).lhs, name) || anyNullTest(((JCBinary) c).rhs, name);
    }
    return c.hasTag(JCTree.Tag.EQ) && comparesWithNull((JCBinary) c, name);
  }

  private static boolean comparesWithNull(JCBinary test, String name) {
    return isNullLiteral(TreeInfo.skipParens(test.lhs)) && isName(test.rhs, name)
        || isNullLiteral(TreeInfo.skipParens(test.rhs)) && isName(test.lhs, name);
  }

  private static boolean comparesWithNonNull(JCBinary test, String name) {
    return isName(test.lhs, name) && !isNullLiteral(TreeInfo.skipParens(test.rhs))
        || isName(test.rhs, name) && !isNullLiteral(TreeInfo.skipParens(test.lhs));
  }

  private static boolean isName(JCExpression expression, String name) {
    JCExpression e = TreeInfo.skipParens(expression);
    return e instanceof JCIdent && ((JCIdent) e).name.contentEquals(name);
  }

  private static boolean isNullLiteral(JCExpression e) {
    return e instanceof JCLiteral && ((JCLiteral) e).getValue() == null && e.hasTag(JCTree.Tag.LITERAL)
        && ((JCLiteral) e).typetag == com.sun.tools.javac.code.TypeTag.BOT;
  }

  private int line(JCTree tree) {
    return (int) unit.getLineMap().getLineNumber(tree.getStartPosition());
  }
}

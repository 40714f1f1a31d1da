package io.mapguard.javac;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCAssignOp;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCUnary;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import io.mapguard.engine.extract.CallShapes;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.model.MapCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Describes the syntax around a map call for the engine's per-method rules ({@link MapCall}). Only
 * syntax: keys as text, where the result goes, which if tests it, which branches enclose the call.
 * The JavaParser front end's {@code LintCallSyntax} produces the same descriptions.
 */
final class CallSyntax {
  private final JCCompilationUnit unit;
  private final Map<JCTree, LocalWrites> localWrites = new IdentityHashMap<>();
  private final Map<JCTree, Map<Symbol, List<int[]>>> occurrences = new IdentityHashMap<>();

  private final CallShapes<JCTree> shapes;
  /** The values of a method's locals, as the shared loop shapes ask for them. */
  private final CallShapes.LocalValues<JCTree> localValues;

  CallSyntax(JCCompilationUnit unit) {
    this.unit = unit;
    this.shapes = new CallShapes<>(new JavacSyntax(unit));
    this.localValues = (local, use) -> valuesIn((Symbol) local, enclosingMethod(use));
  }

  /**
   * @param callPath the path of the call
   * @param fieldOf the map field an expression denotes, or null
   * @param field the field the call is made on
   */
  MapCall describe(TreePath callPath, Function<JCExpression, Object> fieldOf, Object field) {
    JCMethodInvocation call = (JCMethodInvocation) callPath.getLeaf();
    JCTree body = enclosingMethod(callPath);
    Set<Symbol> assigned = localWrites(body).assigned();
    String key =
        call.args.isEmpty()
            ? null
            : shapes.key(
                call.args.get(0),
                e -> isLocal(((JCIdent) e).sym) && assigned.contains(((JCIdent) e).sym));
    Set<String> valueNames = new LinkedHashSet<>();
    String valueLocal = null;
    int valueReadLine = 0;
    int valueReassigned = 0;
    if (call.args.size() >= 2) {
      JCExpression value = call.args.get(1);
      new TreeScanner() {
        @Override
        public void visitIdent(JCIdent tree) {
          if (tree.sym instanceof VarSymbol) {
            valueNames.add(tree.name.toString());
          }
        }
      }.scan(value);
      JCExpression v = TreeInfo.skipParens(value);
      if (v instanceof JCIdent && isLocal(((JCIdent) v).sym)) {
        valueLocal = ((JCIdent) v).name.toString();
        valueReadLine = nextUseIfRead(body, call, ((JCIdent) v).sym);
        valueReassigned = lastIndependentAssignment(body, call, ((JCIdent) v).sym);
      }
    }
    SyntaxPath<JCTree> path = JavacSyntax.path(callPath);
    Function<JCTree, Object> mapOf = tree -> fieldOf.apply((JCExpression) tree);
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
        call.args.size(),
        null,
        shapes.enclosingLoop(path, mapOf, field, localValues),
        shapes.exitsAfter(path),
        shapes.enclosingUpdate(path, mapOf, field),
        valueReassigned);
  }

  /**
   * The position of the local's last assignment (or initializer) before {@code call} when that
   * assignment does not read the local; 0 when it does, or there is none.
   */
  private int lastIndependentAssignment(JCTree body, JCTree call, Symbol local) {
    int callStart = call.getStartPosition();
    Assignment last = null;
    for (Assignment assignment : localWrites(body).assignments().getOrDefault(local, List.of())) {
      int start = assignment.at().getStartPosition();
      if (start < callStart && (last == null || start > last.at().getStartPosition())) {
        last = assignment;
      }
    }
    return last == null || reads(last.value(), local) ? 0 : last.at().getStartPosition();
  }

  private static boolean reads(JCTree tree, Symbol local) {
    boolean[] found = new boolean[1];
    new TreeScanner() {
      @Override
      public void visitIdent(JCIdent tree) {
        found[0] |= tree.sym == local;
      }
    }.scan(tree);
    return found[0];
  }

  // ------------------------------------------------------------------ loops

  /** See {@link CallShapes#enclosingLoop}. */
  MapCall.Loop enclosingLoop(TreePath path, Function<JCExpression, Object> fieldOf, Object field) {
    return shapes.enclosingLoop(JavacSyntax.path(path), tree -> fieldOf.apply((JCExpression) tree), field, localValues);
  }

  /** See {@link CallShapes#enclosingUpdate}. */
  MapCall.Update enclosingUpdate(TreePath path, Function<JCExpression, Object> fieldOf, Object field) {
    return shapes.enclosingUpdate(JavacSyntax.path(path), tree -> fieldOf.apply((JCExpression) tree), field);
  }

  /** See {@link CallShapes#updateAround}. */
  CallShapes.UpdateCall updateAround(TreePath path, Function<JCExpression, Object> fieldOf) {
    return shapes.updateAround(JavacSyntax.path(path), tree -> fieldOf.apply((JCExpression) tree));
  }

  /** Whether nothing of an enclosing loop runs after the statement holding {@code path}. */
  static boolean exitsAfter(TreePath path) {
    return JavacSyntax.CALL_SHAPES.exitsAfter(JavacSyntax.path(path));
  }

  private int line(JCTree tree) {
    return (int) unit.getLineMap().getLineNumber(tree.getStartPosition());
  }

  // ------------------------------------------------------------------ keys

  /** A value given to a local: its initializer ({@code at} is the declaration) or {@code local = value}. */
  private record Assignment(JCTree at, JCExpression value) {}

  /**
   * What a method body does to its locals, from one scan: the values each is given, in order; the
   * locals assigned after their declaration ({@code =}, {@code +=}, {@code ++}…); and those changed
   * in place ({@code +=}, {@code ++}…).
   */
  private record LocalWrites(
      Map<Symbol, List<Assignment>> assignments, Set<Symbol> assigned, Set<Symbol> changedInPlace) {}

  private LocalWrites localWrites(JCTree body) {
    if (body == null) {
      return new LocalWrites(Map.of(), Set.of(), Set.of());
    }
    return localWrites.computeIfAbsent(
        body,
        b -> {
          LocalWrites writes = new LocalWrites(new HashMap<>(), new HashSet<>(), new HashSet<>());
          new TreeScanner() {
            @Override
            public void visitVarDef(JCVariableDecl tree) {
              if (tree.init != null && isLocal(tree.sym)) {
                given(tree.sym, tree, tree.init);
              }
              super.visitVarDef(tree);
            }

            @Override
            public void visitAssign(JCAssign tree) {
              Symbol target = local(tree.lhs);
              if (target != null) {
                given(target, tree, tree.rhs);
                writes.assigned().add(target);
              }
              super.visitAssign(tree);
            }

            @Override
            public void visitAssignop(JCAssignOp tree) {
              changed(local(tree.lhs));
              super.visitAssignop(tree);
            }

            @Override
            public void visitUnary(JCUnary tree) {
              if (isIncrementOrDecrement(tree)) {
                changed(local(tree.arg));
              }
              super.visitUnary(tree);
            }

            private void given(Symbol local, JCTree at, JCExpression value) {
              writes.assignments().computeIfAbsent(local, k -> new ArrayList<>()).add(new Assignment(at, value));
            }

            private void changed(Symbol local) {
              if (local != null) {
                writes.assigned().add(local);
                writes.changedInPlace().add(local);
              }
            }

            private Symbol local(JCExpression target) {
              JCExpression t = TreeInfo.skipParens(target);
              return t instanceof JCIdent && isLocal(((JCIdent) t).sym) ? ((JCIdent) t).sym : null;
            }
          }.scan(b);
          return writes;
        });
  }

  // ------------------------------------------------------------------ tests and branches

  /** return, throw, break, continue, or a block / if whose every path ends in one. */
  static boolean exits(JCStatement statement) {
    return JavacSyntax.CALL_SHAPES.exits(statement);
  }

  // ------------------------------------------------------------------ values

  /** The line of the next use of {@code local} after {@code call}, when that use reads it; else 0. */
  private int nextUseIfRead(JCTree body, JCMethodInvocation call, Symbol local) {
    if (body == null) {
      return 0;
    }
    Map<Symbol, List<int[]>> uses =
        occurrences.computeIfAbsent(
            body,
            b -> {
              Map<Symbol, List<int[]>> all = new HashMap<>();
              new TreeScanner() {
                @Override
                public void visitAssign(JCAssign tree) {
                  JCExpression lhs = TreeInfo.skipParens(tree.lhs);
                  if (lhs instanceof JCIdent && isLocal(((JCIdent) lhs).sym)) {
                    all.computeIfAbsent(((JCIdent) lhs).sym, k -> new ArrayList<>())
                        .add(new int[] {lhs.getStartPosition(), 1});
                    scan(tree.rhs);
                    return;
                  }
                  super.visitAssign(tree);
                }

                @Override
                public void visitIdent(JCIdent tree) {
                  if (isLocal(tree.sym)) {
                    all.computeIfAbsent(tree.sym, k -> new ArrayList<>())
                        .add(new int[] {tree.getStartPosition(), 0});
                  }
                }
              }.scan(b);
              return all;
            });
    Set<Integer> inCall = new HashSet<>();
    new TreeScanner() {
      @Override
      public void visitIdent(JCIdent tree) {
        inCall.add(tree.getStartPosition());
      }
    }.scan(call);
    int[] next = null;
    for (int[] use : uses.getOrDefault(local, List.of())) {
      if (use[0] > call.getStartPosition()
          && !inCall.contains(use[0])
          && (next == null || use[0] < next[0])) {
        next = use;
      }
    }
    return next == null || next[1] == 1 ? 0 : (int) unit.getLineMap().getLineNumber(next[0]);
  }

  /** A call made on a value ({@code method}) or a store into one of its elements ({@code []=}). */
  record ValueUse(String method, TreePath path) {}

  /** See {@link CallShapes#useOfValue}; the path of the node that uses the value. */
  static ValueUse useOfValue(TreePath valuePath) {
    CallShapes.ValueUse<JCTree> use = JavacSyntax.CALL_SHAPES.useOfValue(JavacSyntax.path(valuePath));
    if (use == null) {
      return null;
    }
    TreePath path = valuePath;
    while (path.getLeaf() != use.node()) {
      path = path.getParentPath();
    }
    return new ValueUse(use.method(), path);
  }

  private static boolean isIncrementOrDecrement(JCTree tree) {
    switch (tree.getTag()) {
      case PREINC:
      case PREDEC:
      case POSTINC:
      case POSTDEC:
        return true;
      default:
        return false;
    }
  }

  /**
   * Every value a local variable is given in its method, its initializer first; null when it is
   * also changed by {@code +=}, {@code ++} or the like.
   */
  List<JCExpression> valuesOf(Symbol local, TreePath use) {
    return valuesIn(local, enclosingMethod(use));
  }

  private List<JCExpression> valuesIn(Symbol local, JCTree body) {
    if (body == null) {
      return null;
    }
    LocalWrites writes = localWrites(body);
    if (writes.changedInPlace().contains(local)) {
      return null;
    }
    List<JCExpression> values = new ArrayList<>();
    for (Assignment assignment : writes.assignments().getOrDefault(local, List.of())) {
      values.add(assignment.value());
    }
    return values;
  }

  /** See {@link CallShapes#holdsLockArguments}. */
  @SuppressWarnings("unchecked") // the port hands back the trees it was given
  static List<JCExpression> holdsLockArguments(JCExpression condition) {
    return (List<JCExpression>) (List<? extends JCTree>) JavacSyntax.CALL_SHAPES.holdsLockArguments(condition);
  }

  /** The calls in the local's method that take it as an argument. */
  List<JCMethodInvocation> callsTaking(Symbol local, TreePath use) {
    JCTree body = enclosingMethod(use);
    List<JCMethodInvocation> calls = new ArrayList<>();
    if (body != null) {
      new TreeScanner() {
        @Override
        public void visitApply(JCMethodInvocation tree) {
          for (JCExpression argument : tree.args) {
            if (TreeInfo.symbol(TreeInfo.skipParens(argument)) == local) {
              calls.add(tree);
            }
          }
          super.visitApply(tree);
        }
      }.scan(body);
    }
    return calls;
  }

  // ------------------------------------------------------------------ helpers

  private static JCTree enclosingMethod(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      JCTree body = methodBodyOrClass((JCTree) p.getLeaf());
      if (body != null) {
        return body;
      }
    }
    return null;
  }

  private static JCTree enclosingMethod(SyntaxPath<JCTree> path) {
    for (SyntaxPath<JCTree> p = path; p != null; p = p.parent()) {
      JCTree body = methodBodyOrClass(p.leaf());
      if (body != null) {
        return body;
      }
    }
    return null;
  }

  /** The scope of a method's locals: its body, or a class for field initializers and blocks. */
  private static JCTree methodBodyOrClass(JCTree tree) {
    if (tree instanceof JCMethodDecl) {
      return ((JCMethodDecl) tree).body;
    }
    return tree instanceof JCClassDecl ? tree : null;
  }

  static boolean isLocal(Symbol symbol) {
    return symbol instanceof VarSymbol && !(symbol.owner instanceof ClassSymbol);
  }

  static int order(Tree tree) {
    return ((JCTree) tree).getStartPosition();
  }

  static JCExpression skipParensAndCasts(JCExpression expression) {
    JCExpression e = TreeInfo.skipParens(expression);
    while (e instanceof JCTree.JCTypeCast) {
      e = TreeInfo.skipParens(((JCTree.JCTypeCast) e).expr);
    }
    return e;
  }

  static TreePath parentSkippingParens(TreePath path) {
    TreePath parent = path.getParentPath();
    while (parent != null
        && (parent.getLeaf() instanceof JCTree.JCParens
            || parent.getLeaf() instanceof JCTree.JCTypeCast)) {
      parent = parent.getParentPath();
    }
    return parent;
  }
}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import io.mapguard.engine.extract.LockNames;
import io.mapguard.engine.model.LockOperation;
import io.mapguard.engine.model.LockRef;
import io.mapguard.lint.symbols.LintSymbols;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Locks held before each statement of one body, computed on the syntax tree: {@code synchronized}
 * blocks, {@code lock()} … {@code finally { unlock(); }}, the success branch of {@code tryLock()}
 * (also {@code if (!tryLock()) return;}), read/write and stamped modes. Locks that must be held on
 * every path count (branches meet by intersection), as in the javac front end's dataflow.
 */
final class LintLockRegions {
  private final LockNames<Node> locks;
  private final Node body;
  private final Map<Node, Set<LockRef>> before = new IdentityHashMap<>();
  /**
   * The locals that keep a stamp of a StampedLock try-method ({@code long ws =
   * sl.tryConvertToWriteLock(stamp)}), by name, as the walk has met their assignments: the lock is
   * held where a test says the stamp is not 0.
   */
  private final Map<String, LockRef> stamps = new HashMap<>();

  private LintLockRegions(LockNames<Node> locks, Node body) {
    this.locks = locks;
    this.body = body;
  }

  /** Regions of a method, constructor, initializer or block lambda body. */
  static LintLockRegions of(LockNames<Node> locks, Statement body) {
    LintLockRegions regions = new LintLockRegions(locks, body);
    regions.statement(body, Set.of());
    return regions;
  }

  /** Locks held at {@code node}: its nearest enclosing statement inside this body decides. */
  Set<LockRef> heldAt(Node node) {
    for (Node n = node; n != null && n != body.getParentNode().orElse(null); n = n.getParentNode().orElse(null)) {
      Set<LockRef> held = before.get(n);
      if (held != null) {
        return held;
      }
    }
    return Set.of();
  }

  /** Processes {@code s} entered with {@code in}; returns the locks after it, or null if it never completes normally. */
  private Set<LockRef> statement(Statement s, Set<LockRef> in) {
    record(s, in);
    if (s instanceof BlockStmt) {
      Set<LockRef> state = in;
      for (Statement child : ((BlockStmt) s).getStatements()) {
        Set<LockRef> next = statement(child, state == null ? in : state);
        if (state != null) {
          state = next;
        }
      }
      return state;
    }
    if (s instanceof ExpressionStmt) {
      return expression(((ExpressionStmt) s).getExpression(), in);
    }
    if (s instanceof SynchronizedStmt) {
      SynchronizedStmt sync = (SynchronizedStmt) s;
      LockRef monitor = locks.monitor(sync.getExpression());
      Set<LockRef> out = statement(sync.getBody(), monitor == null ? in : with(in, monitor));
      return out == null ? null : in;
    }
    if (s instanceof IfStmt) {
      IfStmt branch = (IfStmt) s;
      Set<LockRef>[] split = condition(branch.getCondition(), in);
      Set<LockRef> thenOut = statement(branch.getThenStmt(), split[0]);
      Set<LockRef> elseOut =
          branch.getElseStmt().isPresent() ? statement(branch.getElseStmt().get(), split[1]) : split[1];
      return meet(thenOut, elseOut);
    }
    if (s instanceof TryStmt) {
      return tryStatement((TryStmt) s, in);
    }
    if (s instanceof WhileStmt) {
      return loop(s, ((WhileStmt) s).getBody(), in);
    }
    if (s instanceof DoStmt) {
      return loop(s, ((DoStmt) s).getBody(), in);
    }
    if (s instanceof ForStmt) {
      Set<LockRef> state = in;
      for (Expression init : ((ForStmt) s).getInitialization()) {
        state = expression(init, state);
      }
      return loop(s, ((ForStmt) s).getBody(), state);
    }
    if (s instanceof ForEachStmt) {
      return loop(s, ((ForEachStmt) s).getBody(), in);
    }
    if (s instanceof LabeledStmt) {
      return statement(((LabeledStmt) s).getStatement(), in);
    }
    if (s instanceof SwitchStmt) {
      Set<LockRef> out = null;
      boolean hasDefault = false;
      for (SwitchEntry entry : ((SwitchStmt) s).getEntries()) {
        hasDefault |= entry.getLabels().isEmpty();
        Set<LockRef> state = in;
        for (Statement child : entry.getStatements()) {
          Set<LockRef> next = statement(child, state == null ? in : state);
          if (state != null) {
            state = next;
          }
        }
        out = meet(out, state == null ? null : state);
      }
      return hasDefault ? out : meet(out, in);
    }
    if (s instanceof ReturnStmt
        || s instanceof ThrowStmt
        || s instanceof BreakStmt
        || s instanceof ContinueStmt
        || s instanceof YieldStmt) {
      return null;
    }
    return in;
  }

  /**
   * A loop's body runs from the state at its head, which is what holds on entry and at the end of
   * every pass (a pass that upgrades a read lock to the write lock leaves at least the read lock):
   * passes are walked until the head's state no longer changes (it only loses locks).
   */
  private Set<LockRef> loop(Statement loop, Statement loopBody, Set<LockRef> in) {
    Set<LockRef> head = in;
    while (true) {
      Set<LockRef> out = statement(loopBody, head);
      Set<LockRef> next = out == null ? head : meet(head, out);
      if (next.equals(head)) {
        record(loop, head); // its condition and update run at the head
        return head;
      }
      head = next;
    }
  }

  private Set<LockRef> tryStatement(TryStmt s, Set<LockRef> in) {
    Set<LockRef> tryOut = statement(s.getTryBlock(), in);
    // an exception can leave the try block anywhere: only what held on entry and at its end surely holds
    Set<LockRef> anywhere = tryOut == null ? in : intersect(in, tryOut);
    Set<LockRef> normal = tryOut;
    for (CatchClause clause : s.getCatchClauses()) {
      record(clause, anywhere);
      normal = meet(normal, statement(clause.getBody(), anywhere));
    }
    if (s.getFinallyBlock().isEmpty()) {
      return normal;
    }
    BlockStmt finallyBlock = s.getFinallyBlock().get();
    Set<LockRef> finallyIn = normal == null ? anywhere : intersect(anywhere, normal);
    statement(finallyBlock, finallyIn);
    if (normal == null) {
      return null;
    }
    // after the try, the finally block's releases apply to the normal path (recorded states meet)
    return statement(finallyBlock, normal);
  }

  private Set<LockRef> expression(Expression e, Set<LockRef> in) {
    if (e instanceof VariableDeclarationExpr) {
      Set<LockRef> state = in;
      for (VariableDeclarator v : ((VariableDeclarationExpr) e).getVariables()) {
        if (v.getInitializer().isPresent()) {
          keepStamp(v.getNameAsString(), v.getInitializer().get());
          state = expression(v.getInitializer().get(), state);
        }
      }
      return state;
    }
    if (e instanceof AssignExpr) {
      AssignExpr assign = (AssignExpr) e;
      if (assign.getTarget() instanceof NameExpr) {
        keepStamp(((NameExpr) assign.getTarget()).getNameAsString(), assign.getValue());
      }
      return expression(assign.getValue(), in);
    }
    if (!(e instanceof MethodCallExpr)) {
      return in;
    }
    LockOperation op = locks.operation((MethodCallExpr) e);
    if (op == null) {
      return in;
    }
    switch (op.kind()) {
      case ACQUIRE:
        return with(in, op.lock());
      case TRY_ACQUIRE:
      case TRY_STAMP:
        return in; // the result is not tested here: the lock may not be held
      case RELEASE:
        return without(in, op.lock(), false);
      default:
        return without(in, op.lock(), true);
    }
  }

  /** The locks held when {@code condition} is true and when it is false. */
  @SuppressWarnings("unchecked")
  private Set<LockRef>[] condition(Expression condition, Set<LockRef> in) {
    Expression c = LintSymbols.skipParens(condition);
    if (c instanceof UnaryExpr && ((UnaryExpr) c).getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Set<LockRef>[] inner = condition(((UnaryExpr) c).getExpression(), in);
      return new Set[] {inner[1], inner[0]};
    }
    if (c instanceof BinaryExpr && ((BinaryExpr) c).getOperator() == BinaryExpr.Operator.AND) {
      Set<LockRef>[] left = condition(((BinaryExpr) c).getLeft(), in);
      Set<LockRef>[] right = condition(((BinaryExpr) c).getRight(), left[0]);
      return new Set[] {right[0], intersect(left[1], right[1])};
    }
    if (c instanceof MethodCallExpr) {
      LockOperation op = locks.operation((MethodCallExpr) c);
      if (op != null && op.kind() == LockOperation.Kind.TRY_ACQUIRE) {
        return new Set[] {with(in, op.lock()), in};
      }
    }
    if (c instanceof BinaryExpr) {
      BinaryExpr test = (BinaryExpr) c;
      LockRef stamped = testedStamp(test);
      if (stamped != null && test.getOperator() == BinaryExpr.Operator.NOT_EQUALS) {
        return new Set[] {with(in, stamped), in};
      }
      if (stamped != null && test.getOperator() == BinaryExpr.Operator.EQUALS) {
        return new Set[] {in, with(in, stamped)};
      }
    }
    return new Set[] {in, in};
  }

  /** {@code local} now keeps the stamp {@code value} returns when it is a StampedLock try-method's. */
  private void keepStamp(String local, Expression value) {
    Expression v = LintSymbols.skipParens(value);
    LockOperation op = v instanceof MethodCallExpr ? locks.operation((MethodCallExpr) v) : null;
    if (op != null && op.kind() == LockOperation.Kind.TRY_STAMP) {
      stamps.put(local, op.lock());
    } else {
      stamps.remove(local);
    }
  }

  /** The lock whose stamp {@code test} compares with 0 ({@code ws != 0L}), or null. */
  private LockRef testedStamp(BinaryExpr test) {
    Expression left = LintSymbols.skipParens(test.getLeft());
    Expression right = LintSymbols.skipParens(test.getRight());
    Expression local = isZero(right) ? left : isZero(left) ? right : null;
    return local instanceof NameExpr ? stamps.get(((NameExpr) local).getNameAsString()) : null;
  }

  private static boolean isZero(Expression e) {
    return (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr)
        && ((LiteralStringValueExpr) e).getValue().replace("_", "").matches("0+[lL]?");
  }

  private void record(Node node, Set<LockRef> held) {
    Set<LockRef> previous = before.get(node);
    before.put(node, previous == null ? held : intersect(previous, held));
  }

  private static Set<LockRef> with(Set<LockRef> in, LockRef lock) {
    Set<LockRef> out = new HashSet<>(in);
    out.add(lock);
    return Set.copyOf(out);
  }

  private static Set<LockRef> without(Set<LockRef> in, LockRef lock, boolean anyMode) {
    Set<LockRef> out = new HashSet<>(in);
    out.removeIf(l -> anyMode ? l.sameLock(lock) : l.equals(lock));
    return Set.copyOf(out);
  }

  /** Where two paths join: null means the path never gets there. */
  private static Set<LockRef> meet(Set<LockRef> a, Set<LockRef> b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : intersect(a, b);
  }

  /** What surely holds on both of two paths ({@link LockRef#heldOnBoth}). */
  private static Set<LockRef> intersect(Set<LockRef> a, Set<LockRef> b) {
    return Set.copyOf(LockRef.heldOnBoth(a, b));
  }
}

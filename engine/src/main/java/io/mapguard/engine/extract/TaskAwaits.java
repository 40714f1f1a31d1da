package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.ThreadStartApis;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether the code that starts a task waits for it to end before it goes on, and where: the
 * start's result waited for ({@code pool.submit(t).get()}, {@code f.get()} on the local holding it,
 * {@code t.join()} on a thread or a forked task, a loop calling {@code get()} on every future of a
 * local list the starts were added to), or a start that waits by itself ({@code invokeAll}, a
 * parallel stream's terminal operation). A wait counts only when every path from the start to the
 * rest of the unit passes it: not in a branch, a catch block, a lambda or a class body.
 *
 * @param <N> the front end's node type
 */
final class TaskAwaits<N> {
  private static final Set<Kind> UNCONDITIONAL_PARTS =
      Set.of(
          Kind.PARENS,
          Kind.CAST,
          Kind.METHOD_CALL,
          Kind.ASSIGN,
          Kind.BLOCK,
          Kind.EXPRESSION_STATEMENT,
          Kind.RETURN,
          Kind.SYNCHRONIZED,
          Kind.TRY,
          Kind.OTHER);

  private final SyntaxPort<N> port;

  TaskAwaits(SyntaxPort<N> port) {
    this.port = port;
  }

  /**
   * Where the starter's code runs beside the task: from the start (or the loop around it, which
   * starts more) until the wait, in {@link SyntaxPort#order} positions.
   */
  record Window(int from, int until) {}

  /**
   * Where the unit around {@code startPath} runs beside what it starts until it waits for it, or
   * null when it does not wait.
   *
   * @param waitsItself the start returns only when its tasks are done
   * @param startsReceiver the start runs its receiver ({@code task.fork()}), the object waited for
   */
  Window window(SyntaxPath<N> startPath, boolean waitsItself, boolean startsReceiver) {
    int until = awaitOrder(startPath, waitsItself, startsReceiver);
    return until < 0 ? null : new Window(outermostLoopOrder(startPath, until), until);
  }

  /** The start's position, or that of the outermost loop around it that does not hold the wait. */
  private int outermostLoopOrder(SyntaxPath<N> startPath, int until) {
    int from = port.order(startPath.leaf());
    for (SyntaxPath<N> p = startPath.parent(); p != null; p = p.parent()) {
      Kind kind = port.kind(p.leaf());
      if (kind.isCodeBoundary()) {
        break;
      }
      if (kind.isLoop() && port.order(p.leaf()) < from && !holds(p.leaf(), until)) {
        from = port.order(p.leaf());
      }
    }
    return from;
  }

  /** Whether the wait at position {@code until} is inside {@code loop}. */
  private boolean holds(N loop, int until) {
    boolean[] inside = {false};
    port.forEachNode(
        loop,
        node -> {
          if (port.order(node) == until && port.kind(node) != Kind.BLOCK) {
            inside[0] = true;
          }
          return !inside[0];
        });
    return inside[0];
  }

  private int awaitOrder(SyntaxPath<N> startPath, boolean waitsItself, boolean startsReceiver) {
    N start = startPath.leaf();
    if (waitsItself) {
      return port.order(start);
    }
    SyntaxPath<N> parent = startPath.parentSkippingParens(port);
    if (parent == null) {
      return -1;
    }
    N outer = parent.leaf();
    Kind outerKind = port.kind(outer);
    // pool.submit(task).get(): javac puts the select (submit(task).get) between the two calls
    N chained =
        outerKind == Kind.FIELD_ACCESS && parent.parent() != null ? parent.parent().leaf() : outer;
    if (port.kind(chained) == Kind.METHOD_CALL
        && port.receiver(chained) != null
        && port.skipParensAndCasts(port.receiver(chained)) == start
        && isAwait(chained)) {
      return port.order(chained);
    }
    Object handle = null;
    boolean collected = false;
    if (startsReceiver && port.receiver(start) != null) {
      handle = port.localVariable(port.receiver(start)); // task.fork(); … task.join()
    } else if (port.isVariableDeclaration(outer) && port.declaresLocal(outer)) {
      handle = port.declaredVariable(outer); // Future<?> f = pool.submit(task)
    } else if (outerKind == Kind.ASSIGN && port.skipParens(port.assignedValue(outer)) == start) {
      handle = port.localVariable(port.assignTarget(outer));
    } else if (outerKind == Kind.METHOD_CALL
        && port.name(outer).equals("add")
        && port.arguments(outer).size() == 1
        && port.receiver(outer) != null) {
      handle = port.localVariable(port.receiver(outer)); // futures.add(pool.submit(task))
      collected = true;
    }
    if (handle == null) {
      return -1;
    }
    N body = unitBody(startPath);
    return body == null ? -1 : firstAwait(body, handle, collected, startPath);
  }

  private boolean isAwait(N call) {
    return ThreadStartApis.AWAIT_METHODS.contains(port.name(call));
  }

  /** The body of the unit the start is made in: the innermost method, lambda or class body. */
  private N unitBody(SyntaxPath<N> path) {
    for (SyntaxPath<N> p = path.parent(); p != null; p = p.parent()) {
      Kind kind = port.kind(p.leaf());
      if (kind == Kind.METHOD) {
        return port.methodBody(p.leaf());
      }
      if (kind == Kind.LAMBDA) {
        return port.lambdaBody(p.leaf());
      }
      if (kind.isCodeBoundary()) {
        return null;
      }
    }
    return null;
  }

  /**
   * The first unconditional wait on {@code handle} after the start: a call of a waiting method on it,
   * or (for a collection of started tasks) on the variable of a loop over it.
   */
  private int firstAwait(N body, Object handle, boolean collected, SyntaxPath<N> startPath) {
    int startOrder = port.order(startPath.leaf());
    int[] found = {-1};
    port.forEachNode(
        body,
        node -> {
          Kind kind = port.kind(node);
          if (found[0] >= 0
              || kind == Kind.LAMBDA
              || kind == Kind.CLASS
              || kind == Kind.NEW && port.hasClassBody(node)) {
            return false;
          }
          if (collected && kind == Kind.FOR_EACH) {
            if (port.order(node) > startOrder
                && handle.equals(port.localVariable(port.iterable(node)))
                && awaitsEach(node)
                && unconditionalFrom(node, startPath)) {
              found[0] = port.order(node);
            }
            return found[0] < 0;
          }
          if (!collected
              && kind == Kind.METHOD_CALL
              && isAwait(node)
              && port.order(node) >= startOrder
              && port.receiver(node) != null
              && handle.equals(port.localVariable(port.receiver(node)))
              && unconditionalFrom(node, startPath)) {
            found[0] = port.order(node);
            return false;
          }
          return true;
        });
    return found[0];
  }

  /** Whether the loop over started tasks waits for each: {@code for (Future<?> f : fs) f.get();}. */
  private boolean awaitsEach(N loop) {
    Object element = port.declaredVariable(port.loopVariableDeclaration(loop));
    boolean[] waits = {false};
    port.forEachNode(
        port.loopBody(loop),
        node -> {
          if (waits[0]) {
            return false;
          }
          Kind kind = port.kind(node);
          if (kind == Kind.METHOD_CALL
              && isAwait(node)
              && port.receiver(node) != null
              && element.equals(port.localVariable(port.receiver(node)))
              && unconditionalWithin(port.pathTo(node), loop)) {
            waits[0] = true;
          }
          return !waits[0] && kind != Kind.LAMBDA && kind != Kind.CLASS;
        });
    return waits[0];
  }

  /** Whether nothing between {@code wait} and the part it shares with the start is conditional. */
  private boolean unconditionalFrom(N wait, SyntaxPath<N> startPath) {
    Set<N> startAncestors = Collections.newSetFromMap(new IdentityHashMap<>());
    for (SyntaxPath<N> p = startPath; p != null; p = p.parent()) {
      startAncestors.add(p.leaf());
    }
    SyntaxPath<N> p = port.pathTo(wait).parent(); // the wait itself is a call or the loop of waits
    while (p != null && !startAncestors.contains(p.leaf())) {
      if (!unconditionalPart(p)) {
        return false;
      }
      p = p.parent();
    }
    return p != null;
  }

  private boolean unconditionalWithin(SyntaxPath<N> path, N loop) {
    for (SyntaxPath<N> p = path; p != null && p.leaf() != loop; p = p.parent()) {
      if (!unconditionalPart(p)) {
        return false;
      }
    }
    return true;
  }

  /** A node a wait may sit in and still run whenever the code around it runs. */
  private boolean unconditionalPart(SyntaxPath<N> p) {
    N node = p.leaf();
    Kind kind = port.kind(node);
    SyntaxPath<N> parent = p.parent();
    if (parent != null && port.kind(parent.leaf()) == Kind.TRY) {
      return port.tryBlock(parent.leaf()) == node; // not a catch block, a finally or a resource
    }
    return UNCONDITIONAL_PARTS.contains(kind)
        || kind == Kind.OTHER_STATEMENT && port.isVariableDeclaration(node);
  }
}

package io.mapguard.javac;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCExpressionStatement;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCSynchronized;
import com.sun.tools.javac.tree.JCTree.JCTry;
import com.sun.tools.javac.tree.TreeScanner;
import io.mapguard.engine.extract.LockNames;
import io.mapguard.engine.model.LockOperation;
import io.mapguard.engine.model.LockRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lock regions of a body whose locking is all structured: {@code synchronized} blocks, and lock API
 * calls only in the idiom {@code l.lock(); try { … } finally { …; l.unlock(); … }} (the acquiring
 * statement right before the {@code try}, the release a statement of its {@code finally}). Then a
 * lock is held exactly inside its block, its {@code try}'s body and catch clauses, and its {@code
 * finally} up to the release, whatever the control flow, so the enclosing trees answer without a
 * CFG. This is the common case (all of guava's, most of Tomcat's); anything else ({@code tryLock},
 * stamps, a lock taken in a branch, released elsewhere or taken again inside its own region) is left
 * to the Checker Framework dataflow ({@link LockRegions}), which the sets here agree with: building
 * the first CFG of a compilation loads some 230 classes and costs more than the rest of a class's
 * lock analysis.
 */
final class StructuredLockRegions implements HeldLocks {
  /** A lock taken right before {@code statement} and released by its finally's statement {@code releaseIndex}. */
  private record TryRegion(LockRef lock, JCTry statement, int releaseIndex) {}

  private final Tree body;
  private final LockNames<JCTree> locks;
  private final Map<JCTry, TryRegion> byTry;
  private final Map<JCBlock, TryRegion> byFinally;

  private StructuredLockRegions(Tree body, LockNames<JCTree> locks, Collection<TryRegion> regions) {
    this.body = body;
    this.locks = locks;
    this.byTry = new IdentityHashMap<>();
    this.byFinally = new IdentityHashMap<>();
    for (TryRegion region : regions) {
      byTry.put(region.statement(), region);
      byFinally.put(region.statement().finalizer, region);
    }
  }

  /** The locks the body's lock calls take (not its monitors). */
  Set<LockRef> callLocks() {
    Set<LockRef> taken = new HashSet<>();
    byTry.values().forEach(region -> taken.add(region.lock()));
    return taken;
  }

  /** The regions of {@code body} (a method's or lambda's), or null when its locking is not all structured. */
  static StructuredLockRegions of(JCTree body, LockNames<JCTree> locks) {
    Finder finder = new Finder(locks);
    finder.scan(body);
    return finder.structured() ? new StructuredLockRegions(body, locks, finder.regionOfTry.values()) : null;
  }

  /** The regions of a body the scan found no lock call in: its {@code synchronized} blocks, no look needed. */
  static StructuredLockRegions ofSynchronizedBlocks(JCTree body, LockNames<JCTree> locks) {
    return new StructuredLockRegions(body, locks, List.of());
  }

  /** The locks of the regions around {@code path}'s leaf, outermost first (the order they were taken). */
  @Override
  public Set<LockRef> heldAt(TreePath path) {
    List<LockRef> innermostFirst = new ArrayList<>();
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath();
        p != null && child != body;
        child = p.getLeaf(), p = p.getParentPath()) {
      LockRef lock = lockAround(p.getLeaf(), child);
      if (lock != null) {
        innermostFirst.add(lock);
      }
    }
    if (innermostFirst.isEmpty()) {
      return Set.of();
    }
    Collections.reverse(innermostFirst);
    return new LinkedHashSet<>(innermostFirst);
  }

  /** The lock {@code parent} holds while its part {@code child} runs, or null. */
  private LockRef lockAround(Tree parent, Tree child) {
    if (parent instanceof JCSynchronized) {
      JCSynchronized block = (JCSynchronized) parent;
      // the lock expression is evaluated before the monitor is taken
      return child == block.body ? locks.monitor(block.lock) : null;
    }
    if (parent instanceof JCTry) {
      TryRegion region = byTry.get(parent);
      JCTry statement = (JCTry) parent;
      return region != null && (child == statement.body || statement.catchers.contains(child))
          ? region.lock()
          : null;
    }
    if (parent instanceof JCBlock) {
      TryRegion region = byFinally.get(parent);
      // the release itself runs with the lock held (its receiver is evaluated first)
      return region != null && ((JCBlock) parent).stats.indexOf(child) <= region.releaseIndex()
          ? region.lock()
          : null;
    }
    return null;
  }

  /**
   * Finds the idioms and checks that every lock call of the body is one of theirs, and that no
   * region takes a lock its enclosing regions hold (the dataflow's sets would drop the lock at the
   * inner release). Lambdas and class bodies are other units, with regions of their own.
   */
  private static final class Finder extends TreeScanner {
    private final LockNames<JCTree> locks;
    private final Map<JCTry, TryRegion> regionOfTry = new IdentityHashMap<>();
    /** The lock calls the idioms account for. */
    private final Set<JCMethodInvocation> idiomCalls = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<LockRef> open = new ArrayDeque<>();
    private boolean otherLockCalls;
    private boolean reentered;

    Finder(LockNames<JCTree> locks) {
      this.locks = locks;
    }

    /** Whether the regions are the dataflow's: every lock call an idiom's, no lock taken inside its own region. */
    boolean structured() {
      return !otherLockCalls && !reentered;
    }

    @Override
    public void visitBlock(JCBlock block) {
      JCStatement previous = null;
      for (JCStatement statement : block.stats) {
        if (statement instanceof JCTry && previous != null) {
          findIdiom(previous, (JCTry) statement);
        }
        previous = statement;
      }
      super.visitBlock(block);
    }

    /** {@code acquire} and the release in {@code next}'s finally, if they are the idiom. */
    private void findIdiom(JCStatement acquire, JCTry next) {
      JCMethodInvocation take = lockCall(acquire, LockOperation.Kind.ACQUIRE);
      if (take == null || next.finalizer == null || !next.resources.isEmpty()) {
        return;
      }
      LockRef lock = locks.operation(take).lock();
      List<JCStatement> finallyStatements = next.finalizer.stats;
      for (int i = 0; i < finallyStatements.size(); i++) {
        JCMethodInvocation release = lockCall(finallyStatements.get(i), LockOperation.Kind.RELEASE);
        if (release != null && lock.equals(locks.operation(release).lock())) {
          regionOfTry.put(next, new TryRegion(lock, next, i));
          idiomCalls.add(take);
          idiomCalls.add(release);
          return;
        }
      }
    }

    /** The call of {@code statement} when it is {@code l.op();} for a lock operation of {@code kind}. */
    private JCMethodInvocation lockCall(JCStatement statement, LockOperation.Kind kind) {
      if (!(statement instanceof JCExpressionStatement)
          || !(((JCExpressionStatement) statement).expr instanceof JCMethodInvocation)) {
        return null;
      }
      JCMethodInvocation call = (JCMethodInvocation) ((JCExpressionStatement) statement).expr;
      LockOperation op = locks.operation(call);
      return op != null && op.kind() == kind && op.lock() != null ? call : null;
    }

    @Override
    public void visitApply(JCMethodInvocation call) {
      if (!idiomCalls.contains(call) && locks.operation(call) != null) {
        otherLockCalls = true;
      }
      super.visitApply(call);
    }

    @Override
    public void visitSynchronized(JCSynchronized block) {
      scan(block.lock);
      LockRef monitor = locks.monitor(block.lock);
      enter(monitor);
      scan(block.body);
      leave(monitor);
    }

    @Override
    public void visitTry(JCTry statement) {
      TryRegion region = regionOfTry.get(statement);
      LockRef lock = region == null ? null : region.lock();
      enter(lock);
      super.visitTry(statement);
      leave(lock);
    }

    private void enter(LockRef lock) {
      if (lock == null) {
        return;
      }
      for (LockRef held : open) {
        reentered |= held.equals(lock) || held.sameLock(lock);
      }
      open.push(lock);
    }

    private void leave(LockRef lock) {
      if (lock != null) {
        open.pop();
      }
    }

    @Override
    public void visitLambda(JCLambda lambda) {}

    @Override
    public void visitClassDef(JCClassDecl type) {}
  }
}

package io.mapguard.javac;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCSynchronized;
import io.mapguard.engine.extract.LockNames;
import io.mapguard.engine.model.LockRef;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lock regions of a body whose only locking is {@code synchronized} blocks. A monitor is held exactly
 * inside its block, whatever the control flow, so the enclosing blocks answer without a CFG (the
 * dataflow gives the same sets at a fraction of the cost).
 */
final class SynchronizedBlocks implements HeldLocks {
  private final Tree body;
  private final LockNames<JCTree> locks;

  SynchronizedBlocks(Tree body, LockNames<JCTree> locks) {
    this.body = body;
    this.locks = locks;
  }

  @Override
  public Set<LockRef> heldAt(TreePath path) {
    Set<LockRef> held = new LinkedHashSet<>();
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath();
        p != null && child != body;
        child = p.getLeaf(), p = p.getParentPath()) {
      if (p.getLeaf() instanceof JCSynchronized) {
        JCSynchronized block = (JCSynchronized) p.getLeaf();
        // the lock expression is evaluated before the monitor is taken
        LockRef lock = child == block.body ? locks.monitor(block.lock) : null;
        if (lock != null) {
          held.add(lock);
        }
      }
    }
    return held.isEmpty() ? Set.of() : held;
  }
}

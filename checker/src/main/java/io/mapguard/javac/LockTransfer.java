package io.mapguard.javac;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.tree.JCTree;
import io.mapguard.engine.extract.LockNames;
import io.mapguard.engine.model.LockOperation;
import java.util.List;
import java.util.Set;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.SynchronizedNode;

/**
 * How statements change the held locks: synchronized blocks, {@code Lock.lock()/unlock()}, the success
 * branch of {@code tryLock()}, read/write and stamped locks. Exceptional paths and finally blocks come
 * from the CFG.
 */
final class LockTransfer
    extends AbstractNodeVisitor<TransferResult<NoValue, LockStore>, TransferInput<NoValue, LockStore>>
    implements ForwardTransferFunction<NoValue, LockStore> {

  private final LockNames<JCTree> locks;
  private final Set<io.mapguard.engine.model.LockRef> initial;

  LockTransfer(LockNames<JCTree> locks, Set<io.mapguard.engine.model.LockRef> initial) {
    this.locks = locks;
    this.initial = initial;
  }

  @Override
  public LockStore initialStore(UnderlyingAST ast, List<LocalVariableNode> parameters) {
    return new LockStore(initial);
  }

  @Override
  public TransferResult<NoValue, LockStore> visitNode(
      Node node, TransferInput<NoValue, LockStore> in) {
    if (in.containsTwoStores()) {
      return new ConditionalTransferResult<>(null, in.getThenStore(), in.getElseStore());
    }
    return new RegularTransferResult<>(null, in.getRegularStore());
  }

  @Override
  public TransferResult<NoValue, LockStore> visitConditionalNot(
      ConditionalNotNode node, TransferInput<NoValue, LockStore> in) {
    if (in.containsTwoStores()) {
      return new ConditionalTransferResult<>(null, in.getElseStore(), in.getThenStore());
    }
    return visitNode(node, in);
  }

  @Override
  public TransferResult<NoValue, LockStore> visitSynchronized(
      SynchronizedNode node, TransferInput<NoValue, LockStore> in) {
    LockStore store = in.getRegularStore();
    var lock = locks.monitor((JCTree) node.getExpression().getTree());
    if (lock == null) {
      return new RegularTransferResult<>(null, store);
    }
    return new RegularTransferResult<>(
        null, node.getIsStartOfBlock() ? store.with(lock) : store.without(lock, false));
  }

  @Override
  public TransferResult<NoValue, LockStore> visitMethodInvocation(
      MethodInvocationNode node, TransferInput<NoValue, LockStore> in) {
    MethodInvocationTree tree = node.getTree();
    LockOperation op = tree == null ? null : locks.operation((JCTree) tree);
    if (op == null) {
      return visitNode(node, in);
    }
    LockStore store = in.getRegularStore();
    switch (op.kind()) {
      case ACQUIRE:
        return new RegularTransferResult<>(null, store.with(op.lock()));
      case TRY_ACQUIRE:
        return new ConditionalTransferResult<>(null, store.with(op.lock()), store);
      case RELEASE:
        return new RegularTransferResult<>(null, store.without(op.lock(), false));
      default:
        return new RegularTransferResult<>(null, store.without(op.lock(), true));
    }
  }
}

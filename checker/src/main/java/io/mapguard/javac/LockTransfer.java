package io.mapguard.javac;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;
import io.mapguard.engine.extract.LockNames;
import io.mapguard.engine.model.LockOperation;
import io.mapguard.engine.model.LockRef;
import java.util.List;
import java.util.Set;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BinaryOperationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.errorprone.dataflow.cfg.node.EqualToNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.NotEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.SynchronizedNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ValueLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.WideningConversionNode;

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
      case TRY_STAMP:
        return new RegularTransferResult<>(null, store); // held where its stamp is tested (visitAssignment)
      default:
        return new RegularTransferResult<>(null, store.without(op.lock(), true));
    }
  }

  /** A local given the stamp of a StampedLock try-method keeps it, until it is given something else. */
  @Override
  public TransferResult<NoValue, LockStore> visitAssignment(
      AssignmentNode node, TransferInput<NoValue, LockStore> in) {
    if (!(node.getTarget() instanceof LocalVariableNode) || in.containsTwoStores()) {
      return visitNode(node, in); // a boolean's two stores pass through, as before
    }
    Tree value = node.getExpression().getTree();
    LockOperation op = value instanceof MethodInvocationTree ? locks.operation((JCTree) value) : null;
    LockRef stamp = op != null && op.kind() == LockOperation.Kind.TRY_STAMP ? op.lock() : null;
    return new RegularTransferResult<>(
        null, in.getRegularStore().withStamp(((LocalVariableNode) node.getTarget()).getElement(), stamp));
  }

  /** {@code ws != 0L}: the lock of the stamp in {@code ws} is held where it is true. */
  @Override
  public TransferResult<NoValue, LockStore> visitNotEqual(NotEqualNode node, TransferInput<NoValue, LockStore> in) {
    LockRef lock = testedStamp(node, in);
    if (lock == null) {
      return visitNode(node, in);
    }
    LockStore store = in.getRegularStore();
    return new ConditionalTransferResult<>(null, store.with(lock), store);
  }

  /** {@code ws == 0L}: the lock of the stamp in {@code ws} is held where it is false. */
  @Override
  public TransferResult<NoValue, LockStore> visitEqualTo(EqualToNode node, TransferInput<NoValue, LockStore> in) {
    LockRef lock = testedStamp(node, in);
    if (lock == null) {
      return visitNode(node, in);
    }
    LockStore store = in.getRegularStore();
    return new ConditionalTransferResult<>(null, store, store.with(lock));
  }

  /** The lock whose stamp a comparison of a local with 0 tests, or null. */
  private static LockRef testedStamp(BinaryOperationNode node, TransferInput<NoValue, LockStore> in) {
    if (in.containsTwoStores()) {
      return null;
    }
    Node left = unwidened(node.getLeftOperand());
    Node right = unwidened(node.getRightOperand());
    Node local = isZero(right) ? left : isZero(left) ? right : null;
    return local instanceof LocalVariableNode
        ? in.getRegularStore().stampOf(((LocalVariableNode) local).getElement())
        : null;
  }

  private static Node unwidened(Node node) {
    return node instanceof WideningConversionNode ? ((WideningConversionNode) node).getOperand() : node;
  }

  private static boolean isZero(Node node) {
    return node instanceof ValueLiteralNode
        && ((ValueLiteralNode) node).getValue() instanceof Number
        && ((Number) ((ValueLiteralNode) node).getValue()).longValue() == 0L;
  }
}

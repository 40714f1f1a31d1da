package io.mapguard.javac;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import io.mapguard.engine.extract.LockNames;
import io.mapguard.engine.model.LockRef;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import org.checkerframework.errorprone.dataflow.analysis.AnalysisResult;
import org.checkerframework.errorprone.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;

/**
 * Flow-sensitive lock regions of one body (a method or a lambda), from the Checker Framework
 * dataflow: the locks held just before any tree in it. Needed where lock API calls acquire and
 * release other than in the structured idiom; bodies whose locking is all structured use {@link
 * StructuredLockRegions}.
 */
final class LockRegions implements HeldLocks {
  private final AnalysisResult<NoValue, LockStore> result;
  private final Tree body;

  private LockRegions(AnalysisResult<NoValue, LockStore> result, Tree body) {
    this.result = result;
    this.body = body;
  }

  static LockRegions forMethod(
      CompilationUnitTree unit,
      MethodTree method,
      ClassTree owner,
      ProcessingEnvironment env,
      LockNames<JCTree> locks) {
    return run(unit, new UnderlyingAST.CFGMethod(method, owner), env, locks, method.getBody());
  }

  static LockRegions forLambda(
      CompilationUnitTree unit,
      LambdaExpressionTree lambda,
      ClassTree owner,
      MethodTree enclosingMethod,
      ProcessingEnvironment env,
      LockNames<JCTree> locks) {
    return run(
        unit,
        new UnderlyingAST.CFGLambda(lambda, owner, enclosingMethod),
        env,
        locks,
        lambda.getBody());
  }

  private static LockRegions run(
      CompilationUnitTree unit,
      UnderlyingAST ast,
      ProcessingEnvironment env,
      LockNames<JCTree> locks,
      Tree body) {
    ControlFlowGraph cfg = CFGBuilder.build(unit, ast, false, false, env);
    ForwardAnalysisImpl<NoValue, LockStore, LockTransfer> analysis =
        new ForwardAnalysisImpl<>(new LockTransfer(locks, Set.of()));
    analysis.performAnalysis(cfg);
    return new LockRegions(analysis.getResult(), body);
  }

  /** The nearest enclosing tree the CFG knows decides. */
  @Override
  public Set<LockRef> heldAt(TreePath path) {
    for (TreePath p = path; p != null && p.getLeaf() != body; p = p.getParentPath()) {
      java.util.Set<?> nodes = result.getNodesForTree(p.getLeaf());
      if (nodes != null && !nodes.isEmpty()) {
        LockStore store = result.getStoreBefore(p.getLeaf());
        if (store != null) {
          return store.held();
        }
      }
    }
    return Set.of();
  }
}

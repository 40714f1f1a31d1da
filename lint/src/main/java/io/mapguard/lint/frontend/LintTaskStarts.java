package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.FunctionalContext;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.lint.frontend.LintExtractionState.UnitInfo;
import java.util.Optional;

/**
 * Where code runs: whether a lambda, method reference or anonymous class runs inline, later, or as a
 * task started on another thread, and the task's root. The javac front end's {@code TaskStarts} is
 * its mirror.
 */
final class LintTaskStarts {
  private final LintExtractionState state;
  private final AstFactExtractor extraction;

  LintTaskStarts(AstFactExtractor extraction) {
    this.extraction = extraction;
    this.state = extraction.state;
  }

  FunctionalContext functionalContext(Expression functional) {
    Node parent = LintCallSyntax.parentSkippingParens(functional);
    Node leaf = LintCallSyntax.outermostParens(functional);
    if (parent instanceof MethodCallExpr && isArgument(parent, leaf)) {
      MethodCallExpr call = (MethodCallExpr) parent;
      Object callee = state.syntax.callee(call);
      if (state.apis.callees().owner(callee) == null || state.apis.isImmediate(callee) && !inParallelStream(call)) {
        return inParallelStream(call)
            ? FunctionalContext.task(taskRoot(call, "the parallel stream callback", true))
            : FunctionalContext.INLINE;
      }
      Optional<ThreadStartApis.Entry> start = state.apis.threadStart(callee);
      if (start.isPresent() && start.get().runs() == ThreadStartApis.Runs.FUNCTIONAL_ARGUMENTS) {
        return FunctionalContext.task(taskRoot(call, start.get().description(), false));
      }
      if (inParallelStream(call)) {
        return FunctionalContext.task(taskRoot(call, "the parallel stream callback", true));
      }
      return taskInCollection(call, state.apis.callees().owner(callee), call.getNameAsString());
    }
    if (parent instanceof ObjectCreationExpr && isArgument(parent, leaf)) {
      Optional<ThreadStartApis.Entry> start = threadStartOf((ObjectCreationExpr) parent);
      return start.isPresent()
          ? FunctionalContext.task(taskRoot((Expression) parent, start.get().description(), false))
          : FunctionalContext.INLINE;
    }
    if (parent instanceof VariableDeclarator) {
      Expression start = state.startedLater.get(leaf);
      if (start != null) {
        return FunctionalContext.task(taskRoot(start, threadStartOf(start).get().description(), false));
      }
      // a lambda kept in a local runs where it is called: inline; one kept in a field runs later
      return LintUseScanner.isLocal((VariableDeclarator) parent)
          ? FunctionalContext.INLINE
          : FunctionalContext.DEFERRED;
    }
    if (parent instanceof ReturnStmt || parent instanceof AssignExpr) {
      return FunctionalContext.DEFERRED;
    }
    return FunctionalContext.INLINE;
  }

  /**
   * A function written into a collection made in place ({@code List.of(…)}) that is handed to a
   * start that runs each element ({@code invokeAll}): a task of that start; else inline.
   */
  private FunctionalContext taskInCollection(MethodCallExpr factory, String owner, String name) {
    Node start =
        ThreadStartApis.isTaskCollectionFactory(owner, name) ? LintCallSyntax.parentSkippingParens(factory) : null;
    if (!(start instanceof MethodCallExpr)
        || !isArgument(start, LintCallSyntax.outermostParens(factory))) {
      return FunctionalContext.INLINE;
    }
    MethodCallExpr startCall = (MethodCallExpr) start;
    Optional<ThreadStartApis.Entry> entry = threadStartOf(startCall);
    return entry.isPresent() && entry.get().runs() == ThreadStartApis.Runs.COLLECTION_ELEMENTS
        ? FunctionalContext.task(taskRoot(startCall, entry.get().description(), false))
        : FunctionalContext.INLINE;
  }

  /** The first task class ({@link TaskClasses}) {@code type} extends, or null. */
  TaskClasses.TaskClass taskClassOf(String type) {
    for (TaskClasses.TaskClass taskClass : TaskClasses.ALL) {
      if (state.types.isSubtype(type, taskClass.owner())) {
        return taskClass;
      }
    }
    return null;
  }

  private static boolean inParallelStream(MethodCallExpr call) {
    for (Optional<Expression> scope = call.getScope(); scope.isPresent(); ) {
      Expression receiver = LintSymbols.skipParens(scope.get());
      if (!(receiver instanceof MethodCallExpr)) {
        return false;
      }
      MethodCallExpr inner = (MethodCallExpr) receiver;
      if (ThreadStartApis.PARALLEL_STREAM_METHODS.contains(inner.getNameAsString())) {
        return true;
      }
      scope = inner.getScope();
    }
    return false;
  }

  ThreadRoot taskRoot(Expression start, String description, boolean repeated) {
    return state.rootsByStartCall.computeIfAbsent(
        start,
        s -> {
          String executor = null;
          boolean singleThread = false;
          if (s instanceof MethodCallExpr && ((MethodCallExpr) s).getScope().isPresent()) {
            LintSymbols.Variable receiver = state.symbols.variableOf(((MethodCallExpr) s).getScope().get());
            if (receiver != null && receiver.isField()) {
              executor = state.syntax.fieldName(receiver);
              singleThread = state.singleThreadExecutors.contains(receiver.declaration());
            }
          }
          UnitInfo starter = extraction.scanner.current();
          return new ThreadRoot(
              ThreadRoot.Kind.TASK,
              LintSourceSites.line(s),
              description,
              executor,
              singleThread,
              repeated || insideLoop(s),
              starter == null ? -1 : starter.unit.id(),
              LintSourceSites.order(s));
        });
  }

  private static boolean insideLoop(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration || n instanceof LambdaExpr || n instanceof TypeDeclaration) {
        return false;
      }
      if (n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt) {
        return true;
      }
    }
    return false;
  }

  Optional<ThreadStartApis.Entry> threadStartOf(Expression call) {
    return state.apis.startOf(state.syntax.callee(call));
  }

  /** Whether {@code leaf} is one of the arguments of the call or creation {@code parent}. */
  private static boolean isArgument(Node parent, Node leaf) {
    if (parent instanceof MethodCallExpr) {
      return ((MethodCallExpr) parent).getArguments().stream().anyMatch(a -> a == leaf);
    }
    if (parent instanceof ObjectCreationExpr) {
      return ((ObjectCreationExpr) parent).getArguments().stream().anyMatch(a -> a == leaf);
    }
    return false;
  }
}

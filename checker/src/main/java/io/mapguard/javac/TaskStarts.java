package io.mapguard.javac;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCEnhancedForLoop;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCReturn;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.FunctionalContext;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.javac.ExtractionState.UnitInfo;
import java.util.Optional;

/**
 * Where code runs: a lambda, method reference or anonymous class inline, later, or as a task
 * started by an executor, a thread, a timer or a parallel stream; and each start's {@link
 * ThreadRoot}. mapvet's {@code LintTaskStarts} is its mirror.
 */
final class TaskStarts {
  private final ExtractionState state;
  private final SourceSites sites;
  private final UseScanner scanner;

  TaskStarts(ExtractionState state, SourceSites sites, UseScanner scanner) {
    this.state = state;
    this.sites = sites;
    this.scanner = scanner;
  }

  FunctionalContext functionalContext(TreePath path) {
    TreePath parentPath = CallSyntax.parentSkippingParens(path);
    JCTree parent = (JCTree) parentPath.getLeaf();
    JCTree leaf = (JCTree) path.getLeaf();
    if (parent instanceof JCMethodInvocation && ((JCMethodInvocation) parent).args.contains(leaf)) {
      JCMethodInvocation call = (JCMethodInvocation) parent;
      Object method = state.syntax.callee(call);
      if (method == null || state.apis.isImmediate(method) && !inParallelStream(call)) {
        return inParallelStream(call)
            ? FunctionalContext.task(taskRoot(parentPath, "the parallel stream callback", true))
            : FunctionalContext.INLINE;
      }
      Optional<ThreadStartApis.Entry> start = state.apis.threadStart(method);
      if (start.isPresent() && start.get().runs() == ThreadStartApis.Runs.FUNCTIONAL_ARGUMENTS) {
        return FunctionalContext.task(taskRoot(parentPath, start.get().description(), false));
      }
      if (inParallelStream(call)) {
        return FunctionalContext.task(taskRoot(parentPath, "the parallel stream callback", true));
      }
      return taskInCollection(parentPath, method);
    }
    if (parent instanceof JCNewClass && ((JCNewClass) parent).args.contains(leaf)) {
      Optional<ThreadStartApis.Entry> start = threadStartOf(state, parent);
      return start.isPresent()
          ? FunctionalContext.task(taskRoot(parentPath, start.get().description(), false))
          : FunctionalContext.INLINE;
    }
    if (parent instanceof JCVariableDecl) {
      JCTree start = state.startedLater.get(leaf);
      if (start != null) {
        return FunctionalContext.task(
            taskRoot(
                TreePath.getPath(state.compilationUnit, start),
                threadStartOf(state, start).get().description(),
                false));
      }
      // A lambda kept in a local runs where it is called: inline. One kept in a field runs later.
      return ((JCVariableDecl) parent).sym.owner instanceof ClassSymbol
          ? FunctionalContext.DEFERRED
          : FunctionalContext.INLINE;
    }
    if (parent instanceof JCReturn || parent instanceof JCAssign) {
      return FunctionalContext.DEFERRED;
    }
    return FunctionalContext.INLINE;
  }

  /**
   * A function written into a collection made in place ({@code List.of(…)}) that is handed to a
   * start that runs each element ({@code invokeAll}): a task of that start; else inline.
   */
  private FunctionalContext taskInCollection(TreePath factoryPath, Object factory) {
    boolean isFactory =
        ThreadStartApis.isTaskCollectionFactory(
            state.apis.callees().owner(factory), state.apis.callees().name(factory));
    TreePath startPath = isFactory ? CallSyntax.parentSkippingParens(factoryPath) : null;
    if (startPath == null
        || !(startPath.getLeaf() instanceof JCMethodInvocation)
        || ((JCMethodInvocation) startPath.getLeaf())
            .args.stream()
            .noneMatch(argument -> TreeInfo.skipParens(argument) == factoryPath.getLeaf())) {
      return FunctionalContext.INLINE;
    }
    Optional<ThreadStartApis.Entry> start =
        state.apis.threadStart(state.syntax.callee((JCTree) startPath.getLeaf()));
    return start.isPresent() && start.get().runs() == ThreadStartApis.Runs.COLLECTION_ELEMENTS
        ? FunctionalContext.task(taskRoot(startPath, start.get().description(), false))
        : FunctionalContext.INLINE;
  }

  /** The first task class ({@link TaskClasses}) {@code type} extends, or null. */
  TaskClasses.TaskClass taskClassOf(Type type) {
    for (TaskClasses.TaskClass taskClass : TaskClasses.ALL) {
      if (state.types.isSubtype(type, taskClass.owner())) {
        return taskClass;
      }
    }
    return null;
  }

  private boolean inParallelStream(JCMethodInvocation call) {
    for (JCExpression e = call.meth; e instanceof JCFieldAccess; ) {
      JCExpression receiver = TreeInfo.skipParens(((JCFieldAccess) e).selected);
      if (!(receiver instanceof JCMethodInvocation)) {
        return false;
      }
      JCMethodInvocation inner = (JCMethodInvocation) receiver;
      Symbol symbol = TreeInfo.symbol(inner.meth);
      if (symbol != null
          && ThreadStartApis.PARALLEL_STREAM_METHODS.contains(symbol.getSimpleName().toString())) {
        return true;
      }
      e = inner.meth;
    }
    return false;
  }

  ThreadRoot taskRoot(TreePath startPath, String description, boolean repeated) {
    JCTree start = (JCTree) startPath.getLeaf();
    return state.rootsByStartCall.computeIfAbsent(
        start,
        s -> {
          String executor = null;
          boolean singleThread = false;
          if (s instanceof JCMethodInvocation && ((JCMethodInvocation) s).meth instanceof JCFieldAccess) {
            JCExpression receiver = ((JCFieldAccess) ((JCMethodInvocation) s).meth).selected;
            Symbol receiverSymbol = TreeInfo.symbol(receiver);
            if (receiverSymbol instanceof VarSymbol && receiverSymbol.owner instanceof ClassSymbol) {
              executor = state.syntax.fieldName((VarSymbol) receiverSymbol);
              singleThread = state.singleThreadExecutors.contains(receiverSymbol);
            }
          }
          UnitInfo starter = scanner.current();
          return new ThreadRoot(
              ThreadRoot.Kind.TASK,
              sites.line(s),
              description,
              executor,
              singleThread,
              repeated || insideLoop(startPath),
              starter == null ? -1 : starter.unit.id(),
              s.getStartPosition());
        });
  }

  private boolean insideLoop(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof JCMethodDecl || leaf instanceof JCLambda || leaf instanceof JCClassDecl) {
        return false;
      }
      if (leaf instanceof JCTree.JCForLoop
          || leaf instanceof JCEnhancedForLoop
          || leaf instanceof JCTree.JCWhileLoop
          || leaf instanceof JCTree.JCDoWhileLoop) {
        return true;
      }
    }
    return false;
  }

  static Optional<ThreadStartApis.Entry> threadStartOf(ExtractionState state, JCTree call) {
    return state.apis.startOf(state.syntax.callee(call));
  }
}

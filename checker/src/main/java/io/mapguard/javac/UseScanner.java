package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCEnhancedForLoop;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMemberReference;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCSynchronized;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import io.mapguard.engine.extract.Alias;
import io.mapguard.engine.extract.AliasKind;
import io.mapguard.engine.extract.TaskStarts;
import io.mapguard.engine.extract.UnitScan.PendingEdge;
import io.mapguard.engine.extract.UnitScan.PendingMutation;
import io.mapguard.engine.extract.ValueLocal;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.FunctionalContext;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.javac.ExtractionState.UnitInfo;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The main scan: walks the body of every unit, knowing which unit, class and method it is in; makes
 * units and call edges of lambdas, anonymous classes and method references; and hands each use of a
 * map field, an alias of one or a local map to the {@link MapUseClassifier}. mapvet's
 * {@code LintUseScanner} is its mirror.
 */
final class UseScanner extends TreePathScanner<Void, Void> {
  private final ExtractionState state;
  private final SourceSites sites;
  private final MapDeclarations declarations;
  private final CodeUnits codeUnits;
  private final TaskStarts<JCTree> starts;
  private final MapUseClassifier classifier;
  private final Deque<UnitInfo> units = new ArrayDeque<>();
  private final Deque<JCClassDecl> classes = new ArrayDeque<>();
  /** The methods the scan is in, innermost first: the classifier names escapes after them. */
  final Deque<JCMethodDecl> methods = new ArrayDeque<>();

  UseScanner(
      ExtractionState state, SourceSites sites, MapDeclarations declarations, CodeUnits codeUnits) {
    this.state = state;
    this.sites = sites;
    this.declarations = declarations;
    this.codeUnits = codeUnits;
    // both work in the unit the scan is in: they read it from this scanner
    this.starts =
        new TaskStarts<>(
            state.syntax,
            state.apis,
            state.startedLater,
            state.singleThreadExecutors,
            state.rootsByStartCall,
            () -> current() == null ? -1 : current().unit.id());
    this.classifier = new MapUseClassifier(state, sites, declarations, this);
  }

  UnitInfo current() {
    return units.peek();
  }

  private void inUnit(CodeUnit unit, Runnable body) {
    units.push(state.infos.get(unit));
    try {
      body.run();
    } finally {
      units.pop();
    }
  }

  @Override
  public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
    JCClassDecl tree = (JCClassDecl) node;
    // scan(TreePath) leaves the scanner without a current path: take it once, up front.
    TreePath classPath = getCurrentPath();
    classes.push(tree);
    try {
      for (JCTree member : tree.defs) {
        TreePath memberPath = new TreePath(classPath, member);
        if (member instanceof JCVariableDecl && ((JCVariableDecl) member).init != null) {
          inUnit(codeUnits.initializerUnit(tree), () -> scan(memberPath, null));
        } else if (member instanceof JCBlock) {
          inUnit(codeUnits.initializerUnit(tree), () -> scan(memberPath, null));
        } else {
          scan(memberPath, null);
        }
      }
    } finally {
      classes.pop();
    }
    return null;
  }

  @Override
  public Void visitMethod(com.sun.source.tree.MethodTree node, Void unused) {
    JCMethodDecl method = (JCMethodDecl) node;
    CodeUnit unit = state.methodUnits.get(method.sym);
    if (unit == null || method.body == null) {
      return null;
    }
    methods.push(method);
    for (JCVariableDecl parameter : method.params) {
      registerLocalMap(parameter, new TreePath(getCurrentPath(), parameter));
    }
    try {
      inUnit(unit, () -> scan(new TreePath(getCurrentPath(), method.body), null));
    } finally {
      methods.pop();
    }
    return null;
  }

  @Override
  public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
    JCLambda lambda = (JCLambda) node;
    TreePath path = getCurrentPath();
    FunctionalContext context = starts.functionalContext(JavacSyntax.path(path));
    CodeUnit unit = functionalUnit(context, "lambda at line " + sites.line(lambda), lambda, path);
    inUnit(unit, () -> scan(new TreePath(path, lambda.body), null));
    return null;
  }

  private CodeUnit functionalUnit(
      FunctionalContext context, String name, JCTree body, TreePath path) {
    return functionalUnit(context, name, body, path, Set.of());
  }

  private CodeUnit functionalUnit(
      FunctionalContext context,
      String name,
      JCTree body,
      TreePath path,
      Set<LockRef> entryLocks) {
    JCClassDecl owner = classes.peek();
    CodeUnit unit;
    switch (context.kind()) {
      case TASK:
        unit = new CodeUnit(state.nextUnitId++, CodeUnit.Kind.TASK, name, true, Set.of(), context.task());
        break;
      case INLINE:
        unit = new CodeUnit(state.nextUnitId++, CodeUnit.Kind.METHOD, name, true, Set.of(), null);
        break;
      default:
        unit = new CodeUnit(state.nextUnitId++, CodeUnit.Kind.METHOD, name, false, entryLocks, null);
        break;
    }
    codeUnits.register(unit, body, owner, methods.peek());
    if (context.kind() == FunctionalContext.Kind.INLINE && current() != null) {
      current().edges.add(new PendingEdge<>(unit, path));
    }
    return unit;
  }

  @Override
  public Void visitMemberReference(com.sun.source.tree.MemberReferenceTree node, Void unused) {
    JCMemberReference reference = (JCMemberReference) node;
    CodeUnit target = reference.sym instanceof MethodSymbol ? state.methodUnits.get(reference.sym) : null;
    if (target != null) {
      TreePath path = getCurrentPath();
      FunctionalContext context = starts.functionalContext(JavacSyntax.path(path));
      if (context.kind() == FunctionalContext.Kind.TASK) {
        CodeUnit task = functionalUnit(context, "method reference at line " + sites.line(reference), null, path);
        state.infos.get(task).edges.add(new PendingEdge<>(target, path));
      } else if (current() != null) {
        current().edges.add(new PendingEdge<>(target, path));
      }
    }
    return super.visitMemberReference(node, unused);
  }

  @Override
  public Void visitNewClass(com.sun.source.tree.NewClassTree node, Void unused) {
    JCNewClass creation = (JCNewClass) node;
    TreePath path = getCurrentPath();
    startedNamedClasses(creation, path);
    if (creation.def == null) {
      recordSameClassCall(creation.constructor, path);
      return super.visitNewClass(node, unused);
    }
    FunctionalContext context = starts.functionalContext(JavacSyntax.path(path));
    TaskClasses.TaskClass taskClass = starts.taskClassOf(creation);
    if (context.kind() == FunctionalContext.Kind.INLINE && taskClass != null) {
      // an anonymous Thread, TimerTask or fork-join task runs on its own thread whoever starts it
      context = FunctionalContext.task(starts.taskRoot(JavacSyntax.path(path), taskClass.description() + " created", false));
    }
    for (JCTree member : creation.def.defs) {
      if (member instanceof JCMethodDecl && ((JCMethodDecl) member).body != null) {
        JCMethodDecl method = (JCMethodDecl) member;
        String name = method.name.toString();
        boolean entryPoint =
            (TaskClasses.STARTED_INSTANCE_METHODS.contains(name)
                    || taskClass != null && name.equals(taskClass.method()))
                && method.params.isEmpty();
        FunctionalContext methodContext =
            context.kind() == FunctionalContext.Kind.TASK && !entryPoint
                ? FunctionalContext.DEFERRED
                : context;
        CodeUnit unit =
            functionalUnit(
                methodContext,
                method.name + "() of the anonymous class at line " + sites.line(creation),
                method,
                path,
                locksHeldByCaller(creation, method));
        state.methodUnits.put(method.sym, unit);
      }
    }
    for (JCExpression argument : creation.args) {
      scan(new TreePath(path, argument), null);
    }
    classes.push(creation.def);
    try {
      for (JCTree member : creation.def.defs) {
        if (member instanceof JCMethodDecl) {
          scan(new TreePath(new TreePath(path, creation.def), member), null);
        }
      }
    } finally {
      classes.pop();
    }
    return null;
  }

  /** The lock an anonymous {@code Monitor.Guard}'s {@code isSatisfied()} always runs under. */
  private Set<LockRef> locksHeldByCaller(JCNewClass creation, JCMethodDecl method) {
    for (LockApis.CallbackUnderLock callback : LockApis.CALLBACKS_UNDER_LOCK) {
      if (method.name.contentEquals(callback.method())
          && state.types.isSubtype(creation.type, callback.owner())
          && creation.args.size() > callback.lockArgument()) {
        LockRef lock = state.locks.lockObject(creation.args.get(callback.lockArgument()));
        return lock == null ? Set.of() : Set.of(lock);
      }
    }
    return Set.of();
  }

  /** {@code executor.submit(new Worker())} / {@code new Thread(this)}: the class's run() is a task. */
  private void startedNamedClasses(JCTree call, TreePath path) {
    List<JCExpression> arguments =
        call instanceof JCNewClass ? ((JCNewClass) call).args : ((JCMethodInvocation) call).args;
    Optional<ThreadStartApis.Entry> start = starts.startOf(call);
    if (start.isEmpty()) {
      return;
    }
    for (JCExpression argument : arguments) {
      JCExpression a = TreeInfo.skipParens(argument);
      Symbol classSymbol = null;
      if (a instanceof JCNewClass && ((JCNewClass) a).def == null) {
        classSymbol = a.type == null ? null : a.type.tsym;
      } else if (a instanceof JCIdent && ((JCIdent) a).name.contentEquals("this")) {
        classSymbol = a.type == null ? null : a.type.tsym;
      }
      if (classSymbol == null) {
        continue;
      }
      for (Map.Entry<MethodSymbol, CodeUnit> entry : state.methodUnits.entrySet()) {
        MethodSymbol method = entry.getKey();
        if (method.owner == classSymbol
            && method.params().isEmpty()
            && TaskClasses.STARTED_INSTANCE_METHODS.contains(method.name.toString())) {
          ThreadRoot root = starts.taskRoot(JavacSyntax.path(path), start.get().description(), false);
          CodeUnit task =
              codeUnits.register(
                  new CodeUnit(
                      state.nextUnitId++, CodeUnit.Kind.TASK, root.describe(), true, Set.of(), root),
                  null,
                  classes.peek(),
                  null);
          state.infos.get(task).edges.add(new PendingEdge<>(entry.getValue(), path));
        }
      }
    }
  }

  @Override
  public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void unused) {
    JCMethodInvocation invocation = (JCMethodInvocation) node;
    TreePath path = getCurrentPath();
    Symbol symbol = TreeInfo.symbol(invocation.meth);
    if (symbol != null
        && current() != null
        && LockApis.ALL_METHOD_NAMES.contains(symbol.getSimpleName().toString())
        && state.locks.operation(invocation) != null) {
      current().hasLockCalls = true;
    }
    recordSameClassCall(symbol, path);
    startedNamedClasses(invocation, path);
    boolean onThis =
        invocation.meth instanceof JCIdent
            || invocation.meth instanceof JCFieldAccess
                && ((JCFieldAccess) invocation.meth).selected instanceof JCIdent
                && ((JCIdent) ((JCFieldAccess) invocation.meth).selected).name.contentEquals("this");
    MapField returned = invocation.args.isEmpty() && onThis ? declarations.getters().get(symbol) : null;
    if (returned != null && current() != null) {
      classifier.classifyMapUse(returned, path, AliasKind.MAP); // sessions().keySet(): a use of the field
    }
    return super.visitMethodInvocation(node, unused);
  }

  private void recordSameClassCall(Symbol symbol, TreePath path) {
    if (symbol instanceof MethodSymbol && current() != null) {
      CodeUnit callee = state.methodUnits.get(symbol);
      if (callee != null) {
        current().edges.add(new PendingEdge<>(callee, path));
      }
    }
  }

  @Override
  public Void visitSynchronized(com.sun.source.tree.SynchronizedTree node, Void unused) {
    if (current() != null) {
      current().hasSynchronizedBlocks = true;
    }
    // The lock expression itself is not an access to the map it names.
    scan(new TreePath(getCurrentPath(), ((JCSynchronized) node).body), null);
    return null;
  }

  @Override
  public Void visitVariable(com.sun.source.tree.VariableTree node, Void unused) {
    JCVariableDecl variable = (JCVariableDecl) node;
    if (variable.sym != null && variable.init != null && !(variable.sym.owner instanceof ClassSymbol)) {
      classifier.recordAlias(variable.sym, variable.init, getCurrentPath());
    }
    registerLocalMap(variable, getCurrentPath());
    return super.visitVariable(node, unused);
  }

  @Override
  public Void visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree node, Void unused) {
    JCEnhancedForLoop loop = (JCEnhancedForLoop) node;
    JCExpression iterated = TreeInfo.skipParens(loop.expr);
    if (iterated instanceof JCMethodInvocation
        && ((JCMethodInvocation) iterated).meth instanceof JCFieldAccess) {
      JCFieldAccess select = (JCFieldAccess) ((JCMethodInvocation) iterated).meth;
      MapField field = FactExtractor.mapFieldOf(state, select.selected);
      if (field != null && select.name.contentEquals("entrySet")) {
        state.aliases.put(loop.var.sym, new Alias(field, AliasKind.ENTRY));
      }
    }
    return super.visitEnhancedForLoop(node, unused);
  }

  @Override
  public Void visitAssignment(com.sun.source.tree.AssignmentTree node, Void unused) {
    JCAssign assign = (JCAssign) node;
    Symbol target = TreeInfo.symbol(assign.lhs);
    if (target instanceof VarSymbol && !(target.owner instanceof ClassSymbol)) {
      state.aliases.remove(target);
      classifier.recordAlias((VarSymbol) target, assign.rhs, getCurrentPath());
    }
    Symbol value = TreeInfo.symbol(TreeInfo.skipParens(assign.rhs));
    if (state.fields.containsKey(target) && value instanceof VarSymbol && !(value.owner instanceof ClassSymbol)) {
      // field = local: from here on, filling the local fills the published field
      state.aliases.put((VarSymbol) value, new Alias(state.fields.get(target), AliasKind.MAP));
    }
    return super.visitAssignment(node, unused);
  }

  @Override
  public Void visitIdentifier(com.sun.source.tree.IdentifierTree node, Void unused) {
    recordUse(getCurrentPath(), TreeInfo.symbol((JCTree) node));
    return null;
  }

  @Override
  public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree node, Void unused) {
    Symbol symbol = TreeInfo.symbol((JCTree) node);
    if (symbol instanceof VarSymbol && state.fields.containsKey(symbol)) {
      recordUse(getCurrentPath(), symbol);
      // the receiver (this.state) is read too, but it is not a map
      return super.visitMemberSelect(node, unused);
    }
    return super.visitMemberSelect(node, unused);
  }

  private void registerLocalMap(JCVariableDecl variable, TreePath path) {
    if (variable.sym != null
        && state.localMapValues.containsKey(variable.sym)
        && !state.aliases.containsKey(variable.sym)) {
      state.localMaps.put(variable.sym, state.mapFields.local(variable, sites.site(path)));
    }
  }

  private void recordUse(TreePath path, Symbol symbol) {
    if (!(symbol instanceof VarSymbol) || current() == null) {
      return;
    }
    ValueLocal value = state.valueLocals.get(symbol);
    if (value != null) {
      CallSyntax.ValueUse use = CallSyntax.useOfValue(path);
      if (use != null) {
        current()
            .mutations
            .add(
                new PendingMutation<>(
                    value.field(), value.source(), value.line(), use.method(),
                    symbol.name.toString(), use.path()));
      }
      return;
    }
    MapField field = state.fields.get(symbol);
    if (field != null) {
      classifier.classifyMapUse(field, path, AliasKind.MAP);
      return;
    }
    Alias alias = state.aliases.get(symbol);
    if (alias != null) {
      classifier.classifyMapUse(alias.field(), path, alias.kind());
      return;
    }
    MapField local = state.localMaps.get(symbol);
    if (local != null) {
      classifier.classifyMapUse(local, path, AliasKind.MAP);
    }
  }
}

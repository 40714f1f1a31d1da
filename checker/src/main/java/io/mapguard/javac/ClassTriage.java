package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMemberReference;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCModifiers;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCSynchronized;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import com.sun.tools.javac.util.Name;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.knowledge.CapacityHints;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.LocalMapTriggers;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.MapCreation;
import io.mapguard.engine.model.MapField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first pass over a class: its map fields and what is assigned to them, executors, lock
 * aliases, and the class-wide signals (a loop or update over a map, anything concurrent) without
 * which no rule can fire. Most classes have none, and their extraction ends after this pass, before
 * any unit is built. mapvet's {@code LintClassTriage} is its mirror.
 */
final class ClassTriage extends TreeScanner {
  private final ExtractionState state;
  private final MapDeclarations declarations;
  private final SourceSites sites;
  private final Map<Symbol, JCExpression> localFunctions = new HashMap<>();

  ClassTriage(ExtractionState state, MapDeclarations declarations, SourceSites sites) {
    this.state = state;
    this.declarations = declarations;
    this.sites = sites;
  }

  /** {@code Runnable r = () -> ..; pool.submit(r);}: the lambda is a task started by that call. */
  private void startsLocalFunctions(JCTree call, List<JCExpression> arguments) {
    for (JCExpression argument : arguments) {
      JCExpression function = localFunctions.get(TreeInfo.symbol(TreeInfo.skipParens(argument)));
      if (function != null && state.apis.startOf(state.syntax.callee(call)).isPresent()) {
        state.startedLater.putIfAbsent(function, call);
      }
    }
  }

  @Override
  public void visitApply(JCMethodInvocation tree) {
    startsLocalFunctions(tree, tree.args);
    Name name = TreeInfo.name(tree.meth);
    if (name != null) {
      String method = name.toString();
      if (!state.loopsOrUpdates) {
        boolean walk = MapMethods.isView(method) || method.equals("forEach");
        boolean updateOrWrap = LocalMapTriggers.UPDATE_OR_WRAP_CALLS.contains(method);
        boolean onAMap =
            (walk || updateOrWrap || MapMethods.effectOnMap(method) == Effect.WRITE)
                && mayBeOnAMap(tree);
        state.walksAMap |= walk && onAMap;
        state.changesAMap |= LocalMapTriggers.mayChangeAMap(method, onAMap);
        state.loopsOrUpdates = updateOrWrap && onAMap || state.walksAMap && state.changesAMap;
      }
      state.concurrencySignals |=
          LockApis.ALL_METHOD_NAMES.contains(method)
              || ThreadStartApis.PARALLEL_STREAM_METHODS.contains(method)
              || !state.concurrencySignals && state.apis.startOf(state.syntax.callee(tree)).isPresent();
    }
    super.visitApply(tree);
  }

  /**
   * Whether a view or update call may be made on a map: a {@code values()} of an enum or a
   * {@code forEach} of a list is not. Unqualified and static calls count (a map subclass calling
   * its own {@code keySet()}, {@code Collections.synchronizedMap(m)}).
   */
  private boolean mayBeOnAMap(JCMethodInvocation call) {
    if (!(call.meth instanceof JCFieldAccess)) {
      return true;
    }
    Symbol method = TreeInfo.symbol(call.meth);
    JCExpression receiver = ((JCFieldAccess) call.meth).selected;
    return method == null || method.isStatic() || receiver.type == null || state.types.isMap(receiver.type);
  }

  @Override
  public void visitSynchronized(JCSynchronized tree) {
    state.concurrencySignals = true;
    super.visitSynchronized(tree);
  }

  @Override
  public void visitMethodDef(JCMethodDecl tree) {
    state.concurrencySignals |=
        (tree.mods.flags & Flags.SYNCHRONIZED) != 0 || hasConcurrencyAnnotation(tree.mods);
    super.visitMethodDef(tree);
  }

  @Override
  public void visitClassDef(JCClassDecl tree) {
    state.concurrencySignals |=
        hasConcurrencyAnnotation(tree.mods)
            || tree.sym != null
                && (state.types.isSubtype(tree.sym.type, "java.lang.Thread")
                    || state.types.isSubtype(tree.sym.type, "java.util.TimerTask"));
    super.visitClassDef(tree);
  }

  @Override
  public void visitNewClass(JCNewClass tree) {
    startsLocalFunctions(tree, tree.args);
    recordSizedCreation(tree);
    state.concurrencySignals |=
        !state.concurrencySignals
            && (state.apis.startOf(state.syntax.callee(tree)).isPresent()
                || state.types.isSubtype(tree.type, "java.lang.Thread")
                || state.types.isSubtype(tree.type, "java.util.TimerTask"));
    super.visitNewClass(tree);
  }

  @Override
  public void visitVarDef(JCVariableDecl tree) {
    VarSymbol symbol = tree.sym;
    if (symbol != null && !(symbol.owner instanceof ClassSymbol) && state.types.isMap(symbol.type)) {
      List<String> values = state.localMapValues.computeIfAbsent(symbol, k -> new ArrayList<>());
      if (tree.init != null) {
        declarations.describeValue(tree.init, values);
      }
    }
    if (symbol != null && !(symbol.owner instanceof ClassSymbol) && tree.init != null) {
      JCExpression init = TreeInfo.skipParens(tree.init);
      if (init instanceof JCNewClass) {
        state.initializers.put(symbol, init);
      }
      if (init instanceof JCLambda
          || init instanceof JCMemberReference
          || init instanceof JCNewClass && ((JCNewClass) init).def != null) {
        localFunctions.put(symbol, init);
      }
    }
    if (symbol != null && symbol.owner instanceof ClassSymbol) {
      state.concurrencySignals |=
          (symbol.flags() & Flags.VOLATILE) != 0
              || hasConcurrencyAnnotation(tree.mods)
              || state.types.isSubtype(symbol.type, "java.util.concurrent.atomic.AtomicReference");
    }
    if (symbol != null && symbol.owner instanceof ClassSymbol && !SourceSites.isAnonymous(symbol.owner)) {
      if (state.types.isMap(symbol.type)) {
        state.mapFieldTrees.put(symbol, tree);
        if (tree.init != null) {
          declarations.describeValue(tree.init, state.assignedValues.computeIfAbsent(symbol, k -> new ArrayList<>()));
        }
      }
      if (tree.init != null && isSingleThreadExecutor(tree.init)) {
        state.singleThreadExecutors.add(symbol);
      }
    }
    if (symbol != null) {
      state.locks.recordAlias(tree);
    }
    super.visitVarDef(tree);
  }

  @Override
  public void visitAssign(JCAssign tree) {
    Symbol symbol = TreeInfo.symbol(tree.lhs);
    List<String> localValues = state.localMapValues.get(symbol);
    if (localValues != null) {
      declarations.describeValue(tree.rhs, localValues);
    }
    if (symbol instanceof VarSymbol && symbol.owner instanceof ClassSymbol && state.types.isMap(symbol.type)) {
      declarations.describeValue(
          tree.rhs, state.assignedValues.computeIfAbsent((VarSymbol) symbol, k -> new ArrayList<>()));
      if (isSingleThreadExecutor(tree.rhs)) {
        state.singleThreadExecutors.add((VarSymbol) symbol);
      }
    }
    super.visitAssign(tree);
  }

  /** {@code new HashMap<>(n)} through the {@code int} constructor. */
  private void recordSizedCreation(JCNewClass creation) {
    if (creation.args.size() != 1
        || creation.def != null
        || creation.type == null
        || !CapacityHints.SIZED_FACTORIES.containsKey(
            creation.type.tsym.getQualifiedName().toString())
        || !(creation.constructor instanceof MethodSymbol)
        || !((MethodSymbol) creation.constructor).params().head.type.hasTag(TypeTag.INT)) {
      return;
    }
    JCExpression argument = CallSyntax.skipParensAndCasts(creation.args.head);
    state.creations.add(
        new MapCreation(
            creation.type.tsym.getQualifiedName().toString(),
            argument.toString().replaceAll("\\s+", ""),
            sizeArgument(argument),
            sites.site(TreePath.getPath(state.compilationUnit, creation))));
  }

  private MapCreation.SizeArgument sizeArgument(JCExpression argument) {
    if (argument instanceof JCMethodInvocation
        && ((JCMethodInvocation) argument).args.isEmpty()
        && ((JCMethodInvocation) argument).meth instanceof JCFieldAccess) {
      Name name = ((JCFieldAccess) ((JCMethodInvocation) argument).meth).name;
      if (name.contentEquals("size")) {
        return MapCreation.SizeArgument.SIZE_CALL;
      }
      if (name.contentEquals("length")) {
        return MapCreation.SizeArgument.LENGTH;
      }
    }
    if (argument instanceof JCFieldAccess && ((JCFieldAccess) argument).name.contentEquals("length")) {
      return MapCreation.SizeArgument.LENGTH;
    }
    if (argument instanceof JCIdent || argument instanceof JCFieldAccess) {
      return MapCreation.SizeArgument.NAME;
    }
    return argument instanceof JCLiteral
        ? MapCreation.SizeArgument.LITERAL
        : MapCreation.SizeArgument.OTHER;
  }

  private boolean hasConcurrencyAnnotation(JCModifiers modifiers) {
    for (JCAnnotation annotation : modifiers.annotations) {
      String name = MapDeclarations.annotationName(annotation);
      if (ConcurrencyAnnotations.HELD_ON_ENTRY.contains(name)
          || ConcurrencyAnnotations.THREAD_SAFE.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Evidence the prepass does not see as a signal: the class's own role (the engine's class
   * evidence: a managed singleton, {@code @ThreadSafe}), and map fields that are concurrent or
   * synchronized (a static ConcurrentMap counts as shared; a synchronized map's iteration is
   * checked without threads).
   */
  boolean needsAnalysisAnyway(ClassFacts facts) {
    if (ClassAnalysis.hasClassEvidence(facts)) {
      return true;
    }
    for (MapField field : state.fields.values()) {
      MapKind kind = MapTypes.kindOfField(field.declaredType(), field.assignedValues());
      if (kind != MapKind.NON_THREAD_SAFE && kind != MapKind.UNKNOWN) {
        return true;
      }
    }
    return false;
  }

  private boolean isSingleThreadExecutor(JCExpression init) {
    JCExpression e = TreeInfo.skipParens(init);
    if (!(e instanceof JCMethodInvocation)) {
      return false;
    }
    Object callee = state.syntax.callee(e);
    for (MethodRef factory : ThreadStartApis.SINGLE_THREAD_EXECUTOR_FACTORIES) {
      if (state.apis.isExactly(factory, callee)) {
        return true;
      }
    }
    return false;
  }
}

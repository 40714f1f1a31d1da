package io.mapguard.javac;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCExpressionStatement;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCEnhancedForLoop;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCIf;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMemberReference;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCModifiers;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCReturn;
import com.sun.tools.javac.tree.JCTree.JCSynchronized;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.knowledge.CapacityHints;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.ConstructionMethods;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.knowledge.LocalMapTriggers;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.knowledge.MapArguments;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.FunctionalContext;
import io.mapguard.engine.model.LazyInit;
import io.mapguard.engine.model.LockOperation;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapCreation;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.MapWrap;
import io.mapguard.engine.model.NullableArgument;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.model.StoredValue;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.engine.model.ValueMutation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Translates one attributed top-level class into engine facts. It only reads syntax and types; every
 * judgement (sharing, guards, what to report) is the engine's.
 */
public final class FactExtractor {
  private final Context context;
  private final JavacTypes types;
  private final ApiMatcher apis;
  private final ProcessingEnvironment env;
  private final Names names;

  public FactExtractor(Context context, AnalysisOptions options) {
    this.context = context;
    this.types = new JavacTypes(context);
    this.apis = new ApiMatcher(types, options.immediateCallbacks(), options.threadStartApis());
    this.env = JavacProcessingEnvironment.instance(context);
    this.names = Names.instance(context);
  }

  public ClassFacts extract(JCCompilationUnit unit, JCClassDecl topLevel) {
    return new Extraction(unit, topLevel).run();
  }

  /** What a local variable stands for. */
  private enum AliasKind {
    MAP,
    VIEW,
    ENTRY,
    /** An iterator over a view: its {@code remove()} removes from the map. */
    ITERATOR
  }

  private record Alias(MapField field, AliasKind kind) {}

  private record Pending(
      MapField field,
      Effect effect,
      String method,
      TreePath path,
      boolean fresh,
      boolean nullArgument,
      MapCall call) {
    Pending(MapField field, Effect effect, String method, TreePath path, boolean fresh, boolean nullArgument) {
      this(field, effect, method, path, fresh, nullArgument, MapCall.NONE);
    }
  }

  private record PendingEdge(CodeUnit callee, TreePath path) {}

  private record PendingWrap(MapField backing, String wrapper, TreePath path) {}

  private record PendingEscape(MapField field, Escape.Kind kind, String detail, TreePath path) {}

  private record PendingMutation(
      MapField field, String source, int sourceLine, String method, String through, TreePath path) {}

  /** A local holding a value taken out of a map field ({@code List<V> l = index.get(k)}). */
  private record ValueLocal(MapField field, String source, int line) {}

  /** A unit under construction: its body, for the CFG, and what was found inside it. */
  private static final class UnitInfo {
    final CodeUnit unit;
    final JCTree body;
    final JCClassDecl owner;
    final JCMethodDecl enclosingMethod;
    /** A lock API call (lock/unlock, tryLock, stamps...): regions need the dataflow. */
    boolean hasLockCalls;

    boolean hasSynchronizedBlocks;
    final List<Pending> accesses = new ArrayList<>();
    final List<PendingEdge> edges = new ArrayList<>();
    final List<PendingEscape> escapes = new ArrayList<>();
    final List<PendingWrap> wraps = new ArrayList<>();
    final List<PendingMutation> mutations = new ArrayList<>();

    UnitInfo(CodeUnit unit, JCTree body, JCClassDecl owner, JCMethodDecl enclosingMethod) {
      this.unit = unit;
      this.body = body;
      this.owner = owner;
      this.enclosingMethod = enclosingMethod;
    }
  }

  private final class Extraction {
    private final JCCompilationUnit compilationUnit;
    private final JCClassDecl topLevel;
    private final ClassSymbol topSymbol;
    private final LockExpressions locks;
    private final Map<VarSymbol, JCVariableDecl> mapFieldTrees = new LinkedHashMap<>();
    private final Map<VarSymbol, List<String>> assignedValues = new HashMap<>();
    private final Map<VarSymbol, MapField> fields = new LinkedHashMap<>();
    private final Map<VarSymbol, JCCompilationUnit> inheritedFrom = new HashMap<>();
    /** Locals initialized with {@code new ...}: what they hold when assigned to a field. */
    private final Map<Symbol, JCExpression> localInitializers = new HashMap<>();
    /** Functional values kept in a local and later handed to a thread-start call, by that call. */
    private final Map<JCTree, JCTree> startedLater = new IdentityHashMap<>();
    private final Set<VarSymbol> singleThreadExecutors = new HashSet<>();
    private final Map<MethodSymbol, CodeUnit> methodUnits = new HashMap<>();
    private final Map<CodeUnit, UnitInfo> infos = new LinkedHashMap<>();
    private final Map<JCClassDecl, CodeUnit> initializerUnits = new IdentityHashMap<>();
    /** Each method's display name, made once: every access site in it names it. */
    private final Map<JCMethodDecl, String> methodNames = new IdentityHashMap<>();
    private final Map<JCTree, ThreadRoot> rootsByStartCall = new IdentityHashMap<>();
    private final Map<VarSymbol, Alias> aliases = new HashMap<>();
    private final List<LazyInit> lazyInits = new ArrayList<>();
    private final List<MapCreation> creations = new ArrayList<>();
    /** Local variables and parameters holding a map, and what is assigned to them. */
    private final Map<VarSymbol, List<String>> localMapValues = new HashMap<>();
    private final Map<VarSymbol, MapField> localMaps = new HashMap<>();
    private final Map<Symbol, ValueLocal> valueLocals = new HashMap<>();
    private final List<StoredValue> storedValues = new ArrayList<>();
    private final List<NullableArgument> nullableArguments = new ArrayList<>();
    private Map<Symbol, MapField> getters;
    /**
     * An update function or synchronized wrapper ({@link LocalMapTriggers#UPDATE_OR_WRAP_CALLS}), or
     * both a walk over a map (a view, {@code forEach}) and a call that may change a map: without
     * one, the rules about iteration, recursion and wrappers cannot fire.
     */
    private boolean loopsOrUpdates;

    private boolean walksAMap;
    private boolean changesAMap;

    /**
     * Anything the race rules need before they can fire: a lock (synchronized, a lock API call, a
     * guard annotation), a thread start (task, thread class, parallel stream), a volatile or atomic
     * field. Without one, and without class-level evidence, no race rule can report.
     */
    private boolean concurrencySignals;
    private final SourceLines source;
    private final CallSyntax callSyntax;
    private final NullSyntax nullSyntax;
    private int nextUnitId;

    Extraction(JCCompilationUnit compilationUnit, JCClassDecl topLevel) {
      this.compilationUnit = compilationUnit;
      this.topLevel = topLevel;
      this.topSymbol = topLevel.sym;
      this.locks = new LockExpressions(types, topSymbol);
      this.source = new SourceLines(compilationUnit);
      this.callSyntax = new CallSyntax(compilationUnit);
      this.nullSyntax = new NullSyntax(compilationUnit, callSyntax, types);
    }

    ClassFacts run() {
      String file = compilationUnit.getSourceFile().getName();
      ClassFacts facts = ClassFacts.empty(topSymbol.getQualifiedName().toString(), file);
      new Prepass().scan(topLevel);
      facts.creations().addAll(creations);
      addInheritedFields();
      if (mapFieldTrees.isEmpty() && (localMapValues.isEmpty() || !loopsOrUpdates)) {
        return facts;
      }
      for (var annotation : topSymbol.getAnnotationMirrors()) {
        facts.annotations().add(annotation.type.tsym.getQualifiedName().toString());
      }
      facts.supertypes().addAll(types.typeAndSupertypes(topSymbol.type));
      mapFieldTrees.forEach((symbol, tree) -> fields.put(symbol, mapField(symbol, tree)));
      if (!loopsOrUpdates && !concurrencySignals && !needsAnalysisAnyway(facts)) {
        return facts; // the common case: maps used by one thread at a time, no loops over them
      }
      createMethodUnits(topLevel);
      new UnitScanner().scan(new TreePath(new TreePath(compilationUnit), topLevel), null);

      facts.fields().addAll(fields.values());
      Set<CodeUnit> lockSensitive = lockSensitiveUnits();
      for (UnitInfo info : infos.values()) {
        facts.units().add(info.unit);
        HeldLocks regions = lockSensitive.contains(info.unit) ? heldLocks(info) : null;
        for (Pending p : info.accesses) {
          (p.field().local() ? facts.localAccesses() : facts.accesses())
              .add(
                  new Access(
                      p.field(),
                      p.effect(),
                      p.method(),
                      site(p.path()),
                      info.unit,
                      held(regions, p.path()),
                      ((JCTree) p.path().getLeaf()).getStartPosition(),
                      p.fresh(),
                      p.nullArgument(),
                      p.call()));
        }
        for (PendingEdge e : info.edges) {
          CallSyntax.UpdateCall around = callSyntax.updateAround(e.path(), x -> mapFieldOf(x));
          MapField updated = around == null ? null : (MapField) around.map();
          LoopAround looped = loopAround(e.path());
          facts
              .calls()
              .add(
                  new CallEdge(
                      info.unit,
                      e.callee(),
                      held(regions, e.path()),
                      line(e.path().getLeaf()),
                      updated != null && !updated.local() ? updated : null,
                      updated != null && !updated.local() ? around.update() : null,
                      looped == null ? null : looped.map(),
                      looped == null ? null : looped.loop()));
        }
        for (PendingWrap w : info.wraps) {
          facts
              .wraps()
              .add(
                  new MapWrap(
                      w.backing(),
                      w.wrapper(),
                      site(w.path()),
                      info.unit,
                      ((JCTree) w.path().getLeaf()).getStartPosition()));
        }
        for (PendingMutation m : info.mutations) {
          facts
              .valueMutations()
              .add(
                  new ValueMutation(
                      m.field(),
                      m.source(),
                      m.sourceLine(),
                      m.method(),
                      m.through(),
                      site(m.path()),
                      info.unit,
                      held(regions, m.path())));
        }
        for (PendingEscape e : info.escapes) {
          if (e.field().local()) {
            continue; // where a local map goes is the business of the sharing rules' fields only
          }
          facts
              .escapes()
              .add(
                  new Escape(
                      e.field(), e.kind(), e.detail(), site(e.path()), info.unit, held(regions, e.path())));
        }
      }
      facts.lazyInits().addAll(lazyInits);
      facts.storedValues().addAll(storedValues);
      facts.nullableArguments().addAll(nullableArguments);
      return facts;
    }

    /**
     * Methods of the class without parameters whose body is {@code return field;} for a field
     * holding a synchronized wrapper: a call to one is a use of that field (its iteration must hold
     * the field's monitor as well). Other getters are left to GuardedMapEscape.
     */
    private Map<Symbol, MapField> getters() {
      if (getters == null) {
        getters = new HashMap<>();
        new TreeScanner() {
          @Override
          public void visitMethodDef(JCMethodDecl tree) {
            if (tree.sym != null
                && tree.params.isEmpty()
                && tree.body != null
                && tree.body.stats.size() == 1
                && tree.body.stats.head instanceof JCReturn
                && ((JCReturn) tree.body.stats.head).expr != null) {
              MapField field = fields.get(TreeInfo.symbol(TreeInfo.skipParens(((JCReturn) tree.body.stats.head).expr)));
              if (field != null
                  && MapTypes.kindOfField(field.declaredType(), field.assignedValues()) == MapKind.SYNCHRONIZED) {
                getters.put(tree.sym, field);
              }
            }
            super.visitMethodDef(tree);
          }
        }.scan(topLevel);
      }
      return getters;
    }

    /** A loop over a map field around a call, which goes on after the call. */
    private record LoopAround(MapField map, MapCall.Loop loop) {}

    private LoopAround loopAround(TreePath call) {
      if (!loopsOrUpdates || CallSyntax.exitsAfter(call)) {
        return null;
      }
      LoopAround innermost = null; // nested loops over two maps: the one that starts last
      for (MapField field : fields.values()) {
        MapCall.Loop loop = callSyntax.enclosingLoop(call, x -> mapFieldOf(x), field);
        if (loop != null && (innermost == null || loop.line() > innermost.loop().line())) {
          innermost = new LoopAround(field, loop);
        }
      }
      return innermost;
    }

    /**
     * Units where the locks held matter: those that touch a map field, and their callers in the
     * class (the locks at a call become the callee's entry locks). Building a CFG is the costliest
     * step of the extraction, so the others get none.
     */
    private Set<CodeUnit> lockSensitiveUnits() {
      Set<CodeUnit> sensitive = new HashSet<>();
      for (UnitInfo info : infos.values()) {
        if (info.accesses.stream().anyMatch(a -> !a.field().local())
            || info.escapes.stream().anyMatch(e -> !e.field().local())
            || !info.wraps.isEmpty()
            || !info.mutations.isEmpty()) {
          sensitive.add(info.unit);
        }
      }
      boolean changed = !sensitive.isEmpty();
      while (changed) {
        changed = false;
        for (UnitInfo info : infos.values()) {
          if (!sensitive.contains(info.unit)) {
            for (PendingEdge edge : info.edges) {
              if (sensitive.contains(edge.callee())) {
                changed |= sensitive.add(info.unit);
                break;
              }
            }
          }
        }
      }
      return sensitive;
    }

    private Set<LockRef> held(HeldLocks regions, TreePath path) {
      return regions == null ? Set.of() : regions.heldAt(path);
    }

    private HeldLocks heldLocks(UnitInfo info) {
      if (info.hasLockCalls) {
        return lockRegions(info);
      }
      return info.hasSynchronizedBlocks && info.body != null
          ? new SynchronizedBlocks(bodyOf(info.body), locks)
          : null;
    }

    private JCTree bodyOf(JCTree unitTree) {
      if (unitTree instanceof JCMethodDecl) {
        return ((JCMethodDecl) unitTree).body;
      }
      return unitTree instanceof JCLambda ? ((JCLambda) unitTree).body : unitTree;
    }

    private LockRegions lockRegions(UnitInfo info) {
      if (info.body instanceof JCMethodDecl && ((JCMethodDecl) info.body).body != null) {
        return LockRegions.forMethod(
            compilationUnit, (JCMethodDecl) info.body, info.owner, env, locks);
      }
      if (info.body instanceof JCLambda) {
        return LockRegions.forLambda(
            compilationUnit, (JCLambda) info.body, info.owner, info.enclosingMethod, env, locks);
      }
      return null;
    }

    // ---------------------------------------------------------------- fields

    private MapField mapField(VarSymbol symbol, JCVariableDecl tree) {
      List<String> values = assignedValues.getOrDefault(symbol, List.of());
      String guard = null;
      String guardAnnotation = null;
      for (JCAnnotation annotation : annotationsOf(tree)) {
        String name = annotationName(annotation);
        if (ConcurrencyAnnotations.GUARDED_BY.contains(name)) {
          guard = qualifyGuard(symbol, annotationValue(annotation));
          guardAnnotation = name;
        }
      }
      boolean confined =
          hasAnnotation(symbol, ConcurrencyAnnotations.THREAD_CONFINED)
              || hasAnnotation(symbol.owner, ConcurrencyAnnotations.THREAD_CONFINED);
      long flags = symbol.flags();
      return new MapField(
          locks.fieldName(symbol),
          types.typeAndSupertypes(symbol.type),
          List.copyOf(values),
          (flags & Flags.STATIC) != 0,
          (flags & Flags.FINAL) != 0,
          (flags & Flags.VOLATILE) != 0,
          false,
          guard,
          guardAnnotation,
          confined,
          inheritedFrom.containsKey(symbol)
              ? inheritedDeclarationSite(symbol, tree, inheritedFrom.get(symbol))
              : site(memberPath(tree, symbol.owner)),
          false,
          types.mapValueType(symbol.type));
    }

    /**
     * The path to {@code member}, a declaration in the class {@code owner}, built along the chain of
     * named classes from the top-level class instead of searching the compilation unit's trees
     * (a search through every method body for each map field of a large class). Members of local
     * and anonymous classes are searched for.
     */
    private TreePath memberPath(JCTree member, Symbol owner) {
      Deque<Symbol> chain = new ArrayDeque<>();
      for (Symbol s = owner; s != topSymbol; s = s.owner) {
        if (!(s instanceof ClassSymbol) || s.owner == null) {
          // inside a method: a member of a local or anonymous class
          return TreePath.getPath(compilationUnit, member);
        }
        chain.push(s);
      }
      TreePath path = new TreePath(new TreePath(compilationUnit), topLevel);
      JCClassDecl current = topLevel;
      while (!chain.isEmpty()) {
        Symbol nested = chain.pop();
        JCClassDecl found = null;
        for (JCTree definition : current.defs) {
          if (definition instanceof JCClassDecl && ((JCClassDecl) definition).sym == nested) {
            found = (JCClassDecl) definition;
          }
        }
        if (found == null) {
          return TreePath.getPath(compilationUnit, member);
        }
        path = new TreePath(path, found);
        current = found;
      }
      return current.defs.contains(member)
          ? new TreePath(path, member)
          : TreePath.getPath(compilationUnit, member);
    }

    /** A local variable or parameter holding a map, for the rules that need no sharing. */
    private MapField localMap(VarSymbol symbol, TreePath declaration) {
      return new MapField(
          symbol.name.toString(),
          types.typeAndSupertypes(symbol.type),
          List.copyOf(localMapValues.getOrDefault(symbol, List.of())),
          false,
          (symbol.flags() & Flags.FINAL) != 0,
          false,
          false,
          null,
          null,
          false,
          site(declaration),
          true,
          null);
    }

    /**
     * A {@code @GuardedBy} naming a field or {@code this} means the field's own class, which for a
     * nested class differs from the engine's top-level spelling: "monitor" in {@code State} is
     * {@code State.monitor}.
     */
    private String qualifyGuard(VarSymbol field, String guard) {
      if (guard == null || field.owner == topSymbol) {
        return guard;
      }
      String value = guard.trim();
      if (value.equals("this")) {
        return locks.thisOf(field.owner);
      }
      String name = value.startsWith("this.") ? value.substring("this.".length()) : value;
      for (Symbol owner = field.owner; owner instanceof ClassSymbol; owner = owner.owner) {
        for (Symbol member : ((ClassSymbol) owner).members().getSymbolsByName(names.fromString(name))) {
          if (member instanceof VarSymbol) {
            return locks.fieldName((VarSymbol) member);
          }
        }
      }
      return guard;
    }

    /**
     * Non-private map fields of superclasses compiled in the same run: this class's accesses to them
     * count like its own. (The superclass's own accesses are analysed with the superclass.)
     */
    private void addInheritedFields() {
      JavacTrees trees = JavacTrees.instance(context);
      for (Type t = types.types().supertype(topSymbol.type);
          t != null && t.hasTag(com.sun.tools.javac.code.TypeTag.CLASS);
          t = types.types().supertype(t)) {
        TreePath path = trees.getPath(t.tsym);
        if (path == null || !(path.getLeaf() instanceof JCClassDecl)) {
          return; // from a class file: nothing known about its code
        }
        JCClassDecl superclass = (JCClassDecl) path.getLeaf();
        JCCompilationUnit unit = (JCCompilationUnit) path.getCompilationUnit();
        Map<VarSymbol, JCVariableDecl> inheritedHere = new LinkedHashMap<>();
        for (JCTree member : superclass.defs) {
          if (member instanceof JCVariableDecl) {
            JCVariableDecl variable = (JCVariableDecl) member;
            if (variable.sym != null
                && (variable.sym.flags() & Flags.PRIVATE) == 0
                && types.isMap(variable.sym.type)) {
              inheritedHere.put(variable.sym, variable);
              inheritedFrom.put(variable.sym, unit);
              if (variable.init != null) {
                describeValue(variable.init, assignedValues.computeIfAbsent(variable.sym, k -> new ArrayList<>()));
              }
            }
          }
        }
        new TreeScanner() {
          @Override
          public void visitAssign(JCAssign tree) {
            Symbol symbol = TreeInfo.symbol(tree.lhs);
            if (symbol instanceof VarSymbol && inheritedHere.containsKey(symbol)) {
              describeValue(tree.rhs, assignedValues.computeIfAbsent((VarSymbol) symbol, k -> new ArrayList<>()));
            }
            super.visitAssign(tree);
          }
        }.scan(superclass);
        mapFieldTrees.putAll(inheritedHere);
      }
    }

    /** Where an inherited field is declared: in the superclass's file, with no tree to fix here. */
    private Site inheritedDeclarationSite(VarSymbol field, JCVariableDecl tree, JCCompilationUnit unit) {
      int position = tree.getStartPosition();
      return new Site(
          (int) unit.getLineMap().getLineNumber(position),
          (int) unit.getLineMap().getColumnNumber(position),
          field.owner.getSimpleName() + "#" + field.getSimpleName(),
          tree.toString(),
          Set.of(),
          null);
    }

    private List<JCAnnotation> annotationsOf(JCVariableDecl tree) {
      List<JCAnnotation> all = new ArrayList<>(tree.mods.annotations);
      if (tree.vartype instanceof JCTree.JCAnnotatedType) {
        all.addAll(((JCTree.JCAnnotatedType) tree.vartype).annotations);
      }
      return all;
    }

    private boolean hasAnnotation(Symbol symbol, Set<String> names) {
      for (var annotation : symbol.getAnnotationMirrors()) {
        if (names.contains(annotation.type.tsym.getQualifiedName().toString())) {
          return true;
        }
      }
      return false;
    }

    private String annotationName(JCAnnotation annotation) {
      Type type = annotation.annotationType.type;
      return type == null ? "" : type.tsym.getQualifiedName().toString();
    }

    private String annotationValue(JCAnnotation annotation) {
      for (JCExpression argument : annotation.args) {
        JCExpression value = argument instanceof JCAssign ? ((JCAssign) argument).rhs : argument;
        if (value instanceof JCTree.JCNewArray && !((JCTree.JCNewArray) value).elems.isEmpty()) {
          value = ((JCTree.JCNewArray) value).elems.head;
        }
        if (value instanceof JCLiteral) {
          return String.valueOf(((JCLiteral) value).getValue());
        }
      }
      return null;
    }

    /** {@code new:T}, {@code call:Owner.method}, {@code null:} or {@code type:T} for a value. */
    private void describeValue(JCExpression expression, List<String> out) {
      JCExpression e = TreeInfo.skipParens(expression);
      JCExpression localInit = localInitializers.get(TreeInfo.symbol(e));
      if (localInit != null) {
        describeValue(localInit, out); // a local holding a new map is as fresh as the map
        return;
      }
      if (e instanceof JCTree.JCConditional) {
        describeValue(((JCTree.JCConditional) e).truepart, out);
        describeValue(((JCTree.JCConditional) e).falsepart, out);
        return;
      }
      if (e instanceof JCLiteral && ((JCLiteral) e).getValue() == null) {
        out.add("null:");
        return;
      }
      if (e instanceof JCNewClass && e.type != null) {
        out.add("new:" + firstKnown(e.type));
        return;
      }
      Symbol symbol = e instanceof JCMethodInvocation ? TreeInfo.symbol(((JCMethodInvocation) e).meth) : null;
      if (symbol instanceof MethodSymbol && symbol.isStatic()) {
        String factory = symbol.owner.getQualifiedName() + "." + symbol.getSimpleName();
        String descriptor = "call:" + factory;
        if (MapTypes.kindOfValue(descriptor) != io.mapguard.engine.knowledge.MapKind.UNKNOWN) {
          out.add(descriptor);
          return;
        }
      }
      if (e.type != null) {
        out.add("type:" + firstKnown(e.type));
      }
    }

    private String firstKnown(Type type) {
      List<String> chain = types.typeAndSupertypes(type);
      for (String name : chain) {
        if (MapTypes.isKnown(name)) {
          return name;
        }
      }
      return chain.isEmpty() ? "?" : chain.get(0);
    }

    /** First pass: map fields, what is assigned to them, executors and lock aliases. */
    private final class Prepass extends TreeScanner {
      private final Map<Symbol, JCExpression> localFunctions = new HashMap<>();

      /** {@code Runnable r = () -> ..; pool.submit(r);}: the lambda is a task started by that call. */
      private void startsLocalFunctions(JCTree call, List<JCExpression> arguments) {
        for (JCExpression argument : arguments) {
          JCExpression function = localFunctions.get(TreeInfo.symbol(TreeInfo.skipParens(argument)));
          if (function != null && threadStartOf(call).isPresent()) {
            startedLater.putIfAbsent(function, call);
          }
        }
      }

      @Override
      public void visitApply(JCMethodInvocation tree) {
        startsLocalFunctions(tree, tree.args);
        Name name = TreeInfo.name(tree.meth);
        if (name != null) {
          String method = name.toString();
          if (!loopsOrUpdates) {
            boolean walk = MapMethods.isView(method) || method.equals("forEach");
            boolean updateOrWrap = LocalMapTriggers.UPDATE_OR_WRAP_CALLS.contains(method);
            boolean onAMap =
                (walk || updateOrWrap || MapMethods.effectOnMap(method) == Effect.WRITE)
                    && mayBeOnAMap(tree);
            walksAMap |= walk && onAMap;
            changesAMap |= LocalMapTriggers.mayChangeAMap(method, onAMap);
            loopsOrUpdates = updateOrWrap && onAMap || walksAMap && changesAMap;
          }
          concurrencySignals |=
              LockApis.ALL_METHOD_NAMES.contains(method)
                  || ThreadStartApis.PARALLEL_STREAM_METHODS.contains(method)
                  || !concurrencySignals && threadStartOf(tree).isPresent();
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
        return method == null || method.isStatic() || receiver.type == null || types.isMap(receiver.type);
      }

      @Override
      public void visitSynchronized(JCSynchronized tree) {
        concurrencySignals = true;
        super.visitSynchronized(tree);
      }

      @Override
      public void visitMethodDef(JCMethodDecl tree) {
        concurrencySignals |=
            (tree.mods.flags & Flags.SYNCHRONIZED) != 0 || hasConcurrencyAnnotation(tree.mods);
        super.visitMethodDef(tree);
      }

      @Override
      public void visitClassDef(JCClassDecl tree) {
        concurrencySignals |=
            hasConcurrencyAnnotation(tree.mods)
                || tree.sym != null
                    && (types.isSubtype(tree.sym.type, "java.lang.Thread")
                        || types.isSubtype(tree.sym.type, "java.util.TimerTask"));
        super.visitClassDef(tree);
      }

      @Override
      public void visitNewClass(JCNewClass tree) {
        startsLocalFunctions(tree, tree.args);
        recordSizedCreation(tree);
        concurrencySignals |=
            !concurrencySignals
                && (threadStartOf(tree).isPresent()
                    || types.isSubtype(tree.type, "java.lang.Thread")
                    || types.isSubtype(tree.type, "java.util.TimerTask"));
        super.visitNewClass(tree);
      }

      @Override
      public void visitVarDef(JCVariableDecl tree) {
        VarSymbol symbol = tree.sym;
        if (symbol != null && !(symbol.owner instanceof ClassSymbol) && types.isMap(symbol.type)) {
          List<String> values = localMapValues.computeIfAbsent(symbol, k -> new ArrayList<>());
          if (tree.init != null) {
            describeValue(tree.init, values);
          }
        }
        if (symbol != null && !(symbol.owner instanceof ClassSymbol) && tree.init != null) {
          JCExpression init = TreeInfo.skipParens(tree.init);
          if (init instanceof JCNewClass) {
            localInitializers.put(symbol, init);
          }
          if (init instanceof JCLambda
              || init instanceof JCMemberReference
              || init instanceof JCNewClass && ((JCNewClass) init).def != null) {
            localFunctions.put(symbol, init);
          }
        }
        if (symbol != null && symbol.owner instanceof ClassSymbol) {
          concurrencySignals |=
              (symbol.flags() & Flags.VOLATILE) != 0
                  || hasConcurrencyAnnotation(tree.mods)
                  || types.isSubtype(symbol.type, "java.util.concurrent.atomic.AtomicReference");
        }
        if (symbol != null && symbol.owner instanceof ClassSymbol && !isAnonymous(symbol.owner)) {
          if (types.isMap(symbol.type)) {
            mapFieldTrees.put(symbol, tree);
            if (tree.init != null) {
              describeValue(tree.init, assignedValues.computeIfAbsent(symbol, k -> new ArrayList<>()));
            }
          }
          if (tree.init != null && isSingleThreadExecutor(tree.init)) {
            singleThreadExecutors.add(symbol);
          }
        }
        if (symbol != null && tree.init != null && types.isSubtype(symbol.type, "java.util.concurrent.locks.Lock")) {
          locks.recordAlias(symbol, tree.init);
        }
        super.visitVarDef(tree);
      }

      @Override
      public void visitAssign(JCAssign tree) {
        Symbol symbol = TreeInfo.symbol(tree.lhs);
        List<String> localValues = localMapValues.get(symbol);
        if (localValues != null) {
          describeValue(tree.rhs, localValues);
        }
        if (symbol instanceof VarSymbol && symbol.owner instanceof ClassSymbol && types.isMap(symbol.type)) {
          describeValue(tree.rhs, assignedValues.computeIfAbsent((VarSymbol) symbol, k -> new ArrayList<>()));
          if (isSingleThreadExecutor(tree.rhs)) {
            singleThreadExecutors.add((VarSymbol) symbol);
          }
        }
        super.visitAssign(tree);
      }
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
      creations.add(
          new MapCreation(
              creation.type.tsym.getQualifiedName().toString(),
              argument.toString().replaceAll("\\s+", ""),
              sizeArgument(argument),
              site(TreePath.getPath(compilationUnit, creation))));
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
        String name = annotationName(annotation);
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
    private boolean needsAnalysisAnyway(ClassFacts facts) {
      if (ClassAnalysis.hasClassEvidence(facts)) {
        return true;
      }
      for (MapField field : fields.values()) {
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
      Symbol symbol = TreeInfo.symbol(((JCMethodInvocation) e).meth);
      for (MethodRef factory : ThreadStartApis.SINGLE_THREAD_EXECUTOR_FACTORIES) {
        if (ApiMatcher.isMethod(symbol, factory.owner(), factory.name())) {
          return true;
        }
      }
      return false;
    }

    // ---------------------------------------------------------------- units

    private void createMethodUnits(JCClassDecl classDecl) {
      new TreeScanner() {
        @Override
        public void visitClassDef(JCClassDecl tree) {
          if (tree.sym != null && !isAnonymous(tree.sym)) {
            for (JCTree member : tree.defs) {
              if (member instanceof JCMethodDecl && ((JCMethodDecl) member).body != null) {
                JCMethodDecl method = (JCMethodDecl) member;
                methodUnits.put(method.sym, newMethodUnit(method, tree, threadClassTask(tree, method)));
              }
            }
          }
          super.visitClassDef(tree);
        }
      }.scan(classDecl);
    }

    /** {@code run()} of a named Thread or TimerTask subclass is a task of its own. */
    private ThreadRoot threadClassTask(JCClassDecl owner, JCMethodDecl method) {
      if (!method.name.contentEquals("run") || !method.params.isEmpty()) {
        return null;
      }
      boolean thread = types.isSubtype(owner.sym.type, "java.lang.Thread");
      boolean timerTask = types.isSubtype(owner.sym.type, "java.util.TimerTask");
      if (!thread && !timerTask) {
        return null;
      }
      String what = thread ? "the thread " : "the timer task ";
      return new ThreadRoot(
          ThreadRoot.Kind.TASK, line(owner), what + owner.name, null, false, false, -1, -1);
    }

    private CodeUnit newMethodUnit(JCMethodDecl method, JCClassDecl owner, ThreadRoot task) {
      Set<LockRef> entry = new LinkedHashSet<>();
      if ((method.mods.flags & Flags.SYNCHRONIZED) != 0) {
        entry.add(
            LockRef.monitor(
                (method.mods.flags & Flags.STATIC) != 0
                    ? owner.name + ".class"
                    : locks.thisOf(owner.sym)));
      }
      for (JCAnnotation annotation : method.mods.annotations) {
        if (ConcurrencyAnnotations.HELD_ON_ENTRY.contains(annotationName(annotation))) {
          for (String lock : annotationValues(annotation)) {
            entry.add(LockRef.monitor(lock.startsWith("this.") ? lock.substring(5) : lock));
          }
        }
      }
      entry.addAll(assertedLocks(method.body));
      boolean isPrivate =
          (method.mods.flags & Flags.PRIVATE) != 0 || inPrivateClass(owner.sym) && !overrides(method);
      boolean construction =
          method.sym.isConstructor()
              || (method.mods.flags & (Flags.PRIVATE | Flags.STATIC)) == Flags.PRIVATE
                  && ConstructionMethods.isConstruction(
                      method.name.toString(),
                      method.params.stream().map(p -> p.vartype.toString()).toList());
      CodeUnit.Kind kind =
          task != null
              ? CodeUnit.Kind.TASK
              : construction ? CodeUnit.Kind.CONSTRUCTOR : CodeUnit.Kind.METHOD;
      return register(
          new CodeUnit(nextUnitId++, kind, methodName(method), isPrivate, Set.copyOf(entry), task),
          method,
          owner,
          null);
    }

    /**
     * Locks a method asserts it holds on entry, {@code assert Thread.holdsLock(lock);} among the
     * body's own statements: the JDK's way of writing {@code @Holding}.
     */
    private Set<LockRef> assertedLocks(JCBlock body) {
      Set<LockRef> held = new LinkedHashSet<>();
      if (body != null) {
        for (JCStatement statement : body.stats) {
          if (statement instanceof JCTree.JCAssert) {
            for (JCExpression lock : CallSyntax.holdsLockArguments(((JCTree.JCAssert) statement).cond)) {
              held.add(locks.monitor(lock));
            }
          }
        }
      }
      return held;
    }

    /** A method of a private nested class (or of a class nested in one) is only called from this file. */
    private boolean inPrivateClass(Symbol type) {
      for (Symbol s = type; s instanceof ClassSymbol; s = s.owner) {
        if ((s.flags() & Flags.PRIVATE) != 0) {
          return true;
        }
      }
      return false;
    }

    /** Annotated {@code @Override}: callers outside the file reach it through its supertype. */
    private boolean overrides(JCMethodDecl method) {
      return method.mods.annotations.stream()
          .anyMatch(a -> TreeInfo.name(a.annotationType) != null
              && TreeInfo.name(a.annotationType).contentEquals("Override"));
    }

    private List<String> annotationValues(JCAnnotation annotation) {
      List<String> values = new ArrayList<>();
      for (JCExpression argument : annotation.args) {
        JCExpression value = argument instanceof JCAssign ? ((JCAssign) argument).rhs : argument;
        List<JCExpression> elements =
            value instanceof JCTree.JCNewArray ? ((JCTree.JCNewArray) value).elems : List.of(value);
        for (JCExpression element : elements) {
          if (element instanceof JCLiteral) {
            values.add(String.valueOf(((JCLiteral) element).getValue()));
          }
        }
      }
      return values;
    }

    private CodeUnit register(CodeUnit unit, JCTree body, JCClassDecl owner, JCMethodDecl enclosing) {
      infos.put(unit, new UnitInfo(unit, body, owner, enclosing));
      return unit;
    }

    private String methodName(JCMethodDecl method) {
      return methodNames.computeIfAbsent(method, this::displayName);
    }

    private String displayName(JCMethodDecl method) {
      StringBuilder name = new StringBuilder();
      name.append(method.sym.isConstructor() ? method.sym.owner.getSimpleName() : method.name);
      name.append('(');
      for (int i = 0; i < method.params.size(); i++) {
        name.append(i == 0 ? "" : ", ").append(method.params.get(i).sym.type.tsym.getSimpleName());
      }
      return name.append(')').toString();
    }

    private CodeUnit initializerUnit(JCClassDecl owner) {
      return initializerUnits.computeIfAbsent(
          owner,
          o ->
              register(
                  new CodeUnit(
                      nextUnitId++,
                      CodeUnit.Kind.INITIALIZER,
                      "initializer of " + o.name,
                      true,
                      Set.of(),
                      null),
                  null,
                  o,
                  null));
    }

    // ---------------------------------------------------------------- the main scan

    private final class UnitScanner extends TreePathScanner<Void, Void> {
      private final Deque<UnitInfo> units = new ArrayDeque<>();
      private final Deque<JCClassDecl> classes = new ArrayDeque<>();
      private final Deque<JCMethodDecl> methods = new ArrayDeque<>();

      private UnitInfo current() {
        return units.peek();
      }

      private void inUnit(CodeUnit unit, Runnable body) {
        units.push(infos.get(unit));
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
              inUnit(initializerUnit(tree), () -> scan(memberPath, null));
            } else if (member instanceof JCBlock) {
              inUnit(initializerUnit(tree), () -> scan(memberPath, null));
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
        CodeUnit unit = methodUnits.get(method.sym);
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
        FunctionalContext context = functionalContext(path);
        CodeUnit unit = functionalUnit(context, "lambda at line " + line(lambda), lambda, path);
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
            unit = new CodeUnit(nextUnitId++, CodeUnit.Kind.TASK, name, true, Set.of(), context.task());
            break;
          case INLINE:
            unit = new CodeUnit(nextUnitId++, CodeUnit.Kind.METHOD, name, true, Set.of(), null);
            break;
          default:
            unit = new CodeUnit(nextUnitId++, CodeUnit.Kind.METHOD, name, false, entryLocks, null);
            break;
        }
        register(unit, body, owner, methods.peek());
        if (context.kind() == FunctionalContext.Kind.INLINE && current() != null) {
          current().edges.add(new PendingEdge(unit, path));
        }
        return unit;
      }

      @Override
      public Void visitMemberReference(com.sun.source.tree.MemberReferenceTree node, Void unused) {
        JCMemberReference reference = (JCMemberReference) node;
        CodeUnit target = reference.sym instanceof MethodSymbol ? methodUnits.get(reference.sym) : null;
        if (target != null) {
          TreePath path = getCurrentPath();
          FunctionalContext context = functionalContext(path);
          if (context.kind() == FunctionalContext.Kind.TASK) {
            CodeUnit task = functionalUnit(context, "method reference at line " + line(reference), null, path);
            infos.get(task).edges.add(new PendingEdge(target, path));
          } else if (current() != null) {
            current().edges.add(new PendingEdge(target, path));
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
        FunctionalContext context = functionalContext(path);
        if (context.kind() == FunctionalContext.Kind.INLINE
            && types.isSubtype(creation.type, "java.lang.Thread")) {
          context = FunctionalContext.task(taskRoot(path, "the thread created", false));
        }
        for (JCTree member : creation.def.defs) {
          if (member instanceof JCMethodDecl && ((JCMethodDecl) member).body != null) {
            JCMethodDecl method = (JCMethodDecl) member;
            boolean entryPoint =
                (method.name.contentEquals("run") || method.name.contentEquals("call"))
                    && method.params.isEmpty();
            FunctionalContext methodContext =
                context.kind() == FunctionalContext.Kind.TASK && !entryPoint
                    ? FunctionalContext.DEFERRED
                    : context;
            CodeUnit unit =
                functionalUnit(
                    methodContext,
                    method.name + "() of the anonymous class at line " + line(creation),
                    method,
                    path,
                    locksHeldByCaller(creation, method));
            methodUnits.put(method.sym, unit);
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
              && types.isSubtype(creation.type, callback.owner())
              && creation.args.size() > callback.lockArgument()) {
            LockRef lock = locks.lockObject(creation.args.get(callback.lockArgument()));
            return lock == null ? Set.of() : Set.of(lock);
          }
        }
        return Set.of();
      }

      /** {@code executor.submit(new Worker())} / {@code new Thread(this)}: the class's run() is a task. */
      private void startedNamedClasses(JCTree call, TreePath path) {
        List<JCExpression> arguments =
            call instanceof JCNewClass ? ((JCNewClass) call).args : ((JCMethodInvocation) call).args;
        Optional<ThreadStartApis.Entry> start = threadStartOf(call);
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
          for (Map.Entry<MethodSymbol, CodeUnit> entry : methodUnits.entrySet()) {
            MethodSymbol method = entry.getKey();
            if (method.owner == classSymbol
                && method.params().isEmpty()
                && (method.name.contentEquals("run") || method.name.contentEquals("call"))) {
              ThreadRoot root = taskRoot(path, start.get().description(), false);
              CodeUnit task =
                  register(
                      new CodeUnit(
                          nextUnitId++, CodeUnit.Kind.TASK, root.describe(), true, Set.of(), root),
                      null,
                      classes.peek(),
                      null);
              infos.get(task).edges.add(new PendingEdge(entry.getValue(), path));
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
            && locks.operation(invocation) != null) {
          current().hasLockCalls = true;
        }
        recordSameClassCall(symbol, path);
        startedNamedClasses(invocation, path);
        boolean onThis =
            invocation.meth instanceof JCIdent
                || invocation.meth instanceof JCFieldAccess
                    && ((JCFieldAccess) invocation.meth).selected instanceof JCIdent
                    && ((JCIdent) ((JCFieldAccess) invocation.meth).selected).name.contentEquals("this");
        MapField returned = invocation.args.isEmpty() && onThis ? getters().get(symbol) : null;
        if (returned != null && current() != null) {
          classifyMapUse(returned, path, AliasKind.MAP); // sessions().keySet(): a use of the field
        }
        return super.visitMethodInvocation(node, unused);
      }

      private void recordSameClassCall(Symbol symbol, TreePath path) {
        if (symbol instanceof MethodSymbol && current() != null) {
          CodeUnit callee = methodUnits.get(symbol);
          if (callee != null) {
            current().edges.add(new PendingEdge(callee, path));
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
          recordAlias(variable.sym, variable.init, getCurrentPath());
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
          MapField field = mapFieldOf(select.selected);
          if (field != null && select.name.contentEquals("entrySet")) {
            aliases.put(loop.var.sym, new Alias(field, AliasKind.ENTRY));
          }
        }
        return super.visitEnhancedForLoop(node, unused);
      }

      @Override
      public Void visitAssignment(com.sun.source.tree.AssignmentTree node, Void unused) {
        JCAssign assign = (JCAssign) node;
        Symbol target = TreeInfo.symbol(assign.lhs);
        if (target instanceof VarSymbol && !(target.owner instanceof ClassSymbol)) {
          aliases.remove(target);
          recordAlias((VarSymbol) target, assign.rhs, getCurrentPath());
        }
        Symbol value = TreeInfo.symbol(TreeInfo.skipParens(assign.rhs));
        if (fields.containsKey(target) && value instanceof VarSymbol && !(value.owner instanceof ClassSymbol)) {
          // field = local: from here on, filling the local fills the published field
          aliases.put((VarSymbol) value, new Alias(fields.get(target), AliasKind.MAP));
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
        if (symbol instanceof VarSymbol && fields.containsKey(symbol)) {
          recordUse(getCurrentPath(), symbol);
          // the receiver (this.state) is read too, but it is not a map
          return super.visitMemberSelect(node, unused);
        }
        return super.visitMemberSelect(node, unused);
      }

      private void registerLocalMap(JCVariableDecl variable, TreePath path) {
        if (variable.sym != null
            && localMapValues.containsKey(variable.sym)
            && !aliases.containsKey(variable.sym)) {
          localMaps.put(variable.sym, localMap(variable.sym, path));
        }
      }

      private void recordUse(TreePath path, Symbol symbol) {
        if (!(symbol instanceof VarSymbol) || current() == null) {
          return;
        }
        ValueLocal value = valueLocals.get(symbol);
        if (value != null) {
          CallSyntax.ValueUse use = CallSyntax.useOfValue(path);
          if (use != null) {
            current()
                .mutations
                .add(
                    new PendingMutation(
                        value.field(), value.source(), value.line(), use.method(),
                        symbol.name.toString(), use.path()));
          }
          return;
        }
        MapField field = fields.get(symbol);
        if (field != null) {
          classifyMapUse(field, path, AliasKind.MAP);
          return;
        }
        Alias alias = aliases.get(symbol);
        if (alias != null) {
          classifyMapUse(alias.field(), path, alias.kind());
          return;
        }
        MapField local = localMaps.get(symbol);
        if (local != null) {
          classifyMapUse(local, path, AliasKind.MAP);
        }
      }

      /**
       * {@code local = field} (or a view of it) makes uses of {@code local} uses of the field, unless
       * the field is given another map right after, in the same block: then the local holds the
       * detached old map (the swap idiom: {@code old = pending; pending = new HashMap<>();}).
       */
      private void recordAlias(VarSymbol local, JCExpression init, TreePath at) {
        JCExpression value = TreeInfo.skipParens(init);
        MapField field = mapFieldOf(value);
        if (field != null) {
          if (!reassignedAfter(field, at)) {
            aliases.put(local, new Alias(field, AliasKind.MAP));
          }
          return;
        }
        if (value instanceof JCMethodInvocation && ((JCMethodInvocation) value).meth instanceof JCFieldAccess) {
          JCFieldAccess select = (JCFieldAccess) ((JCMethodInvocation) value).meth;
          MapField owner = mapFieldOf(select.selected);
          if (owner != null && MapMethods.isView(select.name.toString()) && reassignedAfter(owner, at)) {
            return;
          }
          if (owner != null && MapMethods.isView(select.name.toString())) {
            aliases.put(local, new Alias(owner, AliasKind.VIEW));
            return;
          }
          MapField iterated = viewOwner(select.selected);
          if (iterated != null && select.name.contentEquals("iterator")) {
            aliases.put(local, new Alias(iterated, AliasKind.ITERATOR));
          }
        }
      }

      /** A later statement of the block around {@code at} assigns {@code field}. */
      private boolean reassignedAfter(MapField field, TreePath at) {
        TreePath statement = at;
        while (statement != null && !(statement.getLeaf() instanceof JCStatement)) {
          statement = statement.getParentPath();
        }
        if (statement == null || !(statement.getParentPath().getLeaf() instanceof JCBlock)) {
          return false;
        }
        boolean after = false;
        for (JCStatement s : ((JCBlock) statement.getParentPath().getLeaf()).stats) {
          if (after
              && s instanceof JCExpressionStatement
              && ((JCExpressionStatement) s).expr instanceof JCAssign
              && fields.get(TreeInfo.symbol(((JCAssign) ((JCExpressionStatement) s).expr).lhs)) == field) {
            return true;
          }
          after |= s == statement.getLeaf();
        }
        return false;
      }

      /** The map field behind a view: {@code map.keySet()} or a local holding one. */
      private MapField viewOwner(JCExpression expression) {
        JCExpression e = TreeInfo.skipParens(expression);
        Alias alias = aliases.get(TreeInfo.symbol(e));
        if (alias != null && alias.kind() == AliasKind.VIEW) {
          return alias.field();
        }
        if (e instanceof JCMethodInvocation && ((JCMethodInvocation) e).meth instanceof JCFieldAccess) {
          JCFieldAccess select = (JCFieldAccess) ((JCMethodInvocation) e).meth;
          if (MapMethods.isView(select.name.toString())) {
            return mapFieldOf(select.selected);
          }
        }
        return null;
      }

      // ------------------------------------------------------------ what a use does

      private void classifyMapUse(MapField field, TreePath path, AliasKind kind) {
        TreePath usePath = path;
        TreePath parentPath = CallSyntax.parentSkippingParens(usePath);
        JCTree parent = (JCTree) parentPath.getLeaf();
        JCTree leaf = (JCTree) usePath.getLeaf();
        UnitInfo unit = current();

        if (parent instanceof JCFieldAccess && ((JCFieldAccess) parent).selected == leaf) {
          TreePath callPath = parentPath.getParentPath();
          if (callPath != null && callPath.getLeaf() instanceof JCMethodInvocation) {
            JCMethodInvocation call = (JCMethodInvocation) callPath.getLeaf();
            String method = ((JCFieldAccess) parent).name.toString();
            boolean nullArgument = call.args.stream().anyMatch(FactExtractor::isNullLiteral);
            if (kind == AliasKind.ENTRY || kind == AliasKind.ITERATOR) {
              Effect effect =
                  kind == AliasKind.ENTRY ? MapMethods.effectOnEntry(method) : MapMethods.effectOnIterator(method);
              if (effect == Effect.WRITE) {
                unit.accesses.add(new Pending(field, Effect.WRITE, method, path, false, false));
              }
              return;
            }
            if (kind == AliasKind.VIEW) {
              unit.accesses.add(
                  new Pending(
                      field,
                      MapMethods.effectOnView(method),
                      method,
                      path,
                      false,
                      false,
                      viewTraversal(method)));
              return;
            }
            if (MapMethods.isView(method)) {
              classifyViewUse(field, path, callPath, method);
              return;
            }
            unit.accesses.add(
                new Pending(
                    field,
                    MapMethods.effectOnMap(method),
                    method,
                    path,
                    false,
                    nullArgument,
                    callSyntax.describe(callPath, e -> mapFieldOf(e), field)));
            if (!field.local()) {
              trackValue(field, method, path, callPath);
              recordStoredValue(field, method, callPath);
              recordNullableArguments(field, method, path, callPath);
            }
            return;
          }
        }
        if (kind == AliasKind.ENTRY || kind == AliasKind.ITERATOR) {
          return;
        }
        if (kind == AliasKind.VIEW) {
          if (parent instanceof JCEnhancedForLoop) {
            unit.accesses.add(
                new Pending(
                    field, Effect.ITERATE, "iterator", path, false, false, MapCall.traversal("for-each")));
          } else if (parent instanceof JCReturn) {
            unit.accesses.add(new Pending(field, Effect.ITERATE, null, path, false, false));
            unit.escapes.add(new PendingEscape(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(), parentPath));
          } else {
            unit.accesses.add(new Pending(field, Effect.ITERATE, null, path, false, false));
          }
          return;
        }
        if (parent instanceof JCAssign && ((JCAssign) parent).lhs == leaf) {
          JCAssign assign = (JCAssign) parent;
          List<String> values = new ArrayList<>();
          describeValue(assign.rhs, values);
          boolean fresh = values.stream().allMatch(MapTypes::isFresh) && !values.isEmpty();
          unit.accesses.add(new Pending(field, Effect.ASSIGN, null, path, fresh, false));
          if (!field.local()) {
            detectLazyInit(field, path);
          }
          return;
        }
        if (parent instanceof JCAssign && ((JCAssign) parent).rhs == leaf) {
          Symbol target = TreeInfo.symbol(((JCAssign) parent).lhs);
          if (target instanceof VarSymbol && target.owner instanceof ClassSymbol && !fields.containsKey(target)) {
            unit.escapes.add(
                new PendingEscape(field, Escape.Kind.STORED, "'" + target.getSimpleName() + "'", parentPath));
          }
          unit.accesses.add(new Pending(field, Effect.REFERENCE_READ, null, path, false, false));
          return;
        }
        if (parent instanceof JCReturn) {
          unit.escapes.add(new PendingEscape(field, Escape.Kind.RETURNED, enclosingMethodName(), parentPath));
          unit.accesses.add(new Pending(field, Effect.REFERENCE_READ, null, path, false, false));
          return;
        }
        if (parent instanceof JCBinary) {
          JCBinary binary = (JCBinary) parent;
          boolean concatenation = binary.getTag() == JCTree.Tag.PLUS;
          unit.accesses.add(
              new Pending(field, concatenation ? Effect.ITERATE : Effect.REFERENCE_READ, null, path, false, false));
          return;
        }
        if (parent instanceof JCMethodInvocation || parent instanceof JCNewClass) {
          classifyArgument(field, path, parentPath, Escape.Kind.PASSED);
          return;
        }
        unit.accesses.add(new Pending(field, Effect.REFERENCE_READ, null, path, false, false));
      }

      /**
       * A value handed out by {@code get}/{@code computeIfAbsent}/...: a call made on it right away,
       * or the local it goes into when that local only ever holds values of this map (or new ones).
       */
      private void trackValue(MapField field, String method, TreePath usePath, TreePath callPath) {
        if (!MapMethods.VALUE_SOURCES.contains(method)) {
          return;
        }
        int line = line(usePath.getLeaf());
        CallSyntax.ValueUse use = CallSyntax.useOfValue(callPath);
        if (use != null) {
          current().mutations.add(new PendingMutation(field, method, line, use.method(), null, use.path()));
          return;
        }
        JCTree parent = (JCTree) CallSyntax.parentSkippingParens(callPath).getLeaf();
        Symbol local =
            parent instanceof JCVariableDecl
                ? ((JCVariableDecl) parent).sym
                : parent instanceof JCAssign
                        && CallSyntax.skipParensAndCasts(((JCAssign) parent).rhs) == callPath.getLeaf()
                    ? TreeInfo.symbol(((JCAssign) parent).lhs)
                    : null;
        if (!CallSyntax.isLocal(local) || valueLocals.containsKey(local)) {
          return;
        }
        List<JCExpression> values = callSyntax.valuesOf(local, callPath);
        if (values == null || !values.stream().allMatch(v -> isValueOf(field, v, callPath, true))) {
          return;
        }
        // A new object the local gets is one of the map's values only once it is stored there (the
        // get / create / putIfAbsent idiom); else it is a private copy.
        boolean createsValues = values.stream().anyMatch(v -> CallSyntax.skipParensAndCasts(v) instanceof JCNewClass);
        if (!createsValues || storesInto(field, local, callPath)) {
          valueLocals.put(local, new ValueLocal(field, method, line));
        }
      }

      private boolean storesInto(MapField field, Symbol local, TreePath use) {
        for (JCMethodInvocation call : callSyntax.callsTaking(local, use)) {
          if (call.meth instanceof JCFieldAccess
              && MapMethods.STORED_VALUE_ARGUMENT.containsKey(((JCFieldAccess) call.meth).name.toString())
              && mapFieldOf(((JCFieldAccess) call.meth).selected) == field) {
            return true;
          }
        }
        return false;
      }

      /**
       * A value of {@code field}, a new object or null; with {@code throughLocals}, also a local
       * holding only such values ({@code list = previous} after {@code previous = m.putIfAbsent(..)}).
       */
      private boolean isValueOf(MapField field, JCExpression value, TreePath use, boolean throughLocals) {
        JCExpression e = CallSyntax.skipParensAndCasts(value);
        if (isNullLiteral(e) || e instanceof JCNewClass) {
          return true;
        }
        if (throughLocals && e instanceof JCIdent && CallSyntax.isLocal(((JCIdent) e).sym)) {
          List<JCExpression> values = callSyntax.valuesOf(((JCIdent) e).sym, use);
          return values != null
              && !values.isEmpty()
              && values.stream().allMatch(v -> isValueOf(field, v, use, false));
        }
        if (e instanceof JCMethodInvocation && ((JCMethodInvocation) e).meth instanceof JCFieldAccess) {
          JCFieldAccess select = (JCFieldAccess) ((JCMethodInvocation) e).meth;
          return MapMethods.VALUE_SOURCES.contains(select.name.toString())
              && mapFieldOf(select.selected) == field;
        }
        return false;
      }

      /** Keys and values of the call that may be null there. */
      private void recordNullableArguments(MapField field, String method, TreePath usePath, TreePath callPath) {
        JCMethodInvocation call = (JCMethodInvocation) callPath.getLeaf();
        for (int i = 0; i < call.args.size(); i++) {
          boolean key = i == 0 && MapMethods.KEY_METHODS.contains(method);
          if (!key && !MapMethods.VALUE_ARGUMENTS.getOrDefault(method, Set.of()).contains(i)) {
            continue;
          }
          NullSyntax.Source source = nullSyntax.sourceOf(call.args.get(i), callPath);
          if (source != null) {
            nullableArguments.add(
                new NullableArgument(
                    field, method, key, call.args.get(i).toString(), source.kind(), source.detail(),
                    source.line(), site(usePath)));
          }
        }
      }

      /** The value a put-like call stores, or what the function of computeIfAbsent returns. */
      private void recordStoredValue(MapField field, String method, TreePath callPath) {
        JCMethodInvocation call = (JCMethodInvocation) callPath.getLeaf();
        int line = line(call);
        Integer position = MapMethods.STORED_VALUE_ARGUMENT.get(method);
        if (position != null && call.args.size() >= 2) {
          JCExpression value = CallSyntax.skipParensAndCasts(call.args.get(position < 0 ? call.args.size() - 1 : position));
          List<JCExpression> localValues =
              value instanceof JCIdent && CallSyntax.isLocal(((JCIdent) value).sym)
                  ? callSyntax.valuesOf(((JCIdent) value).sym, callPath)
                  : null;
          if (localValues == null) {
            describeStoredValue(field, value, line);
          } else {
            localValues.forEach(v -> describeStoredValue(field, v, line));
          }
          return;
        }
        if (!MapMethods.STORING_FUNCTIONS.contains(method) || call.args.size() != 2) {
          return;
        }
        JCExpression function = TreeInfo.skipParens(call.args.get(1));
        if (function instanceof JCLambda) {
          JCTree body = ((JCLambda) function).body;
          if (body instanceof JCExpression) {
            describeStoredValue(field, (JCExpression) body, line);
            return;
          }
          new TreeScanner() {
            @Override
            public void visitReturn(JCReturn tree) {
              if (tree.expr != null) {
                describeStoredValue(field, tree.expr, line);
              }
            }

            @Override
            public void visitLambda(JCLambda tree) {}

            @Override
            public void visitClassDef(JCClassDecl tree) {}
          }.scan(body);
        } else if (function instanceof JCMemberReference
            && ((JCMemberReference) function).getMode() == com.sun.source.tree.MemberReferenceTree.ReferenceMode.NEW
            && ((JCMemberReference) function).expr.type != null) {
          String created = types.erasedName(((JCMemberReference) function).expr.type);
          if (created != null) {
            storedValues.add(new StoredValue(field, "new:" + created, line));
          }
        }
      }

      private void describeStoredValue(MapField field, JCExpression value, int line) {
        JCExpression e = CallSyntax.skipParensAndCasts(value);
        String type = e.type == null ? null : types.erasedName(e.type);
        Symbol symbol = e instanceof JCMethodInvocation ? TreeInfo.symbol(((JCMethodInvocation) e).meth) : null;
        String described = null;
        if (e instanceof JCNewClass && type != null) {
          described = "new:" + type;
        } else if (symbol instanceof MethodSymbol && symbol.isStatic()) {
          described = "call:" + symbol.owner.getQualifiedName() + "." + symbol.getSimpleName();
        } else if (type != null) {
          described = "type:" + type;
        }
        if (described != null) {
          storedValues.add(new StoredValue(field, described, line));
        }
      }

      private void classifyViewUse(MapField field, TreePath fieldPath, TreePath viewCallPath, String view) {
        UnitInfo unit = current();
        TreePath parentPath = CallSyntax.parentSkippingParens(viewCallPath);
        JCTree parent = (JCTree) parentPath.getLeaf();
        JCTree viewCall = (JCTree) viewCallPath.getLeaf();
        if (parent instanceof JCFieldAccess && ((JCFieldAccess) parent).selected == viewCall) {
          TreePath next = parentPath.getParentPath();
          if (next != null && next.getLeaf() instanceof JCMethodInvocation) {
            String method = ((JCFieldAccess) parent).name.toString();
            Effect effect = MapMethods.isView(method) ? Effect.ITERATE : MapMethods.effectOnView(method);
            MapCall call = viewTraversal(method);
            if (effect == Effect.WRITE) {
              call =
                  call.within(
                      callSyntax.enclosingLoop(next, e -> mapFieldOf(e), field),
                      CallSyntax.exitsAfter(next),
                      callSyntax.enclosingUpdate(next, e -> mapFieldOf(e), field));
            }
            unit.accesses.add(
                new Pending(field, effect, view + "()." + method, fieldPath, false, false, call));
            return;
          }
        }
        if (parent instanceof JCReturn) {
          unit.accesses.add(new Pending(field, Effect.ITERATE, view, fieldPath, false, false));
          unit.escapes.add(
              new PendingEscape(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(), parentPath));
          return;
        }
        if (parent instanceof JCMethodInvocation || parent instanceof JCNewClass) {
          classifyArgument(field, fieldPath, parentPath, Escape.Kind.PASSED);
          return;
        }
        if (parent instanceof JCEnhancedForLoop) {
          unit.accesses.add(
              new Pending(field, Effect.ITERATE, view, fieldPath, false, false, MapCall.traversal("for-each")));
          return;
        }
        unit.accesses.add(new Pending(field, Effect.ITERATE, view, fieldPath, false, false));
      }

      /** The map (or a view) passed as an argument: copied, formatted, wrapped, or handed out. */
      /** The field or local a wrapper call initialises or is assigned to, as locks name it, or null. */
      private String wrapperName(TreePath callPath) {
        TreePath parentPath = CallSyntax.parentSkippingParens(callPath);
        JCTree parent = parentPath == null ? null : (JCTree) parentPath.getLeaf();
        Symbol target = null;
        if (parent instanceof JCVariableDecl
            && TreeInfo.skipParens(((JCVariableDecl) parent).init) == callPath.getLeaf()) {
          target = ((JCVariableDecl) parent).sym;
        } else if (parent instanceof JCAssign
            && TreeInfo.skipParens(((JCAssign) parent).rhs) == callPath.getLeaf()) {
          target = TreeInfo.symbol(((JCAssign) parent).lhs);
        }
        if (!(target instanceof VarSymbol)) {
          return null;
        }
        return target.owner instanceof ClassSymbol
            ? locks.fieldName((VarSymbol) target)
            : target.getSimpleName().toString();
      }

      private void classifyArgument(MapField field, TreePath fieldPath, TreePath callPath, Escape.Kind kind) {
        UnitInfo unit = current();
        JCTree call = (JCTree) callPath.getLeaf();
        Symbol callee =
            call instanceof JCNewClass
                ? ((JCNewClass) call).constructor
                : TreeInfo.symbol(((JCMethodInvocation) call).meth);
        MapCall copy =
            call instanceof JCNewClass && call.type != null
                ? MapCall.traversal("new:" + call.type.tsym.getQualifiedName())
                : MapCall.NONE;
        unit.accesses.add(new Pending(field, Effect.ITERATE, null, fieldPath, false, false, copy));
        if (callee instanceof MethodSymbol
            && MapTypes.kindOfValue("call:" + callee.owner.getQualifiedName() + "." + callee.getSimpleName())
                == MapKind.SYNCHRONIZED) {
          unit.wraps.add(new PendingWrap(field, wrapperName(callPath), fieldPath));
        }
        if (callee == null || methodUnits.containsKey(callee)) {
          return;
        }
        if (call instanceof JCNewClass) {
          Type created = call.type;
          if (types.isMap(created) || types.isSubtype(created, "java.util.Collection")) {
            return; // a copy
          }
        }
        for (MethodRef wrapper : MapArguments.VIEW_WRAPPERS) {
          if (apis.matches(wrapper, callee)) {
            TreePath outer = CallSyntax.parentSkippingParens(callPath);
            if (outer.getLeaf() instanceof JCReturn) {
              unit.escapes.add(
                  new PendingEscape(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(), outer));
            }
            return;
          }
        }
        for (MethodRef consumer : MapArguments.SYNCHRONOUS_CONSUMERS) {
          if (apis.matches(consumer, callee)) {
            return;
          }
        }
        if (apis.isImmediate(callee) || apis.threadStart(callee).isPresent()) {
          return;
        }
        if (call instanceof JCMethodInvocation && isRecursiveMapCall(field, (JCMethodInvocation) call)) {
          return;
        }
        String detail = callee.getSimpleName() + "(..)";
        if (call instanceof JCMethodInvocation && ((JCMethodInvocation) call).meth instanceof JCFieldAccess) {
          detail = ((JCFieldAccess) ((JCMethodInvocation) call).meth).toString() + "(..)";
        }
        unit.escapes.add(new PendingEscape(field, kind, detail, callPath));
      }

      /** How a call on a view walks the map: {@code iterator}, {@code stream}…, or null. */
      private MapCall viewTraversal(String method) {
        return MapMethods.isTraversal(method) ? MapCall.traversal(method) : MapCall.NONE;
      }

      /** {@code cache.equals(cache)}-like calls on the same field are no escape. */
      private boolean isRecursiveMapCall(MapField field, JCMethodInvocation call) {
        return call.meth instanceof JCFieldAccess
            && mapFieldOf(((JCFieldAccess) call.meth).selected) == field;
      }

      private String enclosingMethodName() {
        JCMethodDecl method = methods.peek();
        return method == null ? "an initializer" : methodName(method);
      }

      /** {@code if (f == null) { synchronized (x) { if (f == null) { f = ...; } } }}. */
      private void detectLazyInit(MapField field, TreePath assignPath) {
        JCIf inner = null;
        boolean locked = false;
        for (TreePath p = assignPath.getParentPath(); p != null; p = p.getParentPath()) {
          Tree leaf = p.getLeaf();
          if (leaf instanceof JCMethodDecl || leaf instanceof JCLambda || leaf instanceof JCClassDecl) {
            return;
          }
          if (leaf instanceof JCIf && checksNull((JCIf) leaf, field)) {
            if (inner == null) {
              inner = (JCIf) leaf;
            } else if (locked) {
              lazyInits.add(new LazyInit(field, site(assignPath), line((JCIf) leaf)));
              return;
            }
          }
          if (leaf instanceof JCSynchronized && inner != null) {
            locked = true;
          }
        }
      }

      private boolean checksNull(JCIf statement, MapField field) {
        JCExpression condition = TreeInfo.skipParens(statement.cond);
        if (!(condition instanceof JCBinary) || condition.getTag() != JCTree.Tag.EQ) {
          return false;
        }
        JCBinary binary = (JCBinary) condition;
        return isNullLiteral(binary.rhs) && mapFieldOf(binary.lhs) == field
            || isNullLiteral(binary.lhs) && mapFieldOf(binary.rhs) == field;
      }

      // ------------------------------------------------------------ where functional code runs

      private FunctionalContext functionalContext(TreePath path) {
        TreePath parentPath = CallSyntax.parentSkippingParens(path);
        JCTree parent = (JCTree) parentPath.getLeaf();
        JCTree leaf = (JCTree) path.getLeaf();
        if (parent instanceof JCMethodInvocation && ((JCMethodInvocation) parent).args.contains(leaf)) {
          JCMethodInvocation call = (JCMethodInvocation) parent;
          Symbol method = TreeInfo.symbol(call.meth);
          if (method == null || apis.isImmediate(method) && !inParallelStream(call)) {
            return inParallelStream(call)
                ? FunctionalContext.task(taskRoot(parentPath, "the parallel stream callback", true))
                : FunctionalContext.INLINE;
          }
          Optional<ThreadStartApis.Entry> start = apis.threadStart(method);
          if (start.isPresent()) {
            return FunctionalContext.task(taskRoot(parentPath, start.get().description(), false));
          }
          if (inParallelStream(call)) {
            return FunctionalContext.task(taskRoot(parentPath, "the parallel stream callback", true));
          }
          return FunctionalContext.INLINE;
        }
        if (parent instanceof JCNewClass && ((JCNewClass) parent).args.contains(leaf)) {
          Optional<ThreadStartApis.Entry> start = threadStartOf(parent);
          return start.isPresent()
              ? FunctionalContext.task(taskRoot(parentPath, start.get().description(), false))
              : FunctionalContext.INLINE;
        }
        if (parent instanceof JCVariableDecl) {
          JCTree start = startedLater.get(leaf);
          if (start != null) {
            return FunctionalContext.task(
                taskRoot(TreePath.getPath(compilationUnit, start), threadStartOf(start).get().description(), false));
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

      private ThreadRoot taskRoot(TreePath startPath, String description, boolean repeated) {
        JCTree start = (JCTree) startPath.getLeaf();
        return rootsByStartCall.computeIfAbsent(
            start,
            s -> {
              String executor = null;
              boolean singleThread = false;
              if (s instanceof JCMethodInvocation && ((JCMethodInvocation) s).meth instanceof JCFieldAccess) {
                JCExpression receiver = ((JCFieldAccess) ((JCMethodInvocation) s).meth).selected;
                Symbol receiverSymbol = TreeInfo.symbol(receiver);
                if (receiverSymbol instanceof VarSymbol && receiverSymbol.owner instanceof ClassSymbol) {
                  executor = locks.fieldName((VarSymbol) receiverSymbol);
                  singleThread = singleThreadExecutors.contains(receiverSymbol);
                }
              }
              UnitInfo starter = current();
              return new ThreadRoot(
                  ThreadRoot.Kind.TASK,
                  line(s),
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
    }

    private Optional<ThreadStartApis.Entry> threadStartOf(JCTree call) {
      Symbol symbol =
          call instanceof JCNewClass
              ? ((JCNewClass) call).constructor
              : TreeInfo.symbol(((JCMethodInvocation) call).meth);
      if (symbol == null || apis.isImmediate(symbol)) {
        return Optional.empty();
      }
      return apis.threadStart(symbol);
    }

    /** The map field an expression denotes directly ({@code cache}, {@code this.cache}, an alias). */
    private MapField mapFieldOf(JCExpression expression) {
      Symbol symbol = TreeInfo.symbol(TreeInfo.skipParens(expression));
      if (!(symbol instanceof VarSymbol)) {
        return null;
      }
      MapField field = fields.get(symbol);
      if (field != null) {
        return field;
      }
      Alias alias = aliases.get(symbol);
      if (alias != null) {
        return alias.kind() == AliasKind.MAP ? alias.field() : null;
      }
      return localMaps.get(symbol);
    }

    // ---------------------------------------------------------------- sites

    private int line(Tree tree) {
      return (int) compilationUnit.getLineMap().getLineNumber(((JCTree) tree).getStartPosition());
    }

    private Site site(TreePath path) {
      JCTree tree = (JCTree) path.getLeaf();
      int position = tree.getStartPosition();
      int line = (int) compilationUnit.getLineMap().getLineNumber(position);
      int column = (int) compilationUnit.getLineMap().getColumnNumber(position);
      return new Site(line, column, member(path), source.line(line), suppressions(path), tree);
    }

    private String member(TreePath path) {
      String type = topSymbol.getSimpleName().toString();
      String member = "";
      for (TreePath p = path; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof JCMethodDecl && member.isEmpty()) {
          member = methodName((JCMethodDecl) p.getLeaf());
        } else if (p.getLeaf() instanceof JCVariableDecl
            && member.isEmpty()
            && ((JCVariableDecl) p.getLeaf()).sym != null
            && ((JCVariableDecl) p.getLeaf()).sym.owner instanceof ClassSymbol) {
          member = ((JCVariableDecl) p.getLeaf()).name.toString();
        } else if (p.getLeaf() instanceof JCClassDecl && ((JCClassDecl) p.getLeaf()).sym != null) {
          JCClassDecl c = (JCClassDecl) p.getLeaf();
          if (!isAnonymous(c.sym)) {
            type = c.sym.flatName().toString();
            break;
          }
        }
      }
      return type + "#" + member;
    }

    private Set<String> suppressions(TreePath path) {
      Set<String> names = new HashSet<>();
      for (TreePath p = path; p != null; p = p.getParentPath()) {
        JCModifiers modifiers = null;
        Tree leaf = p.getLeaf();
        if (leaf instanceof JCMethodDecl) {
          modifiers = ((JCMethodDecl) leaf).mods;
        } else if (leaf instanceof JCClassDecl) {
          modifiers = ((JCClassDecl) leaf).mods;
        } else if (leaf instanceof JCVariableDecl) {
          modifiers = ((JCVariableDecl) leaf).mods;
        }
        if (modifiers == null) {
          continue;
        }
        for (JCAnnotation annotation : modifiers.annotations) {
          if (annotationName(annotation).equals("java.lang.SuppressWarnings")) {
            names.addAll(annotationValues(annotation));
          }
        }
      }
      return names;
    }
  }

  private static boolean isNullLiteral(JCExpression expression) {
    JCExpression e = TreeInfo.skipParens(expression);
    return e instanceof JCLiteral && ((JCLiteral) e).getValue() == null && e.getTag() == JCTree.Tag.LITERAL
        && ((JCLiteral) e).typetag == com.sun.tools.javac.code.TypeTag.BOT;
  }

  private static boolean isAnonymous(Symbol symbol) {
    return symbol instanceof ClassSymbol && symbol.getSimpleName().isEmpty();
  }
}

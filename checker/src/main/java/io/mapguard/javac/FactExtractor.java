package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import io.mapguard.engine.extract.CallShapes;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.MapWrap;
import io.mapguard.engine.model.ValueMutation;
import io.mapguard.javac.ExtractionState.Alias;
import io.mapguard.javac.ExtractionState.AliasKind;
import io.mapguard.javac.ExtractionState.Pending;
import io.mapguard.javac.ExtractionState.PendingEdge;
import io.mapguard.javac.ExtractionState.PendingEscape;
import io.mapguard.javac.ExtractionState.PendingMutation;
import io.mapguard.javac.ExtractionState.PendingWrap;
import io.mapguard.javac.ExtractionState.UnitInfo;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Translates one attributed top-level class into engine facts. It only reads syntax and types; every
 * judgement (sharing, guards, what to report) is the engine's.
 *
 * <p>This class only assembles the facts. The roles that find them share one {@link
 * ExtractionState} per class: {@link ClassTriage}, {@link MapDeclarations}, {@link CodeUnits},
 * {@link UseScanner} with {@link MapUseClassifier} and {@link TaskStarts}, and {@link SourceSites}.
 * mapvet's {@code AstFactExtractor} is its mirror, role for role.
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

  private final class Extraction {
    private final ExtractionState state;
    private final SourceSites sites;
    private final MapDeclarations declarations;

    Extraction(JCCompilationUnit compilationUnit, JCClassDecl topLevel) {
      this.state = new ExtractionState(compilationUnit, topLevel, context, types, apis, names);
      this.sites = new SourceSites(state);
      this.declarations = new MapDeclarations(state, sites);
    }

    ClassFacts run() {
      String file = state.compilationUnit.getSourceFile().getName();
      ClassFacts facts = ClassFacts.empty(state.topSymbol.getQualifiedName().toString(), file);
      ClassTriage triage = new ClassTriage(state, declarations, sites);
      triage.scan(state.topLevel);
      facts.creations().addAll(state.creations);
      declarations.addInheritedFields();
      if (state.mapFieldTrees.isEmpty() && (state.localMapValues.isEmpty() || !state.loopsOrUpdates)) {
        return facts;
      }
      for (var annotation : state.topSymbol.getAnnotationMirrors()) {
        facts.annotations().add(annotation.type.tsym.getQualifiedName().toString());
      }
      facts.supertypes().addAll(types.typeAndSupertypes(state.topSymbol.type));
      state.mapFieldTrees.forEach(
          (symbol, tree) -> state.fields.put(symbol, declarations.mapField(symbol, tree)));
      if (!state.loopsOrUpdates && !state.concurrencySignals && !triage.needsAnalysisAnyway(facts)) {
        return facts; // the common case: maps used by one thread at a time, no loops over them
      }
      CodeUnits codeUnits = new CodeUnits(state, sites);
      codeUnits.createMethodUnits(state.topLevel);
      new UseScanner(state, sites, declarations, codeUnits)
          .scan(new TreePath(new TreePath(state.compilationUnit), state.topLevel), null);

      facts.fields().addAll(state.fields.values());
      Set<CodeUnit> lockSensitive = lockSensitiveUnits();
      for (UnitInfo info : state.infos.values()) {
        facts.units().add(info.unit);
        HeldLocks regions = lockSensitive.contains(info.unit) ? heldLocks(info) : null;
        for (Pending p : info.accesses) {
          (p.field().local() ? facts.localAccesses() : facts.accesses())
              .add(
                  new Access(
                      p.field(),
                      p.effect(),
                      p.method(),
                      sites.site(p.path()),
                      info.unit,
                      held(regions, p.path()),
                      ((JCTree) p.path().getLeaf()).getStartPosition(),
                      p.fresh(),
                      p.nullArgument(),
                      p.call()));
        }
        for (PendingEdge e : info.edges) {
          CallShapes.UpdateCall around =
              state.callSyntax.updateAround(e.path(), x -> mapFieldOf(state, x));
          MapField updated = around == null ? null : (MapField) around.map();
          LoopAround looped = loopAround(e.path());
          facts
              .calls()
              .add(
                  new CallEdge(
                      info.unit,
                      e.callee(),
                      held(regions, e.path()),
                      sites.line(e.path().getLeaf()),
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
                      sites.site(w.path()),
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
                      sites.site(m.path()),
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
                      e.field(),
                      e.kind(),
                      e.detail(),
                      sites.site(e.path()),
                      info.unit,
                      held(regions, e.path())));
        }
      }
      facts.lazyInits().addAll(state.lazyInits);
      facts.storedValues().addAll(state.storedValues);
      facts.nullableArguments().addAll(state.nullableArguments);
      return facts;
    }

    /** A loop over a map field around a call, which goes on after the call. */
    private record LoopAround(MapField map, MapCall.Loop loop) {}

    private LoopAround loopAround(TreePath call) {
      if (!state.loopsOrUpdates || CallSyntax.exitsAfter(call)) {
        return null;
      }
      LoopAround innermost = null; // nested loops over two maps: the one that starts last
      for (MapField field : state.fields.values()) {
        MapCall.Loop loop = state.callSyntax.enclosingLoop(call, x -> mapFieldOf(state, x), field);
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
      for (UnitInfo info : state.infos.values()) {
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
        for (UnitInfo info : state.infos.values()) {
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
          ? new SynchronizedBlocks(bodyOf(info.body), state.locks)
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
            state.compilationUnit, (JCMethodDecl) info.body, info.owner, env, state.locks);
      }
      if (info.body instanceof JCLambda) {
        return LockRegions.forLambda(
            state.compilationUnit,
            (JCLambda) info.body,
            info.owner,
            info.enclosingMethod,
            env,
            state.locks);
      }
      return null;
    }
  }

  /** The map field an expression denotes directly ({@code cache}, {@code this.cache}, an alias). */
  static MapField mapFieldOf(ExtractionState state, JCExpression expression) {
    Symbol symbol = TreeInfo.symbol(TreeInfo.skipParens(expression));
    if (!(symbol instanceof VarSymbol)) {
      return null;
    }
    MapField field = state.fields.get(symbol);
    if (field != null) {
      return field;
    }
    Alias alias = state.aliases.get(symbol);
    if (alias != null) {
      return alias.kind() == AliasKind.MAP ? alias.field() : null;
    }
    return state.localMaps.get(symbol);
  }
}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import io.mapguard.engine.extract.CallShapes;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.MapWrap;
import io.mapguard.engine.model.ValueMutation;
import io.mapguard.lint.frontend.LintExtractionState.Alias;
import io.mapguard.lint.frontend.LintExtractionState.AliasKind;
import io.mapguard.lint.frontend.LintExtractionState.Pending;
import io.mapguard.lint.frontend.LintExtractionState.PendingEdge;
import io.mapguard.lint.frontend.LintExtractionState.PendingEscape;
import io.mapguard.lint.frontend.LintExtractionState.PendingMutation;
import io.mapguard.lint.frontend.LintExtractionState.PendingWrap;
import io.mapguard.lint.frontend.LintExtractionState.UnitInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Translates one top-level JavaParser type into engine facts: the same facts, with the same names,
 * lines and unit structure, as the javac front end's {@code FactExtractor}, from syntax, imports and
 * JDK reflection instead of attributed trees. Judgement (sharing, guards, what to report) is the
 * engine's.
 *
 * <p>This class assembles the facts; the work is split by role, one class each, over one
 * {@link LintExtractionState}. The roles call one another (a declaration's site, a use's alias), so
 * each reaches the others through the fields here.
 */
final class AstFactExtractor {
  final LintExtractionState state;
  final LintMapDeclarations declarations;
  final LintClassTriage triage;
  final LintCodeUnits codeUnits;
  final LintUseScanner scanner;
  final LintMapUseClassifier classifier;
  final LintTaskStarts taskStarts;
  final LintSourceSites sites;

  AstFactExtractor(
      AnalysisOptions options,
      CompilationUnit compilationUnit,
      TypeDeclaration<?> topLevel,
      String file,
      LintTypes types,
      List<String> source) {
    this.state = new LintExtractionState(options, compilationUnit, topLevel, file, types, source);
    this.declarations = new LintMapDeclarations(this);
    this.triage = new LintClassTriage(this);
    this.codeUnits = new LintCodeUnits(this);
    this.scanner = new LintUseScanner(this);
    this.classifier = new LintMapUseClassifier(this);
    this.taskStarts = new LintTaskStarts(this);
    this.sites = new LintSourceSites(state);
  }

  /** Empty when the class has no map field and creates no sized map: nothing to analyse. */
  Optional<ClassFacts> extract() {
    String className = state.types.qualifiedName(state.topLevel).orElse(state.topLevel.getNameAsString());
    ClassFacts facts = ClassFacts.empty(className, state.file);
    triage.prepass();
    facts.creations().addAll(state.creations);
    if (triage.hasNoMaps()) {
      return state.creations.isEmpty() ? Optional.empty() : Optional.of(facts);
    }
    state.fieldVariables.forEach((node, variable) -> state.fields.put(node, declarations.mapField(variable)));
    codeUnits.createMethodUnits();
    scanner.scanType(state.topLevel);

    facts.fields().addAll(state.fields.values());
    for (AnnotationExpr annotation : state.topLevel.getAnnotations()) {
      facts.annotations().add(declarations.annotationName(annotation));
    }
    facts.supertypes().addAll(state.types.typeAndSupertypes(className));
    for (UnitInfo info : state.infos.values()) {
      facts.units().add(info.unit);
      LintLockRegions regions = info.hasLockOperations ? lockRegions(info) : null;
      for (Pending p : info.accesses) {
        (p.field().local() ? facts.localAccesses() : facts.accesses()).add(
            new Access(p.field(), p.effect(), p.method(), sites.site(p.node()), info.unit,
                held(regions, p.node()), LintSourceSites.order(p.node()), p.fresh(), p.nullArgument(), p.call()));
      }
      for (PendingEdge e : info.edges) {
        // an edge into a lambda's unit is recorded at the lambda's body; the javac front end, and
        // so the update around it, starts from the lambda itself
        Node at = e.node();
        if (at.getParentNode().orElse(null) instanceof LambdaExpr
            && ((LambdaExpr) at.getParentNode().get()).getBody() == at) {
          at = at.getParentNode().get();
        }
        CallShapes.UpdateCall around =
            state.overloadedReferences.contains(at) ? null : state.callSyntax.updateAround(at, this::mapFieldOf);
        MapField updated = around == null || ((MapField) around.map()).local() ? null : (MapField) around.map();
        LoopAround looped = loopAround(e.node());
        facts.calls().add(
            new CallEdge(
                info.unit, e.callee(), held(regions, e.node()), LintSourceSites.line(e.node()), updated,
                updated == null ? null : around.update(), looped == null ? null : looped.map(),
                looped == null ? null : looped.loop()));
      }
      for (PendingWrap w : info.wraps) {
        facts.wraps().add(
            new MapWrap(w.backing(), w.wrapper(), sites.site(w.node()), info.unit, LintSourceSites.order(w.node())));
      }
      for (PendingMutation m : info.mutations) {
        facts.valueMutations().add(
            new ValueMutation(m.field(), m.source(), m.sourceLine(), m.method(), m.through(), sites.site(m.node()),
                info.unit, held(regions, m.node())));
      }
      for (PendingEscape e : info.escapes) {
        if (e.field().local()) {
          continue; // where a local map goes is the business of the sharing rules' fields only
        }
        facts.escapes().add(
            new Escape(e.field(), e.kind(), e.detail(), sites.site(e.node()), info.unit, held(regions, e.node())));
      }
    }
    facts.lazyInits().addAll(state.lazyInits);
    facts.storedValues().addAll(state.storedValues);
    facts.nullableArguments().addAll(state.nullableArguments);
    return Optional.of(facts);
  }

  /** A loop over a map field around a call, which goes on after the call. */
  private record LoopAround(MapField map, MapCall.Loop loop) {}

  private LoopAround loopAround(Node call) {
    if (LintCallSyntax.exitsAfter(call)) {
      return null;
    }
    LoopAround innermost = null; // nested loops over two maps: the one that starts last
    for (MapField field : state.fields.values()) {
      MapCall.Loop loop = state.callSyntax.enclosingLoop(call, this::mapFieldOf, field);
      if (loop != null && (innermost == null || loop.line() > innermost.loop().line())) {
        innermost = new LoopAround(field, loop);
      }
    }
    return innermost;
  }

  private static Set<LockRef> held(LintLockRegions regions, Node node) {
    return regions == null ? Set.of() : regions.heldAt(node);
  }

  private LintLockRegions lockRegions(UnitInfo info) {
    Node body = info.body;
    if (body instanceof CallableDeclaration) {
      Optional<BlockStmt> block =
          body instanceof MethodDeclaration
              ? ((MethodDeclaration) body).getBody()
              : Optional.of(((ConstructorDeclaration) body).getBody());
      return block.map(b -> LintLockRegions.of(state.locks, b)).orElse(null);
    }
    if (body instanceof LambdaExpr && ((LambdaExpr) body).getBody() instanceof BlockStmt) {
      return LintLockRegions.of(state.locks, ((LambdaExpr) body).getBody());
    }
    return null;
  }

  /** The map field an expression denotes directly ({@code cache}, {@code this.cache}, an alias). */
  MapField mapFieldOf(Expression expression) {
    LintSymbols.Variable variable = state.symbols.variableOf(LintSymbols.skipParens(expression));
    if (variable == null) {
      return null;
    }
    MapField field = state.fields.get(variable.declaration());
    if (field != null) {
      return field;
    }
    Alias alias = state.aliases.get(variable.declaration());
    if (alias != null) {
      return alias.kind() == AliasKind.MAP ? alias.field() : null;
    }
    return state.localMaps.get(variable.declaration());
  }
}

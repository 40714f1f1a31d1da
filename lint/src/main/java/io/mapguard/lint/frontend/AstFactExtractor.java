package io.mapguard.lint.frontend;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.extract.CallShapes;
import io.mapguard.engine.extract.ExtractionTables;
import io.mapguard.engine.extract.FactAssembly;
import io.mapguard.engine.extract.UnitScan;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.Site;
import io.mapguard.lint.frontend.LintExtractionState.UnitInfo;
import io.mapguard.lint.symbols.LintTypes;
import java.util.Collection;
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
public final class AstFactExtractor implements ExtractionTables.Steps<Node, Node> {
  final LintExtractionState state;
  final LintMapDeclarations declarations;
  final LintCodeUnits codeUnits;
  final LintUseScanner scanner;
  final LintSourceSites sites;

  /**
   * @param executorMethods the start table's methods of executors ({@code execute}, {@code
   *     submit}…): the same for every file of a scan, so made once ({@code
   *     ThreadStartApis#executorMethodNames})
   */
  public AstFactExtractor(
      AnalysisOptions options,
      CompilationUnit compilationUnit,
      TypeDeclaration<?> topLevel,
      String file,
      LintTypes types,
      List<String> source,
      Set<String> executorMethods) {
    this.state = new LintExtractionState(options, compilationUnit, topLevel, file, types, source, executorMethods);
    this.declarations = new LintMapDeclarations(state);
    this.codeUnits = new LintCodeUnits(this);
    this.scanner = new LintUseScanner(this);
    this.sites = new LintSourceSites(state);
  }

  /** Empty when the class has no map field and creates no sized map: nothing to analyse. */
  public Optional<ClassFacts> extract() {
    ClassFacts facts = ClassFacts.empty(className(), state.file);
    boolean hasMaps = state.extract(facts, this);
    return hasMaps || !state.creations.isEmpty() ? Optional.of(facts) : Optional.empty();
  }

  private String className() {
    return state.types.qualifiedName(state.topLevelType).orElse(state.topLevelType.getNameAsString());
  }

  @Override
  public Site site(Node node) {
    return sites.site(node);
  }

  @Override
  public void addInheritedFields() {
    declarations.addInheritedFields();
  }

  /** Never asked: mapvet walks every class with a map ({@link io.mapguard.engine.extract.ClassTriage#needsScan}). */
  @Override
  public boolean calledOnFieldsElsewhere() {
    return true;
  }

  @Override
  public Site fieldSite(Node declaration) {
    if (declaration.findCompilationUnit().orElse(null) != state.compilationUnit) {
      return inheritedFromAnotherFile((VariableDeclarator) declaration);
    }
    return sites.site(declaration);
  }

  /**
   * Where a superclass of another file declares an inherited field: its line there, named after
   * its class, with no node of this file to anchor a fix at (the javac front end does the same).
   */
  private static Site inheritedFromAnotherFile(VariableDeclarator declaration) {
    String owner =
        declaration.findAncestor(TypeDeclaration.class).map(TypeDeclaration::getNameAsString).orElse("");
    return new Site(
        declaration.getBegin().map(p -> p.line).orElse(0),
        declaration.getBegin().map(p -> p.column).orElse(0),
        owner + "#" + declaration.getNameAsString(),
        declaration.toString(),
        Set.of(),
        null);
  }

  @Override
  public void describeClass(ClassFacts facts) {
    for (AnnotationExpr annotation : state.topLevelType.getAnnotations()) {
      String name = state.syntax.annotationName(annotation);
      facts.annotations().add(name);
      // mapvet cannot read a constant's value: the table knows the constants' names too
      List<String> values = LintMapDeclarations.annotationValues(annotation, true);
      if (!values.isEmpty()) {
        facts.annotationValues().put(name, values);
      }
    }
    facts.supertypes().addAll(state.types.typeAndSupertypes(className()));
  }

  @Override
  public Collection<UnitInfo> scan() {
    codeUnits.createMethodUnits();
    scanner.scanType(state.topLevelType);
    return state.infos.values();
  }

  @Override
  public FactAssembly.Positions<Node, Node> positions() {
    return new FactAssembly.Positions<>(
        LintSyntax::path,
        sites::site,
        unit -> {
          LintLockRegions regions = unit.hasLockCalls || unit.hasSynchronizedBlocks ? lockRegions(unit) : null;
          return regions == null ? null : regions::heldAt;
        },
        this::updateAround);
  }

  private CallShapes.UpdateCall updateAround(Node edge) {
    // an edge into a lambda's unit is recorded at the lambda's body; the javac front end, and so
    // the update around it, starts from the lambda itself
    Node at = edge;
    if (at.getParentNode().orElse(null) instanceof LambdaExpr
        && ((LambdaExpr) at.getParentNode().get()).getBody() == at) {
      at = at.getParentNode().get();
    }
    return state.overloadedReferences.contains(at)
        ? null
        : state.shapes.updateAround(LintSyntax.path(at), state::mapFieldOf);
  }

  private LintLockRegions lockRegions(UnitScan<Node, Node> info) {
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
}

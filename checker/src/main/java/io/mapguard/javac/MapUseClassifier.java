package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import io.mapguard.engine.extract.AliasKind;
import io.mapguard.engine.extract.MapUses;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.extract.UnitScan;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * What one use of a map means, recorded in the unit the {@link UseScanner} is in: the call made on
 * it (or on a view, entry or iterator of it), an assignment, an escape, a wrapper, a value taken
 * out and changed, a value stored, a nullable argument, a lazy initialization. mapvet's {@code
 * LintMapUseClassifier} is its mirror.
 */
final class MapUseClassifier {
  private final ExtractionState state;
  private final SourceSites sites;
  private final MapDeclarations declarations;
  private final UseScanner scanner;
  private final MapUses<JCTree, TreePath> uses;

  MapUseClassifier(
      ExtractionState state, SourceSites sites, MapDeclarations declarations, UseScanner scanner) {
    this.state = state;
    this.sites = sites;
    this.declarations = declarations;
    this.scanner = scanner;
    this.uses =
        new MapUses<>(
            state.callSyntax.shapes(),
            state.apis,
            new MapUses.FrontEnd<JCTree, TreePath>() {
              @Override
              public TreePath position(SyntaxPath<JCTree> path) {
                return JavacSyntax.treePath(path);
              }

              @Override
              public Site site(TreePath at) {
                return sites.site(at);
              }

              @Override
              public UnitScan<JCTree, TreePath> currentUnit() {
                return scanner.current();
              }

              @Override
              public List<String> describeValue(JCTree expression) {
                List<String> values = new ArrayList<>();
                declarations.describeValue((JCExpression) expression, values);
                return values;
              }

              @Override
              public String enclosingMethodName(SyntaxPath<JCTree> use) {
                return MapUseClassifier.this.enclosingMethodName();
              }

              @Override
              public boolean analysedHere(Object callee) {
                return state.methodUnits.containsKey(callee);
              }

              @Override
              public boolean isMapField(Object variable) {
                return state.fields.containsKey(variable);
              }
            },
            e -> FactExtractor.mapFieldOf(state, (JCExpression) e),
            new MapUses.Tables(state.valueLocals, state.storedValues, state.nullableArguments, state.lazyInits));
  }

  /** See {@link io.mapguard.engine.extract.LocalAliases#record}. */
  void recordAlias(VarSymbol local, JCExpression init, TreePath at) {
    state.localAliases.record(
        local,
        init,
        JavacSyntax.path(at),
        state.aliases,
        state.fields::get,
        e -> FactExtractor.mapFieldOf(state, (JCExpression) e));
  }

  // ------------------------------------------------------------ what a use does

  /** See {@link MapUses#classify}. */
  void classifyMapUse(MapField field, TreePath path, AliasKind kind) {
    uses.classify(field, JavacSyntax.path(path), kind);
  }

  private String enclosingMethodName() {
    JCMethodDecl method = scanner.methods.peek();
    return method == null ? "an initializer" : CodeUnits.methodName(state, method);
  }
}

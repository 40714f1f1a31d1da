package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import io.mapguard.engine.extract.AliasKind;
import io.mapguard.engine.extract.MapUses;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.extract.UnitScan;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * What one use of a map means: the access it makes (its effect and call shape), or the alias,
 * escape, wrap, lazy initialisation, stored or nullable value it shows. The javac front end's
 * {@code MapUseClassifier} is its mirror.
 */
final class LintMapUseClassifier {
  private final LintExtractionState state;
  private final AstFactExtractor extraction;

  private final MapUses<Node, Node> uses;

  LintMapUseClassifier(AstFactExtractor extraction) {
    this.extraction = extraction;
    this.state = extraction.state;
    this.uses =
        new MapUses<>(
            state.callSyntax.shapes(),
            state.apis,
            new MapUses.FrontEnd<Node, Node>() {
              @Override
              public Node position(SyntaxPath<Node> path) {
                return path.leaf();
              }

              @Override
              public Site site(Node at) {
                return extraction.sites.site(at);
              }

              @Override
              public UnitScan<Node, Node> currentUnit() {
                return extraction.scanner.current();
              }

              @Override
              public List<String> describeValue(Node expression) {
                List<String> values = new ArrayList<>();
                extraction.declarations.describeValue((Expression) expression, values);
                return values;
              }

              @Override
              public String enclosingMethodName(SyntaxPath<Node> use) {
                return LintMapUseClassifier.this.enclosingMethodName(use.leaf());
              }

              @Override
              public boolean analysedHere(Object callee) {
                LintSyntax.Callee c = (LintSyntax.Callee) callee;
                if (c.name().equals("<init>")) {
                  return state.symbols.constructor(c.owner(), c.arity()) != null
                      && isInTopLevel(state.types.declaration(c.owner()));
                }
                MethodDeclaration local = state.symbols.method(c.owner(), c.name(), c.arity());
                return local != null && state.methodUnits.containsKey(local);
              }

              @Override
              public boolean isMapField(Object variable) {
                return state.fields.containsKey(variable);
              }
            },
            e -> extraction.mapFieldOf((Expression) e),
            new MapUses.Tables(state.valueLocals, state.storedValues, state.nullableArguments, state.lazyInits));
  }

  /** See {@link io.mapguard.engine.extract.LocalAliases#record}. */
  void recordAlias(Node local, Expression init, Node at) {
    state.localAliases.record(
        local, init, LintSyntax.path(at), state.aliases, state.fields::get, e -> extraction.mapFieldOf((Expression) e));
  }

  /** See {@link MapUses#classify}. */
  void classifyMapUse(MapField field, Node use, AliasKind kind) {
    uses.classify(field, LintSyntax.path(use), kind);
  }

  private boolean isInTopLevel(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n == state.topLevel) {
        return true;
      }
    }
    return false;
  }

  private String enclosingMethodName(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration) {
        return state.syntax.methodDisplayName(n);
      }
    }
    return "an initializer";
  }
}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import io.mapguard.engine.model.Site;
import java.util.HashSet;
import java.util.Set;

/**
 * Positions and names for the report: lines, the order of uses in a unit, the member a node is in
 * (as javac names it) and the {@code @SuppressWarnings} around it. The javac front end's
 * {@code SourceSites} is its mirror.
 */
final class LintSourceSites {
  private final LintExtractionState state;

  LintSourceSites(LintExtractionState state) {
    this.state = state;
  }

  static int line(Node node) {
    return node.getBegin().map(p -> p.line).orElse(0);
  }

  /** A position usable to order accesses and task starts inside one unit. */
  static int order(Node node) {
    return node.getBegin().map(p -> p.line * 10_000 + Math.min(p.column, 9_999)).orElse(0);
  }

  Site site(Node node) {
    int line = line(node);
    int column = node.getBegin().map(p -> p.column).orElse(1);
    String text = line >= 1 && line - 1 < state.source.size() ? state.source.get(line - 1) : "";
    return new Site(line, column, member(node), text, suppressions(node), node);
  }

  private String member(Node node) {
    String member = "";
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration && member.isEmpty()) {
        member = state.syntax.methodDisplayName(n);
      } else if (n instanceof VariableDeclarator
          && member.isEmpty()
          && !LintUseScanner.isLocal((VariableDeclarator) n)) {
        member = ((VariableDeclarator) n).getNameAsString();
      } else if (n instanceof TypeDeclaration) {
        return flatName((TypeDeclaration<?>) n) + "#" + member;
      }
    }
    return state.topLevelType.getNameAsString() + "#" + member;
  }

  /** {@code pkg.Outer$Inner}, as javac's flat names. */
  private String flatName(TypeDeclaration<?> type) {
    String qualified = state.types.qualifiedName(type).orElse(type.getNameAsString());
    String top = state.types.qualifiedName(state.topLevelType).orElse(state.topLevelType.getNameAsString());
    return qualified.startsWith(top + ".")
        ? top + qualified.substring(top.length()).replace('.', '$')
        : qualified;
  }

  private Set<String> suppressions(Node node) {
    Set<String> names = new HashSet<>();
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      NodeWithAnnotations<?> annotated = null;
      if (n instanceof BodyDeclaration) {
        annotated = (NodeWithAnnotations<?>) n;
      } else if (n instanceof VariableDeclarationExpr) {
        annotated = (VariableDeclarationExpr) n;
      } else if (n instanceof VariableDeclarator && n.getParentNode().orElse(null) instanceof NodeWithAnnotations) {
        annotated = (NodeWithAnnotations<?>) n.getParentNode().get();
      }
      if (annotated == null) {
        continue;
      }
      for (AnnotationExpr annotation : annotated.getAnnotations()) {
        if (annotation.getNameAsString().equals("SuppressWarnings")
            || annotation.getNameAsString().equals("java.lang.SuppressWarnings")) {
          names.addAll(LintMapDeclarations.annotationValues(annotation));
        }
      }
    }
    return names;
  }
}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import io.mapguard.engine.extract.SiteNames;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.model.Site;

/**
 * Positions for the report: lines, the order of uses in a unit, and a node's {@link Site} (the
 * member and the {@code @SuppressWarnings} names in force are the engine's {@link SiteNames}).
 */
final class LintSourceSites {
  private final LintExtractionState state;
  private final SiteNames<Node> names;

  LintSourceSites(LintExtractionState state) {
    this.state = state;
    this.names = new SiteNames<>(state.syntax, state.topLevelType.getNameAsString());
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
    SyntaxPath<Node> at = LintSyntax.path(node);
    return new Site(line, column, names.member(at), text, names.suppressions(at), node);
  }
}

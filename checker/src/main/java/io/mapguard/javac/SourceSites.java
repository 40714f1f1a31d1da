package io.mapguard.javac;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import io.mapguard.engine.extract.SiteNames;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.model.Site;

/**
 * Positions for the report: a tree's line, and its {@link Site} (line, column, the source line;
 * the member and the {@code @SuppressWarnings} names in force are the engine's {@link SiteNames}).
 */
final class SourceSites {
  private final ExtractionState state;
  private final SiteNames<JCTree> names;

  SourceSites(ExtractionState state) {
    this.state = state;
    this.names = new SiteNames<>(state.syntax, state.topSymbol.getSimpleName().toString());
  }

  /** The display name of a method (see {@link SiteNames#methodName}). */
  String methodName(JCMethodDecl method) {
    return names.methodName(method);
  }

  int line(Tree tree) {
    return (int) state.compilationUnit.getLineMap().getLineNumber(((JCTree) tree).getStartPosition());
  }

  Site site(TreePath path) {
    JCTree tree = (JCTree) path.getLeaf();
    int position = tree.getStartPosition();
    int line = (int) state.compilationUnit.getLineMap().getLineNumber(position);
    int column = (int) state.compilationUnit.getLineMap().getColumnNumber(position);
    SyntaxPath<JCTree> at = JavacSyntax.path(path);
    return new Site(line, column, names.member(at), state.source.line(line), names.suppressions(at), tree);
  }

  static boolean isAnonymous(Symbol symbol) {
    return symbol instanceof ClassSymbol && symbol.getSimpleName().isEmpty();
  }
}

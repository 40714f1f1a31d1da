package io.mapguard.javac;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCModifiers;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import io.mapguard.engine.model.Site;
import java.util.HashSet;
import java.util.Set;

/**
 * Positions and names for the report: a tree's line, and its {@link Site} (line, column,
 * {@code Type#member}, the source line, the {@code @SuppressWarnings} names in force). mapvet's
 * {@code LintSourceSites} is its mirror.
 */
final class SourceSites {
  private final ExtractionState state;

  SourceSites(ExtractionState state) {
    this.state = state;
  }

  int line(Tree tree) {
    return (int) state.compilationUnit.getLineMap().getLineNumber(((JCTree) tree).getStartPosition());
  }

  Site site(TreePath path) {
    JCTree tree = (JCTree) path.getLeaf();
    int position = tree.getStartPosition();
    int line = (int) state.compilationUnit.getLineMap().getLineNumber(position);
    int column = (int) state.compilationUnit.getLineMap().getColumnNumber(position);
    return new Site(line, column, member(path), state.source.line(line), suppressions(path), tree);
  }

  private String member(TreePath path) {
    String type = state.topSymbol.getSimpleName().toString();
    String member = "";
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof JCMethodDecl && member.isEmpty()) {
        member = CodeUnits.methodName(state, (JCMethodDecl) p.getLeaf());
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
        if (MapDeclarations.annotationName(annotation).equals("java.lang.SuppressWarnings")) {
          names.addAll(CodeUnits.annotationValues(annotation));
        }
      }
    }
    return names;
  }

  static boolean isAnonymous(Symbol symbol) {
    return symbol instanceof ClassSymbol && symbol.getSimpleName().isEmpty();
  }
}

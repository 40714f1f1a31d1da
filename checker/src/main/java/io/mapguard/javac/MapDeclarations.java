package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What only javac knows about a class's map fields: the non-private map fields of superclasses
 * compiled in the same run, and where each field is declared (in another file for an inherited
 * one). What a field is ({@code MapField}) is the engine's {@code MapFields}.
 */
final class MapDeclarations {

  private final ExtractionState state;
  private final SourceSites sites;

  MapDeclarations(ExtractionState state, SourceSites sites) {
    this.state = state;
    this.sites = sites;
  }

  /** Where a map field declared here, or in a superclass compiled in this run, is reported. */
  Site declarationSite(JCVariableDecl tree) {
    VarSymbol symbol = tree.sym;
    return state.inheritedFrom.containsKey(symbol)
        ? inheritedDeclarationSite(symbol, tree, state.inheritedFrom.get(symbol))
        : sites.site(memberPath(tree, symbol.owner));
  }

  /**
   * The path to {@code member}, a declaration in the class {@code owner}, built along the chain of
   * named classes from the top-level class instead of searching the compilation unit's trees
   * (a search through every method body for each map field of a large class). Members of local
   * and anonymous classes are searched for.
   */
  private TreePath memberPath(JCTree member, Symbol owner) {
    Deque<Symbol> chain = new ArrayDeque<>();
    for (Symbol s = owner; s != state.topSymbol; s = s.owner) {
      if (!(s instanceof ClassSymbol) || s.owner == null) {
        // inside a method: a member of a local or anonymous class
        return TreePath.getPath(state.compilationUnit, member);
      }
      chain.push(s);
    }
    TreePath path = new TreePath(new TreePath(state.compilationUnit), state.topLevelTree);
    JCClassDecl current = state.topLevelTree;
    while (!chain.isEmpty()) {
      Symbol nested = chain.pop();
      JCClassDecl found = null;
      for (JCTree definition : current.defs) {
        if (definition instanceof JCClassDecl && ((JCClassDecl) definition).sym == nested) {
          found = (JCClassDecl) definition;
        }
      }
      if (found == null) {
        return TreePath.getPath(state.compilationUnit, member);
      }
      path = new TreePath(path, found);
      current = found;
    }
    return current.defs.contains(member)
        ? new TreePath(path, member)
        : TreePath.getPath(state.compilationUnit, member);
  }

  /**
   * Non-private map fields of superclasses compiled in the same run: this class's accesses to them
   * count like its own. (The superclass's own accesses are analysed with the superclass.) And their
   * non-private executor fields, with the executors the superclass makes for them.
   */
  void addInheritedFields() {
    Enter enter = Enter.instance(state.context);
    for (Type t = state.types.types().supertype(state.topSymbol.type);
        t != null && t.hasTag(com.sun.tools.javac.code.TypeTag.CLASS);
        t = state.types.types().supertype(t)) {
      // the class's environment, not its TreePath: finding a path walks the superclass's whole file
      Env<AttrContext> env = t.tsym instanceof TypeSymbol ? enter.getEnv((TypeSymbol) t.tsym) : null;
      if (env == null || !(env.tree instanceof JCClassDecl)) {
        return; // from a class file: nothing known about its code
      }
      JCClassDecl superclass = (JCClassDecl) env.tree;
      JCCompilationUnit unit = env.toplevel;
      Map<Object, JCTree> inheritedHere = new LinkedHashMap<>();
      Set<Symbol> executors = new HashSet<>();
      for (JCTree member : superclass.defs) {
        if (!(member instanceof JCVariableDecl variable)
            || variable.sym == null
            || (variable.sym.flags() & Flags.PRIVATE) != 0) {
          continue;
        }
        if (state.types.isMap(variable.sym.type)) {
          inheritedHere.put(variable.sym, variable);
          state.inheritedFrom.put(variable.sym, unit);
          if (variable.init != null) {
            state.describeValue(variable.init, state.assignedValues.computeIfAbsent(variable.sym, k -> new ArrayList<>()));
          }
        } else if (state.types.isSubtype(variable.sym.type, ThreadStartApis.EXECUTOR_TYPE)) {
          // the subclass's tasks handed to it run as the superclass's do (one at a time, for one
          // single-thread executor)
          executors.add(variable.sym);
          state.inheritedFieldGiven(variable.sym, variable.init);
        }
      }
      if (inheritedHere.isEmpty() && executors.isEmpty()) {
        continue; // nothing to find the assignments of
      }
      new TreeScanner() {
        @Override
        public void visitAssign(JCAssign tree) {
          Symbol symbol = TreeInfo.symbol(tree.lhs);
          if (symbol instanceof VarSymbol && inheritedHere.containsKey(symbol)) {
            state.describeValue(tree.rhs, state.assignedValues.computeIfAbsent((VarSymbol) symbol, k -> new ArrayList<>()));
          } else if (executors.contains(symbol)) {
            state.inheritedFieldGiven(symbol, tree.rhs);
          }
          super.visitAssign(tree);
        }
      }.scan(superclass);
      state.mapFieldDeclarations.putAll(inheritedHere);
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
}

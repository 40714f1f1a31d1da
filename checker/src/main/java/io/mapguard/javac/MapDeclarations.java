package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCReturn;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import io.mapguard.engine.extract.ValueDescriptions;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The map-holding fields and locals a class declares, as the engine's {@link MapField}s: their
 * types and assigned values, the guard and confinement their annotations state, and the
 * non-private map fields of superclasses compiled in the same run. mapvet's {@code
 * LintMapDeclarations} is its mirror.
 */
final class MapDeclarations {
  private final ExtractionState state;
  private final SourceSites sites;

  MapDeclarations(ExtractionState state, SourceSites sites) {
    this.state = state;
    this.sites = sites;
  }

  /**
   * Methods of the class without parameters whose body is {@code return field;} for a field
   * holding a synchronized wrapper: a call to one is a use of that field (its iteration must hold
   * the field's monitor as well). Other getters are left to GuardedMapEscape.
   */
  Map<Symbol, MapField> getters() {
    if (state.getters == null) {
      state.getters = new HashMap<>();
      new TreeScanner() {
        @Override
        public void visitMethodDef(JCMethodDecl tree) {
          if (tree.sym != null
              && tree.params.isEmpty()
              && tree.body != null
              && tree.body.stats.size() == 1
              && tree.body.stats.head instanceof JCReturn
              && ((JCReturn) tree.body.stats.head).expr != null) {
            MapField field =
                state.fields.get(TreeInfo.symbol(TreeInfo.skipParens(((JCReturn) tree.body.stats.head).expr)));
            if (field != null
                && MapTypes.kindOfField(field.declaredType(), field.assignedValues()) == MapKind.SYNCHRONIZED) {
              state.getters.put(tree.sym, field);
            }
          }
          super.visitMethodDef(tree);
        }
      }.scan(state.topLevel);
    }
    return state.getters;
  }

  MapField mapField(VarSymbol symbol, JCVariableDecl tree) {
    List<String> values = state.assignedValues.getOrDefault(symbol, List.of());
    String guard = null;
    String guardAnnotation = null;
    for (JCAnnotation annotation : annotationsOf(tree)) {
      String name = annotationName(annotation);
      if (ConcurrencyAnnotations.GUARDED_BY.contains(name)) {
        guard = qualifyGuard(symbol, annotationValue(annotation));
        guardAnnotation = name;
      }
    }
    boolean confined =
        hasAnnotation(symbol, ConcurrencyAnnotations.THREAD_CONFINED)
            || hasAnnotation(symbol.owner, ConcurrencyAnnotations.THREAD_CONFINED);
    long flags = symbol.flags();
    return new MapField(
        state.syntax.fieldName(symbol),
        state.types.typeAndSupertypes(symbol.type),
        List.copyOf(values),
        (flags & Flags.STATIC) != 0,
        (flags & Flags.FINAL) != 0,
        (flags & Flags.VOLATILE) != 0,
        false,
        guard,
        guardAnnotation,
        confined,
        state.inheritedFrom.containsKey(symbol)
            ? inheritedDeclarationSite(symbol, tree, state.inheritedFrom.get(symbol))
            : sites.site(memberPath(tree, symbol.owner)),
        false,
        state.types.mapValueType(symbol.type));
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
    TreePath path = new TreePath(new TreePath(state.compilationUnit), state.topLevel);
    JCClassDecl current = state.topLevel;
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

  /** A local variable or parameter holding a map, for the rules that need no sharing. */
  MapField localMap(VarSymbol symbol, TreePath declaration) {
    return new MapField(
        symbol.name.toString(),
        state.types.typeAndSupertypes(symbol.type),
        List.copyOf(state.localMapValues.getOrDefault(symbol, List.of())),
        false,
        (symbol.flags() & Flags.FINAL) != 0,
        false,
        false,
        null,
        null,
        false,
        sites.site(declaration),
        true,
        null);
  }

  /**
   * A {@code @GuardedBy} naming a field or {@code this} means the field's own class, which for a
   * nested class differs from the engine's top-level spelling: "monitor" in {@code State} is
   * {@code State.monitor}.
   */
  private String qualifyGuard(VarSymbol field, String guard) {
    if (guard == null || field.owner == state.topSymbol) {
      return guard;
    }
    String value = guard.trim();
    if (value.equals("this")) {
      return state.syntax.thisOf(field.owner);
    }
    String name = value.startsWith("this.") ? value.substring("this.".length()) : value;
    for (Symbol owner = field.owner; owner instanceof ClassSymbol; owner = owner.owner) {
      for (Symbol member : ((ClassSymbol) owner).members().getSymbolsByName(state.names.fromString(name))) {
        if (member instanceof VarSymbol) {
          return state.syntax.fieldName((VarSymbol) member);
        }
      }
    }
    return guard;
  }

  /**
   * Non-private map fields of superclasses compiled in the same run: this class's accesses to them
   * count like its own. (The superclass's own accesses are analysed with the superclass.)
   */
  void addInheritedFields() {
    JavacTrees trees = JavacTrees.instance(state.context);
    for (Type t = state.types.types().supertype(state.topSymbol.type);
        t != null && t.hasTag(com.sun.tools.javac.code.TypeTag.CLASS);
        t = state.types.types().supertype(t)) {
      TreePath path = trees.getPath(t.tsym);
      if (path == null || !(path.getLeaf() instanceof JCClassDecl)) {
        return; // from a class file: nothing known about its code
      }
      JCClassDecl superclass = (JCClassDecl) path.getLeaf();
      JCCompilationUnit unit = (JCCompilationUnit) path.getCompilationUnit();
      Map<Object, JCTree> inheritedHere = new LinkedHashMap<>();
      for (JCTree member : superclass.defs) {
        if (member instanceof JCVariableDecl) {
          JCVariableDecl variable = (JCVariableDecl) member;
          if (variable.sym != null
              && (variable.sym.flags() & Flags.PRIVATE) == 0
              && state.types.isMap(variable.sym.type)) {
            inheritedHere.put(variable.sym, variable);
            state.inheritedFrom.put(variable.sym, unit);
            if (variable.init != null) {
              describeValue(variable.init, state.assignedValues.computeIfAbsent(variable.sym, k -> new ArrayList<>()));
            }
          }
        }
      }
      new TreeScanner() {
        @Override
        public void visitAssign(JCAssign tree) {
          Symbol symbol = TreeInfo.symbol(tree.lhs);
          if (symbol instanceof VarSymbol && inheritedHere.containsKey(symbol)) {
            describeValue(tree.rhs, state.assignedValues.computeIfAbsent((VarSymbol) symbol, k -> new ArrayList<>()));
          }
          super.visitAssign(tree);
        }
      }.scan(superclass);
      state.mapFieldTrees.putAll(inheritedHere);
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

  private List<JCAnnotation> annotationsOf(JCVariableDecl tree) {
    List<JCAnnotation> all = new ArrayList<>(tree.mods.annotations);
    if (tree.vartype instanceof JCTree.JCAnnotatedType) {
      all.addAll(((JCTree.JCAnnotatedType) tree.vartype).annotations);
    }
    return all;
  }

  private boolean hasAnnotation(Symbol symbol, Set<String> names) {
    for (var annotation : symbol.getAnnotationMirrors()) {
      if (names.contains(annotation.type.tsym.getQualifiedName().toString())) {
        return true;
      }
    }
    return false;
  }

  static String annotationName(JCAnnotation annotation) {
    Type type = annotation.annotationType.type;
    return type == null ? "" : type.tsym.getQualifiedName().toString();
  }

  private String annotationValue(JCAnnotation annotation) {
    for (JCExpression argument : annotation.args) {
      JCExpression value = argument instanceof JCAssign ? ((JCAssign) argument).rhs : argument;
      if (value instanceof JCTree.JCNewArray && !((JCTree.JCNewArray) value).elems.isEmpty()) {
        value = ((JCTree.JCNewArray) value).elems.head;
      }
      if (value instanceof JCLiteral) {
        return String.valueOf(((JCLiteral) value).getValue());
      }
    }
    return null;
  }

  /** See {@link ValueDescriptions#describe}; locals made with {@code new} are the triage's. */
  void describeValue(JCExpression expression, List<String> out) {
    state.valueDescriptions.describe(expression, out, state.initializers::get);
  }
}

package io.mapguard.javac;

import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.TreeScanner;
import io.mapguard.engine.extract.MethodUnits;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.javac.ExtractionState.UnitInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The class's code units: one for each method with a body in a named class (what each holds on
 * entry and whether only this file calls it is {@link MethodUnits}'), and one for each class's field
 * initializers and initializer blocks. The use scan adds those of lambdas, anonymous classes and
 * started tasks through {@link #register}.
 */
final class CodeUnits {
  private final ExtractionState state;
  private final MethodUnits<JCTree> units;

  CodeUnits(ExtractionState state) {
    this.state = state;
    this.units = new MethodUnits<>(state.shapes, state.locks, state.cleaningActions, () -> state.nextUnitId++);
  }

  void createMethodUnits(JCClassDecl classDecl) {
    new TreeScanner() {
      @Override
      public void visitClassDef(JCClassDecl tree) {
        if (tree.sym != null && !SourceSites.isAnonymous(tree.sym)) {
          for (JCTree member : tree.defs) {
            if (member instanceof JCMethodDecl && ((JCMethodDecl) member).body != null) {
              JCMethodDecl method = (JCMethodDecl) member;
              state.methodUnits.put(method.sym, register(units.unitOf(method, tree), method, tree, null));
            }
          }
        }
        super.visitClassDef(tree);
      }
    }.scan(classDecl);
  }

  static List<String> annotationValues(JCAnnotation annotation) {
    List<String> values = new ArrayList<>();
    for (JCExpression argument : annotation.args) {
      JCExpression value = argument instanceof JCAssign ? ((JCAssign) argument).rhs : argument;
      List<JCExpression> elements =
          value instanceof JCTree.JCNewArray ? ((JCTree.JCNewArray) value).elems : List.of(value);
      for (JCExpression element : elements) {
        if (element instanceof JCLiteral) {
          values.add(String.valueOf(((JCLiteral) element).getValue()));
        }
      }
    }
    return values;
  }

  CodeUnit register(CodeUnit unit, JCTree body, JCClassDecl owner, JCMethodDecl enclosing) {
    state.infos.put(unit, new UnitInfo(unit, body, owner, enclosing));
    return unit;
  }

  CodeUnit initializerUnit(JCClassDecl owner) {
    return state.initializerUnits.computeIfAbsent(
        owner, o -> register(units.initializerUnit(o), null, o, null));
  }
}

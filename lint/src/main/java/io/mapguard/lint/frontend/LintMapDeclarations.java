package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.MapField;
import io.mapguard.lint.symbols.AstNodes;
import io.mapguard.lint.symbols.LintSymbols;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What only mapvet knows about a class's map fields: the non-private map fields of superclasses
 * declared in the same file, and the annotation values and local variables the port answers with.
 * What a field is ({@code MapField}) is the engine's {@code MapFields}.
 */
final class LintMapDeclarations {
  private final LintExtractionState state;
  LintMapDeclarations(LintExtractionState state) {
    this.state = state;
  }

  /**
   * Non-private map fields of superclasses: this class's accesses to them count like its own (as
   * the javac front end does for superclasses in the same compilation). And their non-private
   * executor fields, with the executors the superclass makes for them. Those of this file, and,
   * where the class's names are looked up in other files too ({@link LintSymbols#looksAcrossFiles}),
   * those of the superclasses other files of the tree declare.
   */
  void addInheritedFields() {
    String name = state.types.qualifiedName(state.topLevelType).orElse(null);
    if (name == null) {
      return;
    }
    for (String superName : state.types.sameFileSuperclasses(name)) {
      addFieldsOf(state.types.declaration(superName));
    }
    if (state.symbols.looksAcrossFiles()) {
      for (TypeDeclaration<?> superclass : state.types.treeSuperclasses(name)) {
        addFieldsOf(superclass);
      }
    }
  }

  /** The non-private map and executor fields {@code superclass} declares, with what it gives them. */
  private void addFieldsOf(TypeDeclaration<?> superclass) {
    Set<Node> inheritedHere = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Node> executors = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (FieldDeclaration declaration : superclass.getFields()) {
      if (declaration.isPrivate()) {
        continue;
      }
      for (VariableDeclarator v : declaration.getVariables()) {
        if (state.syntax.declaresMap(v)) {
          state.mapFieldDeclarations.put(v, v);
          inheritedHere.add(v);
          v.getInitializer().ifPresent(init -> state.describeValue(init, assignedValues(v)));
        } else if (state.syntax.declaredTypeIsSubtype(v, ThreadStartApis.EXECUTOR_TYPE)) {
          // the subclass's tasks handed to it run as the superclass's do
          executors.add(v);
          state.inheritedFieldGiven(v, v.getInitializer().orElse(null));
        }
      }
    }
    if (inheritedHere.isEmpty() && executors.isEmpty()) {
      return;
    }
    for (AssignExpr assign : AstNodes.all(superclass, AssignExpr.class)) {
      LintSymbols.Variable target = state.symbols.variableOf(assign.getTarget());
      if (target != null && inheritedHere.contains(target.declaration())) {
        state.describeValue(assign.getValue(), assignedValues(target.declaration()));
      } else if (target != null && executors.contains(target.declaration())) {
        state.inheritedFieldGiven(target.declaration(), assign.getValue());
      }
    }
  }

  static LintSymbols.Variable localVariable(VariableDeclarator v) {
    return new LintSymbols.Variable(v, v.getNameAsString(), v.getType(), false, LintSymbols.enclosingType(v));
  }

  static LintSymbols.Variable localVariable(Parameter p) {
    return new LintSymbols.Variable(p, p.getNameAsString(), p.getType(), false, LintSymbols.enclosingType(p));
  }

  static List<String> annotationValues(AnnotationExpr annotation) {
    return annotationValues(annotation, false);
  }

  /**
   * @param constantNames also the names of constants and enum constants ({@code SCOPE_PROTOTYPE},
   *     {@code READ}), whose values mapvet cannot read
   */
  static List<String> annotationValues(AnnotationExpr annotation, boolean constantNames) {
    List<Expression> values = new ArrayList<>();
    if (annotation instanceof SingleMemberAnnotationExpr) {
      values.add(((SingleMemberAnnotationExpr) annotation).getMemberValue());
    } else if (annotation instanceof NormalAnnotationExpr) {
      ((NormalAnnotationExpr) annotation).getPairs().forEach(p -> values.add(p.getValue()));
    }
    List<String> strings = new ArrayList<>();
    for (Expression value : values) {
      List<Expression> elements =
          value instanceof ArrayInitializerExpr ? ((ArrayInitializerExpr) value).getValues() : List.of(value);
      for (Expression element : elements) {
        if (element instanceof StringLiteralExpr) {
          strings.add(((StringLiteralExpr) element).asString());
        } else if (constantNames && element instanceof FieldAccessExpr) {
          strings.add(((FieldAccessExpr) element).getNameAsString());
        } else if (constantNames && element instanceof NameExpr) {
          strings.add(((NameExpr) element).getNameAsString());
        }
      }
    }
    return strings;
  }

  private List<String> assignedValues(Node field) {
    return state.assignedValues.computeIfAbsent(field, k -> new ArrayList<>());
  }
}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import io.mapguard.engine.extract.ValueDescriptions;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.model.MapField;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What only mapvet knows about a class's map fields: the non-private map fields of superclasses
 * declared in the same file, and the annotation values and value descriptions the port answers
 * with. What a field is ({@code MapField}) is the engine's {@code MapFields}.
 */
final class LintMapDeclarations {
  private static final String MAP = "java.util.Map";

  private final LintExtractionState state;
  private final AstFactExtractor extraction;

  LintMapDeclarations(AstFactExtractor extraction) {
    this.extraction = extraction;
    this.state = extraction.state;
  }

  /**
   * The field a call to a method of the class returns when that method has no parameters, its body
   * is {@code return field;}, and the field holds a synchronized wrapper: a call to it is a use of
   * the field. As the javac front end.
   */
  MapField getterField(MethodCallExpr call) {
    if (!call.getArguments().isEmpty()
        || call.getScope().isPresent() && !(call.getScope().get() instanceof ThisExpr)) {
      return null;
    }
    MethodDeclaration method = state.symbols.method(state.symbols.receiverType(call), call.getNameAsString(), 0);
    if (method == null
        || !method.getParameters().isEmpty()
        || method.getBody().isEmpty()
        || method.getBody().get().getStatements().size() != 1
        || !(method.getBody().get().getStatement(0) instanceof ReturnStmt)) {
      return null;
    }
    Expression returned = ((ReturnStmt) method.getBody().get().getStatement(0)).getExpression().orElse(null);
    LintSymbols.Variable variable =
        returned == null ? null : state.symbols.variableOf(LintSymbols.skipParens(returned));
    MapField field = variable == null ? null : state.fields.get(variable.declaration());
    return field != null
            && MapTypes.kindOfField(field.declaredType(), field.assignedValues()) == MapKind.SYNCHRONIZED
        ? field
        : null;
  }

  /**
   * Non-private map fields of superclasses declared in this file: this class's accesses to them
   * count like its own (as the javac front end does for superclasses in the same compilation).
   */
  void addInheritedFields() {
    String name = state.types.qualifiedName(state.topLevelType).orElse(null);
    if (name == null) {
      return;
    }
    for (String superName : state.types.sameFileSuperclasses(name)) {
      TypeDeclaration<?> superclass = state.types.declaration(superName);
      Set<Node> inheritedHere = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      for (FieldDeclaration declaration : superclass.getFields()) {
        if (declaration.isPrivate()) {
          continue;
        }
        for (VariableDeclarator v : declaration.getVariables()) {
          LintSymbols.Variable variable =
              new LintSymbols.Variable(v, v.getNameAsString(), v.getType(), true, superclass);
          if (isMap(state.symbols.typeOf(variable))) {
            state.mapFieldDeclarations.put(v, v);
            inheritedHere.add(v);
            v.getInitializer().ifPresent(init -> describeValue(init, assignedValues(v)));
          }
        }
      }
      for (AssignExpr assign : AstNodes.all(superclass, AssignExpr.class)) {
        LintSymbols.Variable target = state.symbols.variableOf(assign.getTarget());
        if (target != null && inheritedHere.contains(target.declaration())) {
          describeValue(assign.getValue(), assignedValues(target.declaration()));
        }
      }
    }
  }

  boolean isMap(String type) {
    return state.syntax.isMap(type);
  }

  boolean insideAnonymousClass(Node node) {
    for (Node n = node.getParentNode().orElse(null);
        n != null && n != state.topLevel;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof ObjectCreationExpr && ((ObjectCreationExpr) n).getAnonymousClassBody().isPresent()) {
        return true;
      }
    }
    return false;
  }

  static LintSymbols.Variable localVariable(VariableDeclarator v) {
    return new LintSymbols.Variable(v, v.getNameAsString(), v.getType(), false, LintSymbols.enclosingType(v));
  }

  static LintSymbols.Variable localVariable(Parameter p) {
    return new LintSymbols.Variable(p, p.getNameAsString(), p.getType(), false, LintSymbols.enclosingType(p));
  }

  static List<String> annotationValues(AnnotationExpr annotation) {
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
        }
      }
    }
    return strings;
  }

  /** See {@link ValueDescriptions#describe}. */
  void describeValue(Expression expression, List<String> out) {
    state.describeValue(expression, out);
  }

  private List<String> assignedValues(Node field) {
    return state.assignedValues.computeIfAbsent(field, k -> new ArrayList<>());
  }
}

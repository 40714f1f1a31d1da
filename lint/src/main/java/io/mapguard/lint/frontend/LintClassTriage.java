package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.mapguard.engine.knowledge.CapacityHints;
import io.mapguard.engine.knowledge.LocalMapTriggers;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.MapCreation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The prepass over the class: finds its map fields and local maps, so that a class without any can
 * skip the full scan, and collects what the scan needs from the whole class first (values assigned
 * to fields, single-thread executors, lock aliases, functions started later, sized map creations).
 * The javac front end's {@code ClassTriage} is its mirror.
 */
final class LintClassTriage {
  private final LintExtractionState state;
  private final AstFactExtractor extraction;

  LintClassTriage(AstFactExtractor extraction) {
    this.extraction = extraction;
    this.state = extraction.state;
  }

  /** Map fields, what is assigned to them, single-thread executors and lock aliases. */
  void prepass() {
    for (TypeDeclaration<?> type : namedTypes()) {
      for (FieldDeclaration declaration : type.getFields()) {
        for (VariableDeclarator v : declaration.getVariables()) {
          LintSymbols.Variable variable = new LintSymbols.Variable(v, v.getNameAsString(), v.getType(), true, type);
          if (extraction.declarations.isMap(state.symbols.typeOf(variable))) {
            state.fieldVariables.put(v, variable);
            v.getInitializer().ifPresent(init -> extraction.declarations.describeValue(init, values(v)));
          }
          if (v.getInitializer().isPresent() && isSingleThreadExecutor(v.getInitializer().get())) {
            state.singleThreadExecutors.add(v);
          }
        }
      }
    }
    extraction.declarations.addInheritedFields();
    // one traversal each, shared by the field, local-map and lock passes below
    List<VariableDeclarator> variables = nodes().variables;
    List<MethodCallExpr> calls = nodes().calls;
    List<AssignExpr> assignments = nodes().assignments;
    findLocalMaps(variables, calls, assignments);
    for (ObjectCreationExpr creation : nodes().creations) {
      recordSizedCreation(creation);
    }
    if (hasNoMaps()) {
      return; // the class is not scanned (see AstFactExtractor.extract): what follows only serves the scan
    }
    for (VariableDeclarator v : variables) {
      state.locks.recordAlias(v);
    }
    for (MethodCallExpr call : calls) {
      startsLocalFunctions(call, call.getArguments());
    }
    for (ObjectCreationExpr creation : nodes().creations) {
      startsLocalFunctions(creation, creation.getArguments());
    }
    for (AssignExpr assign : assignments) {
      LintSymbols.Variable target = state.symbols.variableOf(assign.getTarget());
      if (target != null && state.fieldVariables.containsKey(target.declaration())) {
        extraction.declarations.describeValue(assign.getValue(), values(target.declaration()));
        if (isSingleThreadExecutor(assign.getValue())) {
          state.singleThreadExecutors.add(target.declaration());
        }
      }
    }
  }

  /** No map field and no local map: nothing in the class for the scan to follow. */
  boolean hasNoMaps() {
    return state.fieldVariables.isEmpty() && state.localMapValues.isEmpty();
  }

  /** {@code new HashMap<>(n)} with an {@code int} argument (a map argument is the copy constructor). */
  private void recordSizedCreation(ObjectCreationExpr creation) {
    if (creation.getArguments().size() != 1 || creation.getAnonymousClassBody().isPresent()) {
      return;
    }
    String created = state.types.resolve(creation.getType());
    Expression argument = LintSymbols.skipParensAndCasts(creation.getArgument(0));
    if (created == null || !CapacityHints.SIZED_FACTORIES.containsKey(created) || !isIntValued(argument)) {
      return;
    }
    state.creations.add(
        new MapCreation(
            created, argument.toString().replaceAll("\\s+", ""), sizeArgument(argument),
            extraction.sites.site(creation)));
  }

  private static MapCreation.SizeArgument sizeArgument(Expression argument) {
    if (argument instanceof MethodCallExpr
        && ((MethodCallExpr) argument).getArguments().isEmpty()
        && ((MethodCallExpr) argument).getScope().isPresent()) {
      String name = ((MethodCallExpr) argument).getNameAsString();
      if (name.equals("size")) {
        return MapCreation.SizeArgument.SIZE_CALL;
      }
      if (name.equals("length")) {
        return MapCreation.SizeArgument.LENGTH;
      }
    }
    if (argument instanceof FieldAccessExpr && ((FieldAccessExpr) argument).getNameAsString().equals("length")) {
      return MapCreation.SizeArgument.LENGTH;
    }
    if (argument instanceof NameExpr || argument instanceof FieldAccessExpr) {
      return MapCreation.SizeArgument.NAME;
    }
    return argument instanceof IntegerLiteralExpr ? MapCreation.SizeArgument.LITERAL : MapCreation.SizeArgument.OTHER;
  }

  /**
   * Whether a constructor argument is an int rather than a map to copy. A variable declared here
   * answers by its type; one declared elsewhere is taken as an int (the rule then also wants a
   * count-like name).
   */
  private boolean isIntValued(Expression argument) {
    if (!(argument instanceof NameExpr || argument instanceof FieldAccessExpr)) {
      return true; // a size()/length call, or a shape the rule never reports
    }
    LintSymbols.Variable variable = state.symbols.variableOf(argument);
    if (variable == null || variable.type() == null) {
      return true;
    }
    com.github.javaparser.ast.type.Type type = variable.type();
    if (type.isVarType()) {
      return !extraction.declarations.isMap(state.symbols.typeOf(variable));
    }
    if (type.isPrimitiveType()) {
      switch (type.asPrimitiveType().getType()) {
        case INT:
        case SHORT:
        case BYTE:
        case CHAR:
          return true;
        default:
          return false;
      }
    }
    return type.isClassOrInterfaceType()
        && INT_BOXES.contains(type.asClassOrInterfaceType().getNameAsString());
  }

  private static final Set<String> INT_BOXES = Set.of("Integer", "Short", "Byte", "Character");

  /** {@code Runnable r = () -> ..; pool.submit(r);}: the lambda is a task started by that call. */
  private void startsLocalFunctions(Expression call, List<Expression> arguments) {
    for (Expression argument : arguments) {
      Expression a = LintSymbols.skipParens(argument);
      if (!(a instanceof NameExpr)) {
        continue;
      }
      LintSymbols.Variable local = state.symbols.variable((NameExpr) a);
      if (local == null || local.isField() || local.initializer().isEmpty()) {
        continue;
      }
      Expression init = LintSymbols.skipParens(local.initializer().get());
      boolean function =
          init instanceof LambdaExpr
              || init instanceof MethodReferenceExpr
              || init instanceof ObjectCreationExpr && ((ObjectCreationExpr) init).getAnonymousClassBody().isPresent();
      if (function && state.apis.startOf(state.syntax.callee(call)).isPresent()) {
        state.startedLater.putIfAbsent(init, call);
      }
    }
  }

  List<String> values(Node field) {
    return state.assignedValues.computeIfAbsent(field, k -> new ArrayList<>());
  }

  /** The class's nodes by kind, collected on first use in one walk. */
  private AstNodes.Index nodes() {
    if (state.nodes == null) {
      state.nodes = new AstNodes.Index(state.topLevel);
    }
    return state.nodes;
  }

  /** Named classes of the top-level type (itself, nested, local), not anonymous ones. */
  List<TypeDeclaration<?>> namedTypes() {
    List<TypeDeclaration<?>> named = new ArrayList<>();
    for (TypeDeclaration<?> type : nodes().types) {
      if (!extraction.declarations.insideAnonymousClass(type)) {
        named.add(type);
      }
    }
    return named;
  }

  /**
   * Locals and parameters that may hold a map the local-map rules can report on. Resolving a local's
   * type can take the symbol solver, so only names the rules can involve are resolved: the receiver
   * of a {@link LocalMapTriggers} call or of a view call ({@code m.keySet()}), the argument of a
   * synchronized wrapper, and a local those are initialised from (an alias).
   */
  private void findLocalMaps(
      List<VariableDeclarator> variables, List<MethodCallExpr> calls, List<AssignExpr> assignments) {
    Set<String> candidates = new HashSet<>();
    for (MethodCallExpr call : calls) {
      String name = call.getNameAsString();
      if (LocalMapTriggers.CALLS.contains(name) || MapMethods.isView(name)) {
        call.getScope().map(LintSymbols::skipParens).filter(NameExpr.class::isInstance)
            .ifPresent(scope -> candidates.add(((NameExpr) scope).getNameAsString()));
      }
      if (name.startsWith("synchronized") && LocalMapTriggers.CALLS.contains(name)) {
        for (Expression argument : call.getArguments()) {
          if (LintSymbols.skipParens(argument) instanceof NameExpr) {
            candidates.add(((NameExpr) LintSymbols.skipParens(argument)).getNameAsString());
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      return; // no rule about local maps can fire here
    }
    List<VariableDeclarator> locals = new ArrayList<>();
    for (VariableDeclarator v : variables) {
      if (LintUseScanner.isLocal(v)) {
        locals.add(v);
        if (candidates.contains(v.getNameAsString())) {
          v.getInitializer().map(LintSymbols::skipParens).filter(NameExpr.class::isInstance)
              .ifPresent(init -> candidates.add(((NameExpr) init).getNameAsString()));
        }
      }
    }
    for (VariableDeclarator v : locals) {
      if (candidates.contains(v.getNameAsString())
          && extraction.declarations.isMap(state.symbols.typeOf(LintMapDeclarations.localVariable(v)))) {
        List<String> values = state.localMapValues.computeIfAbsent(v, k -> new ArrayList<>());
        v.getInitializer().ifPresent(init -> extraction.declarations.describeValue(init, values));
      }
    }
    for (Parameter parameter : nodes().parameters) {
      if (parameter.getParentNode().orElse(null) instanceof CallableDeclaration
          && candidates.contains(parameter.getNameAsString())
          && extraction.declarations.isMap(state.symbols.typeOf(LintMapDeclarations.localVariable(parameter)))) {
        state.localMapValues.computeIfAbsent(parameter, k -> new ArrayList<>());
      }
    }
    if (state.localMapValues.isEmpty()) {
      return;
    }
    for (AssignExpr assign : assignments) {
      LintSymbols.Variable target = state.symbols.variableOf(assign.getTarget());
      List<String> values = target == null ? null : state.localMapValues.get(target.declaration());
      if (values != null) {
        extraction.declarations.describeValue(assign.getValue(), values);
      }
    }
  }

  private boolean isSingleThreadExecutor(Expression init) {
    Expression e = LintSymbols.skipParens(init);
    if (!(e instanceof MethodCallExpr)) {
      return false;
    }
    String owner = state.syntax.staticOwner((MethodCallExpr) e);
    for (MethodRef factory : ThreadStartApis.SINGLE_THREAD_EXECUTOR_FACTORIES) {
      if (factory.owner().equals(owner) && factory.name().equals(((MethodCallExpr) e).getNameAsString())) {
        return true;
      }
    }
    return false;
  }
}

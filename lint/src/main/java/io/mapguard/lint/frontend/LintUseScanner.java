package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import io.mapguard.engine.extract.Alias;
import io.mapguard.engine.extract.AliasKind;
import io.mapguard.engine.extract.UnitScan.PendingEdge;
import io.mapguard.engine.extract.UnitScan.PendingMutation;
import io.mapguard.engine.extract.ValueLocal;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.FunctionalContext;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.lint.frontend.LintExtractionState.UnitInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The main walk over the class: enters each code unit (lambdas and anonymous classes make their
 * own), follows calls between units and finds each use of a map field, local map or alias, which
 * {@link LintMapUseClassifier} then reads. The javac front end's {@code UseScanner} is its mirror.
 */
final class LintUseScanner {
  private final LintExtractionState state;
  private final AstFactExtractor extraction;

  LintUseScanner(AstFactExtractor extraction) {
    this.extraction = extraction;
    this.state = extraction.state;
  }

  UnitInfo current() {
    return state.units.peek();
  }

  private void inUnit(CodeUnit unit, Runnable body) {
    state.units.push(state.infos.get(unit));
    try {
      body.run();
    } finally {
      state.units.pop();
    }
  }

  void scanType(TypeDeclaration<?> type) {
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof FieldDeclaration) {
        for (VariableDeclarator v : ((FieldDeclaration) member).getVariables()) {
          v.getInitializer().ifPresent(init -> inUnit(extraction.codeUnits.initializerUnit(type), () -> scan(init)));
        }
      } else if (member instanceof InitializerDeclaration) {
        inUnit(extraction.codeUnits.initializerUnit(type), () -> scan(((InitializerDeclaration) member).getBody()));
      } else if (member instanceof CallableDeclaration) {
        scanCallable((CallableDeclaration<?>) member);
      } else if (member instanceof TypeDeclaration) {
        scanType((TypeDeclaration<?>) member);
      } else {
        scan(member);
      }
    }
    if (type instanceof com.github.javaparser.ast.body.EnumDeclaration) {
      for (var constant : ((com.github.javaparser.ast.body.EnumDeclaration) type).getEntries()) {
        inUnit(extraction.codeUnits.initializerUnit(type), () -> constant.getArguments().forEach(this::scan));
        constant.getClassBody().forEach(this::scan);
      }
    }
  }

  private void scanCallable(CallableDeclaration<?> method) {
    CodeUnit unit = state.methodUnits.get(method);
    if (unit == null) {
      return;
    }
    Optional<BlockStmt> body =
        method instanceof MethodDeclaration
            ? ((MethodDeclaration) method).getBody()
            : Optional.of(((ConstructorDeclaration) method).getBody());
    for (Parameter parameter : method.getParameters()) {
      registerLocalMap(LintMapDeclarations.localVariable(parameter));
    }
    body.ifPresent(b -> inUnit(unit, () -> scan(b)));
  }

  private void scan(Node node) {
    if (node instanceof TypeDeclaration) {
      scanType((TypeDeclaration<?>) node); // a local class
      return;
    }
    if (node instanceof LambdaExpr) {
      LambdaExpr lambda = (LambdaExpr) node;
      CodeUnit unit =
          functionalUnit(
              extraction.taskStarts.functionalContext(LintSyntax.path(lambda)), "lambda at line " + LintSourceSites.line(lambda),
              lambda, Set.of());
      inUnit(unit, () -> scan(lambda.getBody()));
      return;
    }
    if (node instanceof MethodReferenceExpr) {
      methodReference((MethodReferenceExpr) node);
    } else if (node instanceof ObjectCreationExpr) {
      newClass((ObjectCreationExpr) node);
      return;
    } else if (node instanceof MethodCallExpr) {
      MethodCallExpr call = (MethodCallExpr) node;
      if (LockApis.ALL_METHOD_NAMES.contains(call.getNameAsString()) && current() != null) {
        current().hasLockCalls = true;
      }
      recordSameClassCall(call);
      startedNamedClasses(call, call.getArguments());
      MapField returned = extraction.declarations.getterField(call);
      if (returned != null && current() != null) {
        extraction.classifier.classifyMapUse(returned, call, AliasKind.MAP); // sessions().keySet(): a use of the field
      }
    } else if (node instanceof SynchronizedStmt) {
      if (current() != null) {
        current().hasSynchronizedBlocks = true;
      }
      // the lock expression itself is not an access to the map it names
      scan(((SynchronizedStmt) node).getBody());
      return;
    } else if (node instanceof VariableDeclarator && isLocal((VariableDeclarator) node)) {
      VariableDeclarator v = (VariableDeclarator) node;
      v.getInitializer().ifPresent(init -> extraction.classifier.recordAlias(v, init, v));
      registerLocalMap(LintMapDeclarations.localVariable(v));
    } else if (node instanceof ForEachStmt) {
      enhancedFor((ForEachStmt) node);
    } else if (node instanceof AssignExpr) {
      LintSymbols.Variable target = state.symbols.variableOf(((AssignExpr) node).getTarget());
      if (target != null && !target.isField()) {
        state.aliases.remove(target.declaration());
        extraction.classifier.recordAlias(target.declaration(), ((AssignExpr) node).getValue(), node);
      }
      Expression value = LintSymbols.skipParens(((AssignExpr) node).getValue());
      LintSymbols.Variable local = value instanceof NameExpr ? state.symbols.variable((NameExpr) value) : null;
      if (target != null && state.fields.containsKey(target.declaration()) && local != null && !local.isField()) {
        // field = local: from here on, filling the local fills the published field
        state.aliases.put(local.declaration(), new Alias(state.fields.get(target.declaration()), AliasKind.MAP));
      }
    } else if (node instanceof NameExpr) {
      recordUse(node, state.symbols.variable((NameExpr) node));
      return;
    } else if (node instanceof FieldAccessExpr) {
      LintSymbols.Variable variable = state.symbols.variableOf((FieldAccessExpr) node);
      if (variable != null && state.fields.containsKey(variable.declaration())) {
        recordUse(node, variable);
      }
      scan(((FieldAccessExpr) node).getScope());
      return;
    }
    for (Node child : node.getChildNodes()) {
      scan(child);
    }
  }

  static boolean isLocal(VariableDeclarator v) {
    return !(v.getParentNode().orElse(null) instanceof FieldDeclaration);
  }

  private CodeUnit functionalUnit(FunctionalContext context, String name, Node body, Set<LockRef> entryLocks) {
    CodeUnit unit;
    switch (context.kind()) {
      case TASK:
        unit = new CodeUnit(state.nextUnitId++, CodeUnit.Kind.TASK, name, true, Set.of(), context.task());
        break;
      case INLINE:
        unit = new CodeUnit(state.nextUnitId++, CodeUnit.Kind.METHOD, name, true, Set.of(), null);
        break;
      default:
        unit = new CodeUnit(state.nextUnitId++, CodeUnit.Kind.METHOD, name, false, entryLocks, null);
        break;
    }
    extraction.codeUnits.register(unit, body);
    if (context.kind() == FunctionalContext.Kind.INLINE && current() != null) {
      current().edges.add(new PendingEdge<>(unit, body));
    }
    return unit;
  }

  private void methodReference(MethodReferenceExpr reference) {
    String owner;
    Expression scope = reference.getScope();
    if (scope instanceof ThisExpr) {
      owner = state.symbols.typeOf(scope);
    } else if (scope instanceof TypeExpr) {
      owner = state.types.resolve(((TypeExpr) scope).getType());
    } else {
      owner = state.symbols.typeOf(scope);
    }
    CodeUnit target = null;
    TypeDeclaration<?> declaration = state.types.declaration(owner);
    if (declaration != null) {
      List<MethodDeclaration> overloads = declaration.getMethodsByName(reference.getIdentifier());
      for (MethodDeclaration m : overloads) {
        target = state.methodUnits.get(m);
        if (target != null) {
          break;
        }
      }
      if (overloads.size() > 1) {
        state.overloadedReferences.add(reference);
      }
    }
    if (target == null) {
      return;
    }
    FunctionalContext context = extraction.taskStarts.functionalContext(LintSyntax.path(reference));
    if (context.kind() == FunctionalContext.Kind.TASK) {
      CodeUnit task =
          functionalUnit(context, "method reference at line " + LintSourceSites.line(reference), null, Set.of());
      state.infos.get(task).edges.add(new PendingEdge<>(target, reference));
    } else if (current() != null) {
      current().edges.add(new PendingEdge<>(target, reference));
    }
  }

  private void newClass(ObjectCreationExpr creation) {
    startedNamedClasses(creation, creation.getArguments());
    if (creation.getAnonymousClassBody().isEmpty()) {
      String created = state.types.resolve(creation.getType());
      ConstructorDeclaration constructor = state.symbols.constructor(created, creation.getArguments().size());
      if (constructor != null && current() != null && state.methodUnits.containsKey(constructor)) {
        current().edges.add(new PendingEdge<>(state.methodUnits.get(constructor), creation));
      }
      creation.getScope().ifPresent(this::scan);
      creation.getArguments().forEach(this::scan);
      return;
    }
    FunctionalContext context = extraction.taskStarts.functionalContext(LintSyntax.path(creation));
    String createdType = state.types.resolve(creation.getType());
    TaskClasses.TaskClass taskClass = extraction.taskStarts.taskClassOf(creation);
    if (context.kind() == FunctionalContext.Kind.INLINE && taskClass != null) {
      // an anonymous Thread, TimerTask or fork-join task runs on its own thread whoever starts it
      context =
          FunctionalContext.task(
              extraction.taskStarts.taskRoot(LintSyntax.path(creation), taskClass.description() + " created", false));
    }
    List<MethodDeclaration> methods = new ArrayList<>();
    for (BodyDeclaration<?> member : creation.getAnonymousClassBody().get()) {
      if (member instanceof MethodDeclaration && ((MethodDeclaration) member).getBody().isPresent()) {
        MethodDeclaration method = (MethodDeclaration) member;
        String name = method.getNameAsString();
        boolean entryPoint =
            (TaskClasses.STARTED_INSTANCE_METHODS.contains(name)
                    || taskClass != null && name.equals(taskClass.method()))
                && method.getParameters().isEmpty();
        FunctionalContext methodContext =
            context.kind() == FunctionalContext.Kind.TASK && !entryPoint ? FunctionalContext.DEFERRED : context;
        CodeUnit unit =
            functionalUnit(
                methodContext,
                method.getNameAsString() + "() of the anonymous class at line " + LintSourceSites.line(creation),
                method,
                locksHeldByCaller(creation, createdType, method));
        state.methodUnits.put(method, unit);
        methods.add(method);
      }
    }
    creation.getArguments().forEach(this::scan);
    for (MethodDeclaration method : methods) {
      scanCallable(method);
    }
  }

  /** The lock an anonymous {@code Monitor.Guard}'s {@code isSatisfied()} always runs under. */
  private Set<LockRef> locksHeldByCaller(ObjectCreationExpr creation, String createdType, MethodDeclaration method) {
    for (LockApis.CallbackUnderLock callback : LockApis.CALLBACKS_UNDER_LOCK) {
      if (method.getNameAsString().equals(callback.method())
          && state.types.isSubtype(createdType, callback.owner())
          && creation.getArguments().size() > callback.lockArgument()) {
        LockRef lock = state.locks.lockObject(creation.getArgument(callback.lockArgument()));
        return lock == null ? Set.of() : Set.of(lock);
      }
    }
    return Set.of();
  }

  /** {@code executor.submit(new Worker())} / {@code new Thread(this)}: the class's run() is a task. */
  private void startedNamedClasses(Expression call, List<Expression> arguments) {
    boolean candidate =
        arguments.stream()
            .map(LintSymbols::skipParens)
            .anyMatch(
                a -> a instanceof ObjectCreationExpr && ((ObjectCreationExpr) a).getAnonymousClassBody().isEmpty()
                    || a instanceof ThisExpr);
    if (!candidate) {
      return; // only new Worker() or this can start a named class's run()
    }
    Optional<ThreadStartApis.Entry> start = extraction.taskStarts.startOf(call);
    if (start.isEmpty()) {
      return;
    }
    for (Expression argument : arguments) {
      Expression a = LintSymbols.skipParens(argument);
      String started = null;
      if (a instanceof ObjectCreationExpr && ((ObjectCreationExpr) a).getAnonymousClassBody().isEmpty()) {
        started = state.types.resolve(((ObjectCreationExpr) a).getType());
      } else if (a instanceof ThisExpr && ((ThisExpr) a).getTypeName().isEmpty()) {
        started = state.symbols.typeOf(a);
      }
      TypeDeclaration<?> declaration = state.types.declaration(started);
      if (declaration == null) {
        continue;
      }
      for (MethodDeclaration method : declaration.getMethods()) {
        CodeUnit target = state.methodUnits.get(method);
        if (target != null
            && method.getParameters().isEmpty()
            && TaskClasses.STARTED_INSTANCE_METHODS.contains(method.getNameAsString())) {
          ThreadRoot root = extraction.taskStarts.taskRoot(LintSyntax.path(call), start.get().description(), false);
          CodeUnit task =
              extraction.codeUnits.register(
                  new CodeUnit(state.nextUnitId++, CodeUnit.Kind.TASK, root.describe(), true, Set.of(), root), null);
          state.infos.get(task).edges.add(new PendingEdge<>(target, call));
        }
      }
    }
  }

  private void recordSameClassCall(MethodCallExpr call) {
    if (current() == null) {
      return;
    }
    MethodDeclaration callee =
        state.symbols.method(state.symbols.receiverType(call), call.getNameAsString(), call.getArguments().size());
    CodeUnit unit = callee == null ? null : state.methodUnits.get(callee);
    if (unit != null) {
      current().edges.add(new PendingEdge<>(unit, call));
    }
  }

  private void enhancedFor(ForEachStmt loop) {
    Expression iterated = LintSymbols.skipParens(loop.getIterable());
    if (iterated instanceof MethodCallExpr && ((MethodCallExpr) iterated).getScope().isPresent()) {
      MethodCallExpr call = (MethodCallExpr) iterated;
      MapField field = extraction.mapFieldOf(call.getScope().get());
      if (field != null && call.getNameAsString().equals("entrySet")) {
        for (VariableDeclarator v : loop.getVariable().getVariables()) {
          state.aliases.put(v, new Alias(field, AliasKind.ENTRY));
        }
      }
    }
  }

  private void registerLocalMap(LintSymbols.Variable variable) {
    if (variable != null
        && state.localMapValues.containsKey(variable.declaration())
        && !state.aliases.containsKey(variable.declaration())) {
      state.localMaps.put(
          variable.declaration(), state.mapFields.local(variable.declaration(), extraction.sites.site(variable.declaration())));
    }
  }

  private void recordUse(Node node, LintSymbols.Variable variable) {
    if (variable == null || current() == null) {
      return;
    }
    ValueLocal value = state.valueLocals.get(variable.declaration());
    if (value != null) {
      LintCallSyntax.ValueUse use = LintCallSyntax.useOfValue(node);
      if (use != null) {
        current().mutations.add(
            new PendingMutation<>(value.field(), value.source(), value.line(), use.method(), variable.name(), use.node()));
      }
      return;
    }
    MapField field = state.fields.get(variable.declaration());
    if (field != null) {
      extraction.classifier.classifyMapUse(field, node, AliasKind.MAP);
      return;
    }
    Alias alias = state.aliases.get(variable.declaration());
    if (alias != null) {
      extraction.classifier.classifyMapUse(alias.field(), node, alias.kind());
      return;
    }
    MapField local = state.localMaps.get(variable.declaration());
    if (local != null) {
      extraction.classifier.classifyMapUse(local, node, AliasKind.MAP);
    }
  }
}

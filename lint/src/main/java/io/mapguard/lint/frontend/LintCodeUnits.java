package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.ConstructionMethods;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.lint.frontend.LintExtractionState.UnitInfo;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The code units of the class (methods, constructors, initializers) with what holds on entry: the
 * locks of {@code synchronized}, {@code @Holding} and asserted {@code holdsLock}, and whether only
 * this file can call them. The javac front end's {@code CodeUnits} is its mirror.
 */
final class LintCodeUnits {
  private final LintExtractionState state;
  private final AstFactExtractor extraction;

  LintCodeUnits(AstFactExtractor extraction) {
    this.extraction = extraction;
    this.state = extraction.state;
  }

  void createMethodUnits() {
    for (TypeDeclaration<?> type : extraction.triage.namedTypes()) {
      for (BodyDeclaration<?> member : type.getMembers()) {
        if (member instanceof MethodDeclaration && ((MethodDeclaration) member).getBody().isPresent()) {
          MethodDeclaration method = (MethodDeclaration) member;
          state.methodUnits.put(method, newMethodUnit(method, type, threadClassTask(type, method)));
        } else if (member instanceof ConstructorDeclaration) {
          state.methodUnits.put(member, newMethodUnit((ConstructorDeclaration) member, type, null));
        }
      }
    }
  }

  /** The task method of a named task class ({@link TaskClasses}: a Thread's run()…) is a task of its own. */
  private ThreadRoot threadClassTask(TypeDeclaration<?> owner, MethodDeclaration method) {
    if (!method.getParameters().isEmpty()) {
      return null;
    }
    String name = null;
    for (TaskClasses.TaskClass taskClass : TaskClasses.ALL) {
      if (!method.getNameAsString().equals(taskClass.method())) {
        continue;
      }
      name = name == null ? state.types.qualifiedName(owner).orElse(null) : name;
      if (state.types.isSubtype(name, taskClass.owner())) {
        return new ThreadRoot(
            ThreadRoot.Kind.TASK,
            LintSourceSites.line(owner),
            taskClass.description() + " " + owner.getNameAsString(),
            null,
            false,
            false,
            -1,
            -1);
      }
    }
    return null;
  }

  private CodeUnit newMethodUnit(CallableDeclaration<?> method, TypeDeclaration<?> owner, ThreadRoot task) {
    Set<LockRef> entry = new LinkedHashSet<>();
    if (method.hasModifier(Modifier.Keyword.SYNCHRONIZED)) {
      entry.add(
          LockRef.monitor(
              method.isStatic()
                  ? owner.getNameAsString() + ".class"
                  : state.syntax.thisOf(owner, owner.getNameAsString())));
    }
    for (AnnotationExpr annotation : method.getAnnotations()) {
      if (ConcurrencyAnnotations.HELD_ON_ENTRY.contains(extraction.declarations.annotationName(annotation))) {
        for (String lock : LintMapDeclarations.annotationValues(annotation)) {
          entry.add(LockRef.monitor(lock.startsWith("this.") ? lock.substring(5) : lock));
        }
      }
    }
    entry.addAll(assertedLocks(method));
    boolean isPrivate =
        method.isPrivate()
            || inPrivateClass(owner) && method.getAnnotations().stream().noneMatch(a -> a.getNameAsString().equals("Override"));
    boolean construction =
        method instanceof ConstructorDeclaration
            || method.isPrivate()
                && !method.isStatic()
                && ConstructionMethods.isConstruction(
                    method.getNameAsString(),
                    method.getParameters().stream().map(p -> p.getType().asString()).toList());
    CodeUnit.Kind kind =
        task != null
            ? CodeUnit.Kind.TASK
            : construction ? CodeUnit.Kind.CONSTRUCTOR : CodeUnit.Kind.METHOD;
    return register(
        new CodeUnit(state.nextUnitId++, kind, methodName(method), isPrivate, Set.copyOf(entry), task),
        method);
  }

  /**
   * Locks a method asserts it holds on entry, {@code assert Thread.holdsLock(lock);} among the
   * body's own statements: the JDK's way of writing {@code @Holding}. As the javac front end.
   */
  private Set<LockRef> assertedLocks(CallableDeclaration<?> method) {
    Set<LockRef> held = new LinkedHashSet<>();
    Optional<BlockStmt> body =
        method instanceof MethodDeclaration
            ? ((MethodDeclaration) method).getBody()
            : Optional.of(((ConstructorDeclaration) method).getBody());
    for (Statement statement : body.map(BlockStmt::getStatements).orElse(new NodeList<>())) {
      if (statement instanceof AssertStmt) {
        for (Expression lock : LintCallSyntax.holdsLockArguments(((AssertStmt) statement).getCheck())) {
          held.add(state.locks.monitor(lock));
        }
      }
    }
    return held;
  }

  /** A method of a private nested class (or of a class nested in one) is only called from this file. */
  private static boolean inPrivateClass(TypeDeclaration<?> type) {
    for (Node n = type; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration && ((TypeDeclaration<?>) n).isPrivate()) {
        return true;
      }
    }
    return false;
  }

  CodeUnit register(CodeUnit unit, Node body) {
    state.infos.put(unit, new UnitInfo(unit, body));
    return unit;
  }

  /** {@code get(String)}: erased simple parameter type names, as javac spells them. */
  static String methodName(CallableDeclaration<?> method) {
    StringBuilder name = new StringBuilder(method.getNameAsString()).append('(');
    NodeList<Parameter> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      name.append(i == 0 ? "" : ", ").append(simpleTypeName(parameters.get(i)));
    }
    return name.append(')').toString();
  }

  private static String simpleTypeName(Parameter parameter) {
    Type type = parameter.getType();
    if (parameter.isVarArgs() || type instanceof ArrayType) {
      return "Array";
    }
    if (type instanceof ClassOrInterfaceType) {
      return ((ClassOrInterfaceType) type).getNameAsString();
    }
    return type.asString();
  }

  CodeUnit initializerUnit(TypeDeclaration<?> owner) {
    return state.initializerUnits.computeIfAbsent(
        owner,
        o ->
            register(
                new CodeUnit(state.nextUnitId++, CodeUnit.Kind.INITIALIZER, "initializer of " + owner.getNameAsString(),
                    true, Set.of(), null),
                null));
  }
}

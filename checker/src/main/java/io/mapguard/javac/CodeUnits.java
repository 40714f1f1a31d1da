package io.mapguard.javac;

import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.ConstructionMethods;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.javac.ExtractionState.UnitInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class's code units: one for each method with a body in a named class, with the locks it
 * holds on entry and whether only this file calls it, and one for each class's field initializers
 * and initializer blocks. The use scan adds those of lambdas, anonymous classes and started tasks
 * through {@link #register}. mapvet's {@code LintCodeUnits} is its mirror.
 */
final class CodeUnits {
  private final ExtractionState state;
  private final SourceSites sites;

  CodeUnits(ExtractionState state, SourceSites sites) {
    this.state = state;
    this.sites = sites;
  }

  void createMethodUnits(JCClassDecl classDecl) {
    new TreeScanner() {
      @Override
      public void visitClassDef(JCClassDecl tree) {
        if (tree.sym != null && !SourceSites.isAnonymous(tree.sym)) {
          for (JCTree member : tree.defs) {
            if (member instanceof JCMethodDecl && ((JCMethodDecl) member).body != null) {
              JCMethodDecl method = (JCMethodDecl) member;
              state.methodUnits.put(method.sym, newMethodUnit(method, tree, threadClassTask(tree, method)));
            }
          }
        }
        super.visitClassDef(tree);
      }
    }.scan(classDecl);
  }

  /** The task method of a named task class ({@link TaskClasses}: a Thread's run()…) is a task of its own. */
  private ThreadRoot threadClassTask(JCClassDecl owner, JCMethodDecl method) {
    if (!method.params.isEmpty()) {
      return null;
    }
    for (TaskClasses.TaskClass taskClass : TaskClasses.ALL) {
      if (method.name.contentEquals(taskClass.method())
          && state.types.isSubtype(owner.sym.type, taskClass.owner())) {
        return new ThreadRoot(
            ThreadRoot.Kind.TASK,
            sites.line(owner),
            taskClass.description() + " " + owner.name,
            null,
            false,
            false,
            -1,
            -1);
      }
    }
    return null;
  }

  private CodeUnit newMethodUnit(JCMethodDecl method, JCClassDecl owner, ThreadRoot task) {
    Set<LockRef> entry = new LinkedHashSet<>();
    if ((method.mods.flags & Flags.SYNCHRONIZED) != 0) {
      entry.add(
          LockRef.monitor(
              (method.mods.flags & Flags.STATIC) != 0
                  ? owner.name + ".class"
                  : state.syntax.thisOf(owner.sym)));
    }
    for (JCAnnotation annotation : method.mods.annotations) {
      if (ConcurrencyAnnotations.HELD_ON_ENTRY.contains(MapDeclarations.annotationName(annotation))) {
        for (String lock : annotationValues(annotation)) {
          entry.add(LockRef.monitor(lock.startsWith("this.") ? lock.substring(5) : lock));
        }
      }
    }
    entry.addAll(assertedLocks(method.body));
    boolean isPrivate =
        (method.mods.flags & Flags.PRIVATE) != 0 || inPrivateClass(owner.sym) && !overrides(method);
    boolean construction =
        method.sym.isConstructor()
            || (method.mods.flags & (Flags.PRIVATE | Flags.STATIC)) == Flags.PRIVATE
                && ConstructionMethods.isConstruction(
                    method.name.toString(),
                    method.params.stream().map(p -> p.vartype.toString()).toList());
    CodeUnit.Kind kind =
        task != null
            ? CodeUnit.Kind.TASK
            : construction ? CodeUnit.Kind.CONSTRUCTOR : CodeUnit.Kind.METHOD;
    return register(
        new CodeUnit(
            state.nextUnitId++, kind, methodName(state, method), isPrivate, Set.copyOf(entry), task),
        method,
        owner,
        null);
  }

  /**
   * Locks a method asserts it holds on entry, {@code assert Thread.holdsLock(lock);} among the
   * body's own statements: the JDK's way of writing {@code @Holding}.
   */
  private Set<LockRef> assertedLocks(JCBlock body) {
    Set<LockRef> held = new LinkedHashSet<>();
    if (body != null) {
      for (JCStatement statement : body.stats) {
        if (statement instanceof JCTree.JCAssert) {
          for (JCExpression lock : CallSyntax.holdsLockArguments(((JCTree.JCAssert) statement).cond)) {
            held.add(state.locks.monitor(lock));
          }
        }
      }
    }
    return held;
  }

  /** A method of a private nested class (or of a class nested in one) is only called from this file. */
  private boolean inPrivateClass(Symbol type) {
    for (Symbol s = type; s instanceof ClassSymbol; s = s.owner) {
      if ((s.flags() & Flags.PRIVATE) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Annotated {@code @Override}: callers outside the file reach it through its supertype. */
  private boolean overrides(JCMethodDecl method) {
    return method.mods.annotations.stream()
        .anyMatch(a -> TreeInfo.name(a.annotationType) != null
            && TreeInfo.name(a.annotationType).contentEquals("Override"));
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

  static String methodName(ExtractionState state, JCMethodDecl method) {
    return state.methodNames.computeIfAbsent(method, CodeUnits::displayName);
  }

  private static String displayName(JCMethodDecl method) {
    StringBuilder name = new StringBuilder();
    name.append(method.sym.isConstructor() ? method.sym.owner.getSimpleName() : method.name);
    name.append('(');
    for (int i = 0; i < method.params.size(); i++) {
      name.append(i == 0 ? "" : ", ").append(method.params.get(i).sym.type.tsym.getSimpleName());
    }
    return name.append(')').toString();
  }

  CodeUnit initializerUnit(JCClassDecl owner) {
    return state.initializerUnits.computeIfAbsent(
        owner,
        o ->
            register(
                new CodeUnit(
                    state.nextUnitId++,
                    CodeUnit.Kind.INITIALIZER,
                    "initializer of " + o.name,
                    true,
                    Set.of(),
                    null),
                null,
                o,
                null));
  }
}

package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Annotation;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.extract.SyntaxPort.Modifier;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.ConstructionMethods;
import io.mapguard.engine.knowledge.LifecycleMethods;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.knowledge.TeardownMethods;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.ThreadRoot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The code unit of a method or constructor: the locks it holds on entry ({@code synchronized},
 * {@code @Holding}-like annotations, asserted {@code Thread.holdsLock}), whether only this file can
 * call it, whether it is construction (or teardown, which races with nothing either), and whether
 * it is the task method of a thread class. Written once for every front end, against the {@link
 * SyntaxPort}.
 *
 * @param <N> the front end's node type
 */
public final class MethodUnits<N> {
  private final SyntaxPort<N> port;
  private final CallShapes<N> shapes;
  private final LockNames<N> locks;
  private final IntSupplier nextUnitId;
  private final List<N> cleaningActions;

  /**
   * @param cleaningActions the actions of cleaner registrations found by the triage ({@link
   *     ExtractionTables#cleaningActions})
   * @param nextUnitId hands out the class's next unit id
   */
  public MethodUnits(
      CallShapes<N> shapes, LockNames<N> locks, List<N> cleaningActions, IntSupplier nextUnitId) {
    this.port = shapes.port();
    this.shapes = shapes;
    this.locks = locks;
    this.cleaningActions = cleaningActions;
    this.nextUnitId = nextUnitId;
  }

  /** The unit of {@code method}, a method with a body or a constructor of the named class {@code owner}. */
  public CodeUnit unitOf(N method, N owner) {
    ThreadRoot task = threadClassTask(method, owner);
    Set<LockRef> entry = new LinkedHashSet<>();
    if (port.hasModifier(method, Modifier.SYNCHRONIZED)) {
      entry.add(
          LockRef.monitor(
              port.hasModifier(method, Modifier.STATIC) ? port.name(owner) + ".class" : port.thisName(owner)));
    }
    for (Annotation annotation : port.annotations(method)) {
      if (ConcurrencyAnnotations.HELD_ON_ENTRY.contains(annotation.name())) {
        for (String lock : annotation.values()) {
          entry.add(LockRef.monitor(lock.startsWith("this.") ? lock.substring(5) : lock));
        }
      }
    }
    entry.addAll(assertedLocks(method));
    boolean isPrivate =
        port.hasModifier(method, Modifier.PRIVATE) || port.onlyThisFileSees(owner) && !overrides(method);
    boolean construction =
        port.isConstructor(method)
            || isPostConstruct(method)
            || isTeardown(method, owner)
            || port.hasModifier(method, Modifier.PRIVATE)
                && !port.hasModifier(method, Modifier.STATIC)
                && ConstructionMethods.hasName(port.name(method))
                && ConstructionMethods.isConstruction(port.name(method), port.parameterTypesAsWritten(method));
    CodeUnit.Kind kind =
        task != null ? CodeUnit.Kind.TASK : construction ? CodeUnit.Kind.CONSTRUCTOR : CodeUnit.Kind.METHOD;
    // an override is called through its supertype by code not seen here (a template method, a framework)
    boolean exported =
        overrides(method) || port.hasModifier(method, Modifier.PUBLIC) && !port.onlyThisFileSees(owner);
    return new CodeUnit(
        nextUnitId.getAsInt(), kind, port.methodDisplayName(method), isPrivate, Set.copyOf(entry), task, exported,
        nestedClass(owner), task == null && port.isConstructor(method));
  }

  /**
   * A finalizer, or the {@code run()} of a class whose instance a cleaner runs once the object it
   * was registered for is unreachable ({@link TeardownMethods}): no other code uses the object then,
   * as none did before its constructor returned.
   */
  private boolean isTeardown(N method, N owner) {
    if (port.hasModifier(method, Modifier.STATIC) || !port.parameters(method).isEmpty()) {
      return false;
    }
    String name = port.name(method);
    if (name.equals(TeardownMethods.FINALIZER)) {
      return true;
    }
    if (!name.equals(TeardownMethods.ACTION_METHOD) || cleaningActions.isEmpty()) {
      return false;
    }
    List<String> types = port.classTypes(owner);
    return !types.isEmpty()
        && cleaningActions.stream().anyMatch(action -> port.isSubtype(action, types.get(0)));
  }

  /** A {@code @PostConstruct} method: the container runs it once, before the object is used. */
  private boolean isPostConstruct(N method) {
    for (Annotation annotation : port.annotations(method)) {
      if (LifecycleMethods.ANNOTATIONS.contains(annotation.name())) {
        return true;
      }
    }
    return false;
  }

  /** The unit of the field initializers and initializer blocks of the class {@code owner}. */
  public CodeUnit initializerUnit(N owner) {
    return new CodeUnit(
        nextUnitId.getAsInt(), CodeUnit.Kind.INITIALIZER, "initializer of " + port.name(owner), true, Set.of(), null,
        false, nestedClass(owner), false);
  }

  /**
   * {@link CodeUnit#nestedClass}: the simple name the engine gives the class's {@code this} ({@code
   * State.this}), or null for the top-level class ({@code this}).
   */
  private String nestedClass(N owner) {
    String self = port.thisName(owner);
    return self.equals("this") ? null : self.substring(0, self.length() - ".this".length());
  }

  /** The task method of a named task class ({@link TaskClasses}: a Thread's run()…) is a task of its own. */
  private ThreadRoot threadClassTask(N method, N owner) {
    if (port.isConstructor(method) || !port.parameters(method).isEmpty()) {
      return null;
    }
    for (TaskClasses.TaskClass taskClass : TaskClasses.ALL) {
      if (port.name(method).equals(taskClass.method()) && port.isSubtype(owner, taskClass.owner())) {
        return new ThreadRoot(
            ThreadRoot.Kind.TASK,
            port.line(owner),
            taskClass.description() + " " + port.name(owner),
            null,
            false,
            false,
            -1,
            -1);
      }
    }
    return null;
  }

  /**
   * Locks a method asserts it holds on entry, {@code assert Thread.holdsLock(lock);} among the
   * body's own statements: the JDK's way of writing {@code @Holding}.
   */
  private Set<LockRef> assertedLocks(N method) {
    Set<LockRef> held = new LinkedHashSet<>();
    N body = port.methodBody(method);
    if (body != null) {
      for (N statement : port.statements(body)) {
        if (port.kind(statement) == Kind.ASSERT) {
          for (N lock : shapes.holdsLockArguments(port.condition(statement))) {
            held.add(locks.monitor(lock));
          }
        }
      }
    }
    return held;
  }

  /** Annotated {@code @Override}: callers outside the file reach it through its supertype. */
  private boolean overrides(N method) {
    return port.annotations(method).stream()
        .anyMatch(a -> a.name().equals("Override") || a.name().equals("java.lang.Override"));
  }
}

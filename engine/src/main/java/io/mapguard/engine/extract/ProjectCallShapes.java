package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.extract.SyntaxPort.Modifier;
import io.mapguard.engine.extract.SyntaxPort.Overriding;
import io.mapguard.engine.knowledge.CallerNeutralAnnotations;
import io.mapguard.engine.knowledge.LifecycleMethods;
import io.mapguard.engine.knowledge.MapArguments;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.knowledge.SynchronizedWrappers;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.FunctionalContext;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.engine.model.ValueMutation;
import io.mapguard.engine.project.CallSite;
import io.mapguard.engine.project.FieldUse;
import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.engine.project.ResultUse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a call in any class of the project says to the project-wide questions: which project method
 * it may run, what its caller does with the result, and whether the caller's own callers are all in
 * the project. Written once on the port; each front end finds the calls (javac in every class of the
 * compilation, mapvet in the files of the scan that name the method) and hands over their paths.
 */
public final class ProjectCallShapes {
  private ProjectCallShapes() {}

  /**
   * The project method a {@link Kind#METHOD} declares, or null when its class has no name code
   * elsewhere can use (an anonymous or local class).
   */
  public static <N> ProjectMethod methodOf(SyntaxPort<N> port, SyntaxPath<N> method) {
    SyntaxPath<N> owner = method.parent();
    if (owner == null || port.kind(owner.leaf()) != Kind.CLASS || !namedFromTheRoot(port, owner)) {
      return null;
    }
    List<String> types = port.classTypes(owner.leaf());
    if (types.isEmpty()) {
      return null;
    }
    return new ProjectMethod(types, port.name(method.leaf()), port.parameters(method.leaf()).size());
  }

  /**
   * Whether code outside the project may run a method's body, so that the project does not hold all
   * of its calls: a method with an annotation a framework may call it for (see {@link
   * CallerNeutralAnnotations}); a public method of a class other packages see; a protected one of a
   * class they can extend; an override of a method of a library or the JDK (which calls it), or of
   * one the front end cannot read; a public override of a project method (that method may be public
   * in a type others see). Any other method of a class other packages cannot name or extend is
   * called only by its own package, an override of a project method included; so is a protected
   * override of a project method (a hook: its template method calls it).
   */
  public static <N> boolean open(SyntaxPort<N> port, SyntaxPath<N> method) {
    N declaration = method.leaf();
    SyntaxPath<N> owner = method.parent();
    if (owner == null || port.kind(owner.leaf()) != Kind.CLASS || !namedFromTheRoot(port, owner)) {
      return true;
    }
    if (port.annotations(declaration).stream().anyMatch(a -> !CallerNeutralAnnotations.neutral(a.name()))) {
      return true; // a framework's entry point, perhaps: it calls the method by reflection
    }
    if (port.hasModifier(declaration, Modifier.PRIVATE)) {
      return false;
    }
    boolean visible = visibleOutsideItsPackage(port, owner);
    boolean isPublic = port.hasModifier(declaration, Modifier.PUBLIC);
    if (isPublic && visible) {
      return true;
    }
    boolean extensible =
        port.hasModifier(declaration, Modifier.PROTECTED) && visible && !port.hasModifier(owner.leaf(), Modifier.FINAL);
    // asked last: mapvet may need its type solver for the supertypes
    Overriding overriding = port.overriding(declaration);
    if (extensible) {
      // a protected hook of a project method is there for its template method to call, not for
      // subclasses elsewhere: the project holds its calls (those of the method it overrides)
      return overriding != Overriding.PROJECT;
    }
    return overriding == Overriding.OTHER || isPublic && overriding == Overriding.PROJECT;
  }

  /** Every class from the compilation unit down to {@code type} is a named member class. */
  private static <N> boolean namedFromTheRoot(SyntaxPort<N> port, SyntaxPath<N> type) {
    for (SyntaxPath<N> p = type; p != null; p = p.parent()) {
      if (port.kind(p.leaf()) != Kind.CLASS) {
        return p.parent() == null; // the compilation unit: anything else makes a local class
      }
      if (port.flatName(p.leaf()) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Declared public, and so is every class around it (a nested one may be protected): modifiers as
   * written, so a class nested in an interface without {@code public} counts as package-private.
   */
  private static <N> boolean visibleOutsideItsPackage(SyntaxPort<N> port, SyntaxPath<N> type) {
    for (SyntaxPath<N> p = type; p != null && port.kind(p.leaf()) == Kind.CLASS; p = p.parent()) {
      boolean nested = p.parent() != null && port.kind(p.parent().leaf()) == Kind.CLASS;
      if (!port.hasModifier(p.leaf(), Modifier.PUBLIC)
          && !(nested && port.hasModifier(p.leaf(), Modifier.PROTECTED))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A {@link Kind#METHOD_CALL} of {@code method}'s name and arity in the file named {@code file}, as
   * a {@link ProjectCall}; null when it cannot run the method (see {@link CallSite#asCallOf}). The
   * call's path is asked of the port only for a call that may.
   */
  public static <N> ProjectCall callOf(
      SyntaxPort<N> port, KnownApis apis, N node, String file, ProjectMethod method) {
    return callOf(port, apis, node, file, method, new SiteMemo());
  }

  /** {@link #callOf(SyntaxPort, KnownApis, Object, String, ProjectMethod)}, sharing {@code memo} with other calls of the class. */
  public static <N> ProjectCall callOf(
      SyntaxPort<N> port, KnownApis apis, N node, String file, ProjectMethod method, SiteMemo memo) {
    Callees callees = apis.callees();
    Object callee = port.callee(node);
    boolean ownerKnown = callee != null && callees.ownerKnown(callee);
    if (ownerKnown
        && !callees.ownerIsSubtype(callee, method.owner())
        && !method.ownerTypes().contains(callees.owner(callee))) {
      return null;
    }
    return siteOf(port, apis, port.pathTo(node), file, memo)
        .asCallOf(method, type -> callees.ownerIsSubtype(callee, type));
  }

  /**
   * The {@link Kind#METHOD_CALL} at {@code call} in the file named {@code file}, described for any
   * method it may run: what a summary keeps of it.
   */
  public static <N> CallSite siteOf(SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> call, String file) {
    return siteOf(port, apis, call, file, new SiteMemo());
  }

  /**
   * What the calls written directly in one method or lambda share: the calling method, whether its
   * callers are all known, the thread it runs on. A summary of a whole class asks it once per body
   * ({@link SiteMemo}), not once per call.
   */
  private record BodyFacts(ProjectMethod caller, boolean open, TaskThread thread) {}

  /**
   * The task code runs in, as messages name it ("the task submitted at Worker.java:30"); the
   * single-thread executor field it runs on when it is handed to one made in its class ({@link
   * CallSite#serialExecutor}), else null; and why copies of it run at once ({@link
   * CallSite#copies}), else null.
   */
  record TaskThread(String description, String serialExecutor, String copies) {}

  /**
   * The {@link BodyFacts} of the bodies met so far, and of each top-level class the calls and method
   * references that name its own methods and its executor fields, for the calls of one class (or of
   * one compilation).
   */
  public static final class SiteMemo {
    private final Map<Object, BodyFacts> byBody = new IdentityHashMap<>();
    private final Map<Object, Map<String, List<Object>>> callsByName = new IdentityHashMap<>();
    private final Map<Object, Map<Object, ThreadStartApis.ExecutorThreads>> executorFields = new IdentityHashMap<>();
  }

  /** {@link TaskStarts#executorFields} of {@code topLevel}, found once per class (a walk of all of it). */
  private static <N> Map<Object, ThreadStartApis.ExecutorThreads> executorFields(
      SyntaxPort<N> port, KnownApis apis, N topLevel, SiteMemo memo) {
    return topLevel == null
        ? Map.of()
        : memo.executorFields.computeIfAbsent(topLevel, top -> TaskStarts.executorFields(port, apis, topLevel));
  }

  /** {@link #siteOf(SyntaxPort, KnownApis, SyntaxPath, String)}, sharing {@code memo} with the class's other calls. */
  public static <N> CallSite siteOf(
      SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> call, String file, SiteMemo memo) {
    Callees callees = apis.callees();
    Object callee = port.callee(call.leaf());
    String owner = callee != null && callees.ownerKnown(callee) ? callees.owner(callee) : null;
    SyntaxPath<N> body = codeBoundaryAround(port, call);
    boolean inMethod = body != null && port.kind(body.leaf()) == Kind.METHOD;
    BodyFacts facts = bodyFacts(port, apis, call, body, file, memo);
    Monitors held = monitorsHeld(port, call, inMethod ? body : null);
    ResultFate fate = fate(port, apis, call, inMethod ? port.methodBody(body.leaf()) : null);
    N receiver = port.receiver(call.leaf());
    Set<Integer> nulls = new HashSet<>();
    List<N> arguments = port.arguments(call.leaf());
    for (int i = 0; i < arguments.size(); i++) {
      if (port.isNullLiteral(arguments.get(i))) {
        nulls.add(i);
      }
    }
    return new CallSite(
        port.name(call.leaf()),
        arguments.size(),
        owner,
        facts.caller(),
        facts.open(),
        fate.use(),
        file,
        port.line(call.leaf()),
        receiver == null || port.kind(port.skipParens(receiver)) == Kind.THIS,
        held.self,
        receiver != null && held.objects.contains(port.text(port.skipParens(receiver))),
        held.classes,
        nulls,
        facts.thread() == null ? null : facts.thread().description(),
        held.any() ? Set.of() : fate.uses(),
        receiver == null ? null : receiverField(port, call, port.skipParens(receiver)),
        facts.thread() == null ? null : facts.thread().serialExecutor(),
        facts.thread() == null ? null : facts.thread().copies());
  }

  /** The nearest method, lambda or other code boundary around {@code code}, or null. */
  private static <N> SyntaxPath<N> codeBoundaryAround(SyntaxPort<N> port, SyntaxPath<N> code) {
    SyntaxPath<N> body = code.parent();
    while (body != null && !port.kind(body.leaf()).isCodeBoundary()) {
      body = body.parent();
    }
    return body;
  }

  /** The {@link BodyFacts} of {@code body}, the code boundary around {@code code}: from {@code memo} once known. */
  private static <N> BodyFacts bodyFacts(
      SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> code, SyntaxPath<N> body, String file, SiteMemo memo) {
    BodyFacts facts = body == null ? null : memo.byBody.get(body.leaf());
    if (facts == null) {
      ProjectMethod caller = body != null && port.kind(body.leaf()) == Kind.METHOD ? methodOf(port, body) : null;
      facts =
          new BodyFacts(
              caller,
              caller == null || open(port, body),
              threadOf(port, apis, code, file, Collections.newSetFromMap(new IdentityHashMap<>()), memo));
      if (body != null) {
        memo.byBody.put(body.leaf(), facts);
      }
    }
    return facts;
  }

  /**
   * The use at {@code reference} (an {@link Kind#IDENTIFIER}, or a {@link Kind#FIELD_ACCESS} on
   * {@code this}) of a map field another top-level class declares, made in a task's code, as a
   * {@link FieldUse}; null when it names no such field, names it on another object, or is not in a
   * task.
   */
  public static <N> FieldUse inheritedFieldUseOf(
      SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> reference, String file, SiteMemo memo) {
    N node = reference.leaf();
    Kind kind = port.kind(node);
    if (kind == Kind.FIELD_ACCESS && port.kind(port.skipParens(port.selected(node))) != Kind.THIS
        || kind != Kind.FIELD_ACCESS && kind != Kind.IDENTIFIER) {
      return null;
    }
    String owner = port.fieldOwner(node);
    if (owner == null || !port.isMap(node)) {
      return null;
    }
    N topLevel = topLevel(port, reference);
    if (topLevel == null || port.classTypes(topLevel).indexOf(owner) <= 0) {
      return null; // not a superclass's: its own class's analysis sees its tasks
    }
    SyntaxPath<N> body = codeBoundaryAround(port, reference);
    TaskThread thread = bodyFacts(port, apis, reference, body, file, memo).thread();
    if (thread == null) {
      return null;
    }
    boolean inMethod = body != null && port.kind(body.leaf()) == Kind.METHOD;
    return new FieldUse(
        owner + "#" + port.name(node),
        file,
        port.line(node),
        writes(port, reference),
        monitorsHeld(port, reference, inMethod ? body : null).any(),
        thread.description(),
        thread.serialExecutor(),
        thread.copies());
  }

  /**
   * Whether the map at {@code map} is changed right there: a writing method called on it ({@code
   * put}, {@code remove}…), or on one of its views ({@code keySet().remove(k)}).
   */
  private static <N> boolean writes(SyntaxPort<N> port, SyntaxPath<N> map) {
    SyntaxPath<N> call = map.parentSkippingParens(port);
    if (call == null || port.kind(call.leaf()) != Kind.METHOD_CALL || !isReceiver(port, call.leaf(), map.leaf())) {
      return false;
    }
    String method = port.name(call.leaf());
    if (!MapMethods.isView(method)) {
      return MapMethods.effectOnMap(method) == Effect.WRITE;
    }
    SyntaxPath<N> viewCall = call.parentSkippingParens(port);
    return viewCall != null
        && port.kind(viewCall.leaf()) == Kind.METHOD_CALL
        && isReceiver(port, viewCall.leaf(), call.leaf())
        && MapMethods.effectOnView(port.name(viewCall.leaf())) == Effect.WRITE;
  }

  /**
   * The field {@code receiver} names, as the top-level class the call is written in and the field's
   * name there ({@link SyntaxPort#fieldName} names fields relative to it); null when it names none.
   */
  private static <N> String receiverField(SyntaxPort<N> port, SyntaxPath<N> call, N receiver) {
    Kind kind = port.kind(receiver);
    if (kind != Kind.IDENTIFIER && kind != Kind.FIELD_ACCESS) {
      return null;
    }
    String field = port.fieldName(receiver);
    return field == null ? null : fieldOfTopLevel(port, topLevel(port, call), field);
  }

  /** The outermost class around {@code code}, or null. */
  private static <N> N topLevel(SyntaxPort<N> port, SyntaxPath<N> code) {
    N topLevel = null;
    for (SyntaxPath<N> p = code; p != null; p = p.parent()) {
      if (port.kind(p.leaf()) == Kind.CLASS) {
        topLevel = p.leaf();
      }
    }
    return topLevel;
  }

  /** {@code orders.OrderProcessor#inventory}: a field as the top-level class names it; null when unnamed. */
  private static <N> String fieldOfTopLevel(SyntaxPort<N> port, N topLevel, String field) {
    List<String> types = topLevel == null ? List.of() : port.classTypes(topLevel);
    return types.isEmpty() ? null : types.get(0) + "#" + field;
  }

  /**
   * The task the code at {@code code} runs in when it runs on a thread of its own, as messages name
   * it ("the task submitted at Worker.java:30"); null when it runs on the thread of its method's
   * callers, or later on a thread nothing says. Up from {@code code}: a lambda or anonymous class
   * that runs inline (a {@code forEach} callback) runs where the code around it does; one handed to
   * a thread-start API ({@link TaskStarts#functionalContext}) is a task, and so is an anonymous or
   * named thread class's task method ({@link TaskClasses}). {@code helpers} holds the methods whose
   * callers are being looked at, so that recursion ends.
   */
  private static <N> TaskThread threadOf(
      SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> code, String file, Set<Object> helpers, SiteMemo memo) {
    TaskStarts<N> starts = null;
    for (SyntaxPath<N> p = code.parent(); p != null; p = p.parent()) {
      Kind kind = port.kind(p.leaf());
      if (!kind.isCodeBoundary()) {
        continue;
      }
      if (kind != Kind.LAMBDA && kind != Kind.METHOD) {
        return null; // an initializer, a field's value: the class's code, not a task's
      }
      SyntaxPath<N> functional = kind == Kind.LAMBDA ? p : anonymousCreation(port, p);
      if (functional == null) {
        if (kind != Kind.METHOD) {
          return null;
        }
        String threadClass = threadClassTask(port, p, file);
        return threadClass != null ? new TaskThread(threadClass, null, null) : onlyTaskCalling(port, apis, p, file, helpers, memo);
      }
      if (starts == null) {
        starts =
            new TaskStarts<>(
                port, apis, Map.of(), executorFields(port, apis, topLevel(port, code), memo), new HashMap<>(), () -> -1);
      }
      FunctionalContext context = starts.functionalContext(functional);
      TaskClasses.TaskClass taskClass = kind == Kind.METHOD ? starts.taskClassOf(functional.leaf()) : null;
      if (context.kind() == FunctionalContext.Kind.INLINE && taskClass != null) {
        context = FunctionalContext.task(starts.taskClassRoot(functional, taskClass));
      }
      switch (context.kind()) {
        case INLINE:
          p = functional; // runs where the code around it runs
          continue;
        case TASK:
          if (kind != Kind.LAMBDA && !entryPoint(port, p.leaf(), taskClass)) {
            return null;
          }
          return taskThread(port, functional, context.task(), file);
        default:
          return null;
      }
    }
    return null;
  }

  /**
   * The task a method runs in when every call of it in its own top-level class is made in that one
   * task ({@code pool.submit(() -> replenish(sku))}, {@code void replenish(…)}), directly or through
   * other such methods, or when it is itself the task: a method reference handed to a thread-start
   * API ({@code pool.submit(this::replenish)}); null when a call runs elsewhere, when calls run in
   * different tasks, or when nothing in the class calls it. A method that is not private may also be
   * called from elsewhere, on its callers' threads: it runs in the task all the same, which is what
   * a write there needs; a use there keeps its caller's openness ({@link ProjectCall#callerOpen}),
   * so questions about a second thread still count its callers'.
   */
  private static <N> TaskThread onlyTaskCalling(
      SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> method, String file, Set<Object> helpers, SiteMemo memo) {
    if (port.isConstructor(method.leaf()) || !helpers.add(method.leaf())) {
      return null;
    }
    N topLevel = topLevel(port, method);
    if (topLevel == null) {
      return null;
    }
    TaskThread task = null;
    for (N call : callersOf(port, topLevel, method.leaf(), memo)) {
      SyntaxPath<N> path = port.pathTo(call);
      TaskThread here =
          port.kind(call) == Kind.METHOD_REFERENCE
              ? referencedAsTask(port, apis, path, file, helpers, memo)
              : threadOf(port, apis, path, file, helpers, memo);
      if (here == null || task != null && !task.equals(here)) {
        return null;
      }
      task = here;
    }
    return task;
  }

  /**
   * The task a method reference is when it is handed to a thread-start API; the thread of the code
   * around it when it runs inline; null otherwise.
   */
  private static <N> TaskThread referencedAsTask(
      SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> reference, String file, Set<Object> helpers, SiteMemo memo) {
    TaskStarts<N> starts =
        new TaskStarts<>(
            port, apis, Map.of(), executorFields(port, apis, topLevel(port, reference), memo), new HashMap<>(), () -> -1);
    FunctionalContext context = starts.functionalContext(reference);
    switch (context.kind()) {
      case TASK:
        return taskThread(port, reference, context.task(), file);
      case INLINE:
        return threadOf(port, apis, reference, file, helpers, memo);
      default:
        return null;
    }
  }

  /**
   * The calls and method references in {@code topLevel} that name its method {@code method}: calls
   * made on the class's own object only (no receiver, or {@code this}). The class's candidates are
   * gathered by name once per class; only those of the method's name are resolved (resolving a call
   * can take mapvet's solver).
   */
  @SuppressWarnings("unchecked") // the memo holds the port's own nodes
  private static <N> List<N> callersOf(SyntaxPort<N> port, N topLevel, N method, SiteMemo memo) {
    Map<String, List<Object>> byName =
        memo.callsByName.computeIfAbsent(
            topLevel,
            top -> {
              Map<String, List<Object>> found = new HashMap<>();
              port.forEachNodeOf(
                  topLevel,
                  Set.of(Kind.METHOD_CALL, Kind.METHOD_REFERENCE),
                  false,
                  call -> {
                    N receiver = port.kind(call) == Kind.METHOD_CALL ? port.receiver(call) : null;
                    if (receiver == null || port.kind(port.skipParens(receiver)) == Kind.THIS) {
                      found.computeIfAbsent(port.name(call), name -> new ArrayList<>()).add(call);
                    }
                  });
              return found;
            });
    List<N> calls = new ArrayList<>();
    for (Object candidate : byName.getOrDefault(port.name(method), List.of())) {
      if (port.calledMethod((N) candidate) == method) {
        calls.add((N) candidate);
      }
    }
    return calls;
  }

  /** The {@link TaskThread} of {@code task}, started at {@code functional}. */
  private static <N> TaskThread taskThread(SyntaxPort<N> port, SyntaxPath<N> functional, ThreadRoot task, String file) {
    return new TaskThread(
        named(task, file),
        !task.singleThreadExecutor() || task.executor() == null
            ? null
            : task.onSharedExecutor() ? task.executor() : fieldOfTopLevel(port, topLevel(port, functional), task.executor()),
        copies(port, functional, task));
  }

  /**
   * Why copies of {@code task}, started at {@code functional}, run at once, as messages say it; null
   * when nothing says they do. They do when it is started in a loop or by a parallel stream, or when
   * a method its callers call (not private, not a constructor, not one that starts its object once:
   * {@link LifecycleMethods#STARTS_ONCE}) hands one to an executor field of several threads made in
   * the class, one task per call ({@link ThreadRoot#pooled}), as the class's own analysis judges
   * its tasks.
   */
  private static <N> String copies(SyntaxPort<N> port, SyntaxPath<N> functional, ThreadRoot task) {
    if (task.repeated()) {
      return TaskStarts.PARALLEL_STREAM_CALLBACK.equals(task.description())
          ? "the parallel stream runs it on several threads"
          : "it is started in a loop";
    }
    if (!task.pooled()) {
      return null;
    }
    SyntaxPath<N> starter = codeBoundaryAround(port, functional);
    if (starter == null
        || port.kind(starter.leaf()) != Kind.METHOD
        || port.isConstructor(starter.leaf())
        || port.hasModifier(starter.leaf(), Modifier.PRIVATE)
        || LifecycleMethods.STARTS_ONCE.contains(port.name(starter.leaf()))) {
      return null;
    }
    return methodOf(port, starter).display()
        + " hands one to '"
        + task.executor()
        + "', an executor of several threads, on every call";
  }

  /** The creation of the anonymous class whose method {@code method} is, or null for a named class's. */
  private static <N> SyntaxPath<N> anonymousCreation(SyntaxPort<N> port, SyntaxPath<N> method) {
    SyntaxPath<N> owner = method.parent();
    if (owner != null && port.kind(owner.leaf()) == Kind.CLASS) {
      owner = owner.parent(); // javac: the creation holds a class declaration; JavaParser: the methods
    }
    return owner != null && port.kind(owner.leaf()) == Kind.NEW ? owner : null;
  }

  /** Whether an anonymous class's {@code method} is what its start runs: {@code run()}, {@code call()}… */
  private static <N> boolean entryPoint(SyntaxPort<N> port, N method, TaskClasses.TaskClass taskClass) {
    String name = port.name(method);
    return port.parameters(method).isEmpty()
        && (TaskClasses.STARTED_INSTANCE_METHODS.contains(name) || taskClass != null && name.equals(taskClass.method()));
  }

  /** The thread a named thread class's task method ({@code run()} of a Thread subclass) is, or null. */
  private static <N> String threadClassTask(SyntaxPort<N> port, SyntaxPath<N> method, String file) {
    SyntaxPath<N> owner = method.parent();
    if (owner == null || port.kind(owner.leaf()) != Kind.CLASS || !port.parameters(method.leaf()).isEmpty()) {
      return null;
    }
    for (TaskClasses.TaskClass taskClass : TaskClasses.ALL) {
      if (port.name(method.leaf()).equals(taskClass.method()) && port.isSubtype(owner.leaf(), taskClass.owner())) {
        return taskClass.description() + " " + port.name(owner.leaf()) + " (" + ProjectCall.fileName(file) + ":"
            + port.line(owner.leaf()) + ")";
      }
    }
    return null;
  }

  private static String named(ThreadRoot task, String file) {
    return task.description() + " at " + ProjectCall.fileName(file) + ":" + task.line();
  }

  /**
   * A method reference ({@code Table::rows}, {@code this::rows}) of the method's name, as a call:
   * whatever it is handed to calls it, from anywhere, holding nothing, and keeps what it returns.
   * Its target is not resolved: one of that name may be it.
   */
  public static <N> ProjectCall reference(SyntaxPort<N> port, N reference, String file) {
    return new ProjectCall(null, true, ResultUse.OTHER, file, port.line(reference));
  }

  /** The monitors held at a call, as written around it in its method. */
  private record Monitors(boolean self, Set<String> objects, Set<String> classes) {
    boolean any() {
      return self || !objects.isEmpty() || !classes.isEmpty();
    }
  }

  /**
   * The {@code synchronized} blocks around the call up to its method or lambda (a lambda may run
   * later, without them), and the method's own {@code synchronized}.
   */
  private static <N> Monitors monitorsHeld(SyntaxPort<N> port, SyntaxPath<N> call, SyntaxPath<N> method) {
    boolean self = false;
    Set<String> objects = new HashSet<>();
    Set<String> classes = new HashSet<>();
    for (SyntaxPath<N> p = call.parent(); p != null && !port.kind(p.leaf()).isCodeBoundary(); p = p.parent()) {
      if (port.kind(p.leaf()) != Kind.SYNCHRONIZED) {
        continue;
      }
      N lock = port.skipParens(port.synchronizedLock(p.leaf()));
      switch (port.kind(lock)) {
        case THIS:
          self = true;
          break;
        case CLASS_LITERAL:
          classes.add(port.classLiteralName(lock));
          break;
        default:
          objects.add(port.text(lock));
          break;
      }
    }
    if (method != null && port.hasModifier(method.leaf(), Modifier.SYNCHRONIZED)) {
      if (port.hasModifier(method.leaf(), Modifier.STATIC)) {
        SyntaxPath<N> owner = method.parent();
        if (owner != null && port.kind(owner.leaf()) == Kind.CLASS) {
          classes.add(port.name(owner.leaf()));
        }
      } else {
        self = true;
      }
    }
    return new Monitors(self, objects, classes);
  }

  /** What the code around a call does with its result; {@code body} is the enclosing method's. */
  static <N> ResultUse use(SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> call, N body) {
    return fate(port, apis, call, body).use();
  }

  /**
   * What the caller does with a call's result: its {@link ResultUse}, and what else it does to the
   * result with no monitor held ({@link CallSite#resultUses}).
   */
  record ResultFate(ResultUse use, Set<String> uses) {
    static final ResultFate OTHER = new ResultFate(ResultUse.OTHER, Set.of());
  }

  /**
   * {@link #use} with what the caller does to the result: right away ({@code
   * registry.tagsOf(id).add(t)}, {@code counters.of(k)[0]++}, {@code for (E e :
   * sessions.lastSeen().entrySet())}) or through the local it initialises ({@code tags =
   * registry.tagsOf(id); tags.add(t)}), the local's outside every {@code synchronized} block (the
   * caller leaves out all of them when a monitor is held at the call); {@code body} is the enclosing
   * method's.
   */
  static <N> ResultFate fate(SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> call, N body) {
    SyntaxPath<N> value = call;
    while (true) {
      SyntaxPath<N> parent = value.parentSkippingParens(port);
      if (parent == null) {
        return ResultFate.OTHER;
      }
      N holder = parent.leaf();
      switch (port.kind(holder)) {
        case CONDITIONAL:
          if (port.skipParensAndCasts(port.condition(holder)) == value.leaf()) {
            return ResultFate.OTHER;
          }
          value = parent; // either arm's value is the conditional's
          continue;
        case RETURN:
          return new ResultFate(ResultUse.RETURNED, Set.of());
        case EXPRESSION_STATEMENT:
          return new ResultFate(ResultUse.DISCARDED, Set.of());
        case METHOD_CALL:
        case ARRAY_ACCESS:
        case NEW:
          return new ResultFate(ResultUse.OTHER, directUses(port, apis, value));
        default:
          if (body != null
              && port.declaresLocal(holder)
              && port.skipParensAndCasts(port.initializer(holder)) == value.leaf()) {
            return fateOfLocal(port, apis, port.declaredVariable(holder), body);
          }
          return ResultFate.OTHER;
      }
    }
  }

  /**
   * What is done right away to the value at {@code value}: a change as a map's value is judged (a
   * call on it, a store into its element), and a walk of it as a map ({@link #walkOf}).
   */
  private static <N> Set<String> directUses(SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> value) {
    CallShapes.ValueUse<N> change = new CallShapes<>(port).useOfValue(value);
    String walk = walkOf(port, apis, value);
    if (walk == null) {
      return change == null ? Set.of() : Set.of(change.method());
    }
    return change == null ? Set.of(CallSite.WALK + walk) : Set.of(change.method(), CallSite.WALK + walk);
  }

  /**
   * How the map at {@code map} is walked, as {@link SynchronizedWrappers} names traversals: one of
   * its views taken ({@code keySet()}, {@code values()}, {@code entrySet()}) and walked ({@link
   * #walkOfView}), or the map copied ({@code new HashMap<>(m)}, {@code other.putAll(m)}); else null.
   */
  static <N> String walkOf(SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> map) {
    SyntaxPath<N> parentPath = map.parentSkippingParens(port);
    N parent = parentPath == null ? null : parentPath.leaf();
    Kind kind = parent == null ? Kind.OTHER : port.kind(parent);
    if (kind == Kind.METHOD_CALL && isReceiver(port, parent, map.leaf())) {
      return MapMethods.ITERATED_VIEWS.contains(port.name(parent)) ? walkOfView(port, apis, parentPath) : null;
    }
    return kind == Kind.METHOD_CALL || kind == Kind.NEW ? copyBy(port, apis, parent) : null;
  }

  /**
   * How the view at {@code view} is walked: a for-each loop over it, {@code iterator()}, {@code
   * stream()}… called on it, or a copy of it; else null.
   */
  private static <N> String walkOfView(SyntaxPort<N> port, KnownApis apis, SyntaxPath<N> view) {
    SyntaxPath<N> parentPath = view.parentSkippingParens(port);
    N parent = parentPath == null ? null : parentPath.leaf();
    switch (parent == null ? Kind.OTHER : port.kind(parent)) {
      case FOR_EACH:
        return port.skipParensAndCasts(port.iterable(parent)) == view.leaf() ? "for-each" : null;
      case METHOD_CALL:
        if (isReceiver(port, parent, view.leaf())) {
          return MapMethods.isTraversal(port.name(parent)) ? port.name(parent) : null;
        }
        return copyBy(port, apis, parent);
      case NEW:
        return copyBy(port, apis, parent);
      default:
        return null;
    }
  }

  /**
   * The traversal of a map or view passed to {@code call}: a creation copies it ({@code
   * new:java.util.HashSet}), {@code putAll} walks it; null for any other call.
   */
  private static <N> String copyBy(SyntaxPort<N> port, KnownApis apis, N call) {
    Object callee = port.callee(call);
    if (callee == null) {
      return null;
    }
    if (port.kind(call) == Kind.NEW) {
      String owner = apis.callees().owner(callee);
      return owner == null ? null : "new:" + owner;
    }
    return apis.matches(MapArguments.PUT_ALL, callee) ? SynchronizedWrappers.PUT_ALL : null;
  }

  private static <N> boolean isReceiver(SyntaxPort<N> port, N call, N expression) {
    N receiver = port.receiver(call);
    return receiver != null && port.skipParensAndCasts(receiver) == expression;
  }

  /**
   * The fate of a result kept in {@code local}: {@link ResultUse#LOCKED} when every use of the local
   * in {@code body} is the lock of a {@code synchronized} block or inside one that locks it, {@link
   * ResultUse#DISCARDED} when it is never used, else {@link ResultUse#OTHER}; and what is done to the
   * local outside every {@code synchronized} block: methods called on it, stores into its elements,
   * walks of it (see {@link CallSite#resultUses}).
   */
  private static <N> ResultFate fateOfLocal(SyntaxPort<N> port, KnownApis apis, Object local, N body) {
    LocalUses<N> uses = new LocalUses<>(port, apis, local);
    uses.walk(body, false);
    ResultUse use = uses.unlocked ? ResultUse.OTHER : uses.locked ? ResultUse.LOCKED : ResultUse.DISCARDED;
    // a local given another value (a copy: tags = new ArrayList<>(tags)) may not hold the result
    // where it is used: nothing is said of those uses
    boolean known = !uses.reassigned && !uses.found.isEmpty();
    return new ResultFate(use, known ? Set.copyOf(uses.found) : Set.of());
  }

  /** The uses of one local in a method body, gathered by {@link #walk}. */
  private static final class LocalUses<N> {
    private final SyntaxPort<N> port;
    private final KnownApis apis;
    private final Object local;
    /** A {@code synchronized (local)} block. */
    boolean locked;
    /** A use outside the local's own {@code synchronized} blocks. */
    boolean unlocked;
    /** What is done to the local outside every monitor (see {@link CallSite#resultUses}). */
    final Set<String> found = new HashSet<>();
    /** The local is assigned after its declaration. */
    boolean reassigned;

    LocalUses(SyntaxPort<N> port, KnownApis apis, Object local) {
      this.port = port;
      this.apis = apis;
      this.local = local;
    }

    /** Visits {@code root}'s nodes; {@code underMonitor}: a {@code synchronized} block is around it. */
    void walk(N root, boolean underMonitor) {
      port.forEachNode(
          root,
          node -> {
            Kind kind = port.kind(node);
            if (kind == Kind.SYNCHRONIZED && node != root) {
              if (port.localVariable(port.synchronizedLock(node)) == local) {
                locked = true;
                return false; // every use inside holds the value's own monitor
              }
              walk(node, true);
              return false;
            }
            if ((kind == Kind.ASSIGN || kind == Kind.COMPOUND_ASSIGN) && isLocal(port.assignTarget(node))) {
              reassigned = true;
            }
            if (kind == Kind.IDENTIFIER && port.localVariable(node) == local) {
              unlocked = true;
            } else if (!underMonitor) {
              use(node, kind);
            }
            return true;
          });
    }

    /**
     * A call on the local (its name; for a view, how the view is walked), a copy of the local by a
     * creation or {@code putAll}, a for-each loop over it, an assignment or increment of one of
     * its elements ({@link ValueMutation#ARRAY_STORE}).
     */
    private void use(N node, Kind kind) {
      switch (kind) {
        case METHOD_CALL:
          if (isLocal(port.receiver(node))) {
            found.add(port.name(node));
            if (MapMethods.ITERATED_VIEWS.contains(port.name(node))) {
              addWalk(walkOfView(port, apis, port.pathTo(node)));
            }
          } else if (port.arguments(node).stream().anyMatch(this::isLocal)) {
            addWalk(copyBy(port, apis, node));
          }
          break;
        case NEW:
          if (port.arguments(node).stream().anyMatch(this::isLocal)) {
            addWalk(copyBy(port, apis, node));
          }
          break;
        case FOR_EACH:
          if (isLocal(port.iterable(node))) {
            addWalk("for-each");
          }
          break;
        case ASSIGN:
        case COMPOUND_ASSIGN:
          if (isElementOfLocal(port.assignTarget(node))) {
            found.add(ValueMutation.ARRAY_STORE);
          }
          break;
        case INCREMENT:
          if (isElementOfLocal(port.operand(node))) {
            found.add(ValueMutation.ARRAY_STORE);
          }
          break;
        default:
          break;
      }
    }

    private void addWalk(String traversal) {
      if (traversal != null) {
        found.add(CallSite.WALK + traversal);
      }
    }

    private boolean isLocal(N expression) {
      return expression != null && port.localVariable(port.skipParensAndCasts(expression)) == local;
    }

    private boolean isElementOfLocal(N expression) {
      N target = port.skipParens(expression);
      return port.kind(target) == Kind.ARRAY_ACCESS && isLocal(port.array(target));
    }
  }
}

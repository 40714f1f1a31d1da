package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.FunctionalContext;
import io.mapguard.engine.model.ThreadRoot;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Where code runs: whether a lambda, method reference or anonymous class runs inline, later, or as
 * a task started by an executor, a thread, a timer or a parallel stream; and each start's {@link
 * ThreadRoot}, one per start call. Written once for every front end, against the {@link
 * SyntaxPort} and the API tables ({@link KnownApis}).
 *
 * @param <N> the front end's node type
 */
public final class TaskStarts<N> {
  static final String PARALLEL_STREAM_CALLBACK = "the parallel stream callback";

  private final SyntaxPort<N> port;
  private final KnownApis apis;
  private final Map<N, N> startedLater;
  private final Map<Object, ThreadStartApis.ExecutorThreads> executorThreads;
  private final Map<N, ThreadRoot> rootsByStart;
  private final IntSupplier currentUnitId;
  private final TaskAwaits<N> awaits;

  /**
   * @param startedLater functional values kept in a local and later handed to a thread-start call,
   *     by the value (the triage finds them)
   * @param executorThreads executor fields made by a known factory (by variable handle), with how
   *     many tasks at once each runs
   * @param rootsByStart where each start's root is kept (by the start call or creation)
   * @param currentUnitId the id of the unit the scan is in, or -1
   */
  public TaskStarts(
      SyntaxPort<N> port,
      KnownApis apis,
      Map<N, N> startedLater,
      Map<Object, ThreadStartApis.ExecutorThreads> executorThreads,
      Map<N, ThreadRoot> rootsByStart,
      IntSupplier currentUnitId) {
    this.port = port;
    this.apis = apis;
    this.startedLater = startedLater;
    this.executorThreads = executorThreads;
    this.rootsByStart = rootsByStart;
    this.currentUnitId = currentUnitId;
    this.awaits = new TaskAwaits<>(port);
  }

  /**
   * The executor fields of {@code topLevel} (its nested classes' too) that a known factory makes,
   * by variable handle, with how many tasks at once each runs: as the class's own extraction finds
   * them ({@link #fieldGiven}), from the fields' declarations and every assignment in the class.
   * Empty for a null class.
   */
  public static <N> Map<Object, ThreadStartApis.ExecutorThreads> executorFields(
      SyntaxPort<N> port, KnownApis apis, N topLevel) {
    Map<Object, ThreadStartApis.ExecutorThreads> fields = new HashMap<>();
    if (topLevel == null) {
      return fields;
    }
    Set<Object> unknown = Collections.newSetFromMap(new IdentityHashMap<>());
    port.forEachNodeOf(
        topLevel,
        Set.of(Kind.ASSIGN),
        true,
        node -> {
          if (port.kind(node) == Kind.ASSIGN) {
            N target = port.assignTarget(node);
            if (port.fieldName(target) != null) {
              fieldGiven(port, apis, fields, unknown, port.variable(target), port.assignedValue(node));
            }
          } else if (port.isFieldOfNamedClass(node) && port.initializer(node) != null) {
            fieldGiven(port, apis, fields, unknown, port.declaredVariable(node), port.initializer(node));
          }
        });
    return fields;
  }

  /**
   * Records that the field {@code field} is given {@code value} (its initializer, an assignment)
   * into {@code fields}: a field's executor is known when every value it is given is made by a
   * known factory, all of one kind; any other value (a parameter, a getter's result) makes it
   * unknown for good ({@code unknown}), a {@code null} (a reset after shutdown) changes nothing.
   */
  public static <N> void fieldGiven(
      SyntaxPort<N> port,
      KnownApis apis,
      Map<Object, ThreadStartApis.ExecutorThreads> fields,
      Set<Object> unknown,
      Object field,
      N value) {
    if (field == null || value == null || port.isNullLiteral(port.skipParens(value)) || unknown.contains(field)) {
      return;
    }
    ThreadStartApis.ExecutorThreads threads = executorThreads(port, apis, value);
    ThreadStartApis.ExecutorThreads before = fields.get(field);
    if (threads == null || before != null && before != threads) {
      fields.remove(field);
      unknown.add(field);
    } else {
      fields.put(field, threads);
    }
  }

  /** How many tasks at once the executor {@code init} makes runs, when a known factory makes it; else null. */
  public static <N> ThreadStartApis.ExecutorThreads executorThreads(SyntaxPort<N> port, KnownApis apis, N init) {
    N e = port.skipParens(init);
    // by name first: resolving every call a field is given can take mapvet's solver
    if (port.kind(e) != Kind.METHOD_CALL || !ThreadStartApis.EXECUTOR_FACTORY_NAMES.contains(port.name(e))) {
      return null;
    }
    Object callee = port.callee(e);
    for (MethodRef factory : ThreadStartApis.SINGLE_THREAD_EXECUTOR_FACTORIES) {
      if (apis.isExactly(factory, callee)) {
        return ThreadStartApis.ExecutorThreads.ONE;
      }
    }
    for (MethodRef factory : ThreadStartApis.POOL_EXECUTOR_FACTORIES) {
      if (apis.isExactly(factory, callee)) {
        List<N> arguments = port.arguments(e);
        boolean oneThread =
            !arguments.isEmpty()
                && port.kind(arguments.get(0)) == Kind.LITERAL
                && "1".equals(port.literalKey(arguments.get(0)));
        return oneThread ? ThreadStartApis.ExecutorThreads.ONE : ThreadStartApis.ExecutorThreads.SEVERAL;
      }
    }
    return null;
  }

  /** The thread start a call or creation is: a known start that is not also an immediate callback. */
  public Optional<ThreadStartApis.Entry> startOf(N call) {
    return apis.startOf(port.callee(call));
  }

  /** Where the lambda, method reference or anonymous class at {@code functional} runs. */
  public FunctionalContext functionalContext(SyntaxPath<N> functional) {
    SyntaxPath<N> outermost = outermost(functional);
    SyntaxPath<N> parentPath = outermost.parent();
    if (parentPath == null) {
      return FunctionalContext.INLINE;
    }
    N parent = parentPath.leaf();
    Kind parentKind = port.kind(parent);
    boolean argument =
        (parentKind == Kind.METHOD_CALL || parentKind == Kind.NEW)
            && port.arguments(parent).contains(outermost.leaf());
    if (argument && parentKind == Kind.METHOD_CALL) {
      return argumentOfCall(parentPath);
    }
    if (argument) {
      Optional<ThreadStartApis.Entry> start = startOf(parent);
      return start.isPresent()
          ? FunctionalContext.task(taskRoot(parentPath, start.get()))
          : FunctionalContext.INLINE;
    }
    if (port.isVariableDeclaration(parent)) {
      N start = startedLater.get(functional.leaf());
      if (start != null) {
        return FunctionalContext.task(
            taskRoot(port.pathTo(start), startOf(start).get()));
      }
      // a function kept in a local runs where it is called: inline; one kept in a field runs later
      return port.declaresLocal(parent) ? FunctionalContext.INLINE : FunctionalContext.DEFERRED;
    }
    return parentKind == Kind.RETURN || parentKind == Kind.ASSIGN
        ? FunctionalContext.DEFERRED
        : FunctionalContext.INLINE;
  }

  /**
   * The call of a locking callback method ({@link KnownApis#isLockingCallback}) that {@code
   * functional} is an argument of, or null.
   */
  public N lockingCallbackCall(SyntaxPath<N> functional) {
    SyntaxPath<N> outermost = outermost(functional);
    SyntaxPath<N> parentPath = outermost.parent();
    if (parentPath == null || port.kind(parentPath.leaf()) != Kind.METHOD_CALL) {
      return null;
    }
    N call = parentPath.leaf();
    return port.arguments(call).contains(outermost.leaf()) && apis.isLockingCallback(port.callee(call))
        ? call
        : null;
  }

  /** The function with the parentheses and casts around it: what its parent sees. */
  private SyntaxPath<N> outermost(SyntaxPath<N> functional) {
    SyntaxPath<N> outermost = functional;
    while (outermost.parent() != null && port.kind(outermost.parent().leaf()).wrapsExpression()) {
      outermost = outermost.parent();
    }
    return outermost;
  }

  /** A function passed to the call at {@code callPath}. */
  private FunctionalContext argumentOfCall(SyntaxPath<N> callPath) {
    N call = callPath.leaf();
    Object callee = port.callee(call);
    boolean parallel = inParallelStream(call);
    if (callee == null
        || !apis.callees().ownerKnown(callee)
        || apis.isImmediate(callee) && !parallel) {
      return parallel
          ? FunctionalContext.task(parallelStreamRoot(callPath))
          : FunctionalContext.INLINE;
    }
    Optional<ThreadStartApis.Entry> start = apis.threadStart(callee);
    if (start.isPresent() && start.get().runs() == ThreadStartApis.Runs.FUNCTIONAL_ARGUMENTS) {
      return FunctionalContext.task(taskRoot(callPath, start.get()));
    }
    if (parallel) {
      return FunctionalContext.task(parallelStreamRoot(callPath));
    }
    return taskInCollection(callPath, callee);
  }

  /**
   * A function written into a collection made in place ({@code List.of(…)}) that is handed to a
   * start that runs each element ({@code invokeAll}): a task of that start; else inline.
   */
  private FunctionalContext taskInCollection(SyntaxPath<N> factoryPath, Object factory) {
    if (!ThreadStartApis.isTaskCollectionFactory(apis.callees().owner(factory), apis.callees().name(factory))) {
      return FunctionalContext.INLINE;
    }
    SyntaxPath<N> startPath = factoryPath.parentSkippingParens(port);
    if (startPath == null
        || port.kind(startPath.leaf()) != Kind.METHOD_CALL
        || port.arguments(startPath.leaf()).stream().noneMatch(a -> port.skipParens(a) == factoryPath.leaf())) {
      return FunctionalContext.INLINE;
    }
    Optional<ThreadStartApis.Entry> start = startOf(startPath.leaf());
    return start.isPresent() && start.get().runs() == ThreadStartApis.Runs.COLLECTION_ELEMENTS
        ? FunctionalContext.task(taskRoot(startPath, start.get()))
        : FunctionalContext.INLINE;
  }

  /** The first task class ({@link TaskClasses}: Thread, TimerTask…) an expression's type extends, or null. */
  public TaskClasses.TaskClass taskClassOf(N expression) {
    for (TaskClasses.TaskClass taskClass : TaskClasses.ALL) {
      if (port.isSubtype(expression, taskClass.owner())) {
        return taskClass;
      }
    }
    return null;
  }

  /** Whether the call is made on a parallel stream: {@code xs.parallelStream().forEach(…)}. */
  private boolean inParallelStream(N call) {
    for (N receiver = port.receiver(call); receiver != null; ) {
      N inner = port.skipParens(receiver);
      if (port.kind(inner) != Kind.METHOD_CALL) {
        return false;
      }
      if (port.callee(inner) != null && ThreadStartApis.PARALLEL_STREAM_METHODS.contains(port.name(inner))) {
        return true;
      }
      receiver = port.receiver(inner);
    }
    return false;
  }

  /** The root of the task the call or creation at {@code startPath}, a known start, starts. */
  public ThreadRoot taskRoot(SyntaxPath<N> startPath, ThreadStartApis.Entry start) {
    return root(
        startPath,
        start.description(),
        false,
        ThreadStartApis.WAITING_STARTS.contains(start.method()),
        start.runs() == ThreadStartApis.Runs.RECEIVER);
  }

  /** The root of a thread (or timer task…) created at {@code creationPath} as an anonymous class. */
  public ThreadRoot taskClassRoot(SyntaxPath<N> creationPath, TaskClasses.TaskClass taskClass) {
    return root(creationPath, taskClass.description() + " created", false, false, false);
  }

  /**
   * The callbacks of the parallel stream pipeline whose call is at {@code callPath}: many at once,
   * and the terminal operation returns when they are done.
   */
  private ThreadRoot parallelStreamRoot(SyntaxPath<N> callPath) {
    return root(callPath, PARALLEL_STREAM_CALLBACK, true, true, false);
  }

  /**
   * The root of the task the call or creation at {@code startPath} starts: where, what, on which
   * executor field (and whether that executor has one thread), whether it starts many, whether the
   * starter waits for it ({@link TaskAwaits}).
   */
  private ThreadRoot root(
      SyntaxPath<N> startPath,
      String description,
      boolean repeated,
      boolean waitsItself,
      boolean startsReceiver) {
    return rootsByStart.computeIfAbsent(
        startPath.leaf(),
        start -> {
          String executor = null;
          boolean singleThread = false;
          boolean pooled = false;
          N receiver = port.kind(start) == Kind.METHOD_CALL ? port.receiver(start) : null;
          if (receiver != null && port.fieldName(receiver) != null) {
            executor = port.fieldName(receiver);
            ThreadStartApis.ExecutorThreads threads = executorThreads.get(port.variable(receiver));
            if (threads == null) {
              // a shared executor another class makes once ({@code static final}), whichever class submits to it
              N shared = port.otherClassConstantInitializer(receiver);
              threads = shared == null ? null : executorThreads(port, apis, shared);
            }
            if (threads == ThreadStartApis.ExecutorThreads.ONE && port.isStaticField(receiver)) {
              // one executor for the whole program: named alike in every class that hands it tasks
              String owner = port.fieldOwner(receiver);
              executor = owner == null ? executor : ThreadRoot.sharedExecutor(owner, port.name(receiver));
            }
            singleThread = threads == ThreadStartApis.ExecutorThreads.ONE;
            pooled =
                threads == ThreadStartApis.ExecutorThreads.SEVERAL
                    && ThreadStartApis.ONE_TASK_PER_CALL.contains(port.name(start));
          }
          TaskAwaits.Window awaited = awaits.window(startPath, waitsItself, startsReceiver);
          return new ThreadRoot(
              ThreadRoot.Kind.TASK,
              port.line(start),
              description,
              executor,
              singleThread,
              pooled,
              repeated || insideLoop(startPath),
              currentUnitId.getAsInt(),
              port.order(start),
              awaited == null ? -1 : awaited.from(),
              awaited == null ? -1 : awaited.until());
        });
  }

  private boolean insideLoop(SyntaxPath<N> path) {
    for (SyntaxPath<N> p = path; p != null; p = p.parent()) {
      Kind kind = port.kind(p.leaf());
      if (kind == Kind.METHOD || kind == Kind.LAMBDA || kind == Kind.CLASS) {
        return false;
      }
      if (kind.isLoop()) {
        return true;
      }
    }
    return false;
  }
}

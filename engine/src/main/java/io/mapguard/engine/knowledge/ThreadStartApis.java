package io.mapguard.engine.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * APIs whose functional arguments run on another thread. A lambda, method reference or anonymous
 * class passed to one of them is a task: it holds none of its creator's locks.
 */
public final class ThreadStartApis {

  /** What of a start call runs on another thread. */
  public enum Runs {
    /** Each lambda, method reference or anonymous class passed to it ({@code execute(() -> …)}). */
    FUNCTIONAL_ARGUMENTS,
    /**
     * Each lambda, method reference or anonymous class in a collection written in place as its
     * argument ({@code invokeAll(List.of(() -> a(), () -> b()))}, see
     * {@link #TASK_COLLECTION_FACTORIES}).
     */
    COLLECTION_ELEMENTS,
    /**
     * The receiver, a task object ({@code task.fork()}): its {@link TaskClasses task method} runs
     * on another thread.
     */
    RECEIVER
  }

  /**
   * An entry: calls of {@code method} start what {@code runs} names as "{@code description}".
   */
  public record Entry(MethodRef method, String description, Runs runs) {}

  private static final List<Entry> DEFAULTS =
      List.of(
          entry("java.lang.Thread", "<init>", "the thread created"),
          entry("java.lang.Thread", "startVirtualThread", "the virtual thread started"),
          entry("java.lang.Thread.Builder", "start", "the thread started"),
          entry("java.lang.Thread.Builder", "unstarted", "the thread created"),
          entry("java.util.concurrent.ThreadFactory", "newThread", "the thread created"),
          entry("java.util.concurrent.Executor", "execute", "the task submitted"),
          entry("java.util.concurrent.ExecutorService", "submit", "the task submitted"),
          entry("java.util.concurrent.ExecutorService", "invokeAll", "the task submitted", Runs.COLLECTION_ELEMENTS),
          entry("java.util.concurrent.ExecutorService", "invokeAny", "the task submitted", Runs.COLLECTION_ELEMENTS),
          entry("java.util.concurrent.ScheduledExecutorService", "schedule", "the task scheduled"),
          entry(
              "java.util.concurrent.ScheduledExecutorService",
              "scheduleAtFixedRate",
              "the task scheduled"),
          entry(
              "java.util.concurrent.ScheduledExecutorService",
              "scheduleWithFixedDelay",
              "the task scheduled"),
          entry("java.util.concurrent.CompletionService", "submit", "the task submitted"),
          entry("java.util.concurrent.ForkJoinPool", "invoke", "the fork-join task started"),
          entry("java.util.concurrent.ForkJoinTask", "fork", "the fork-join task forked", Runs.RECEIVER),
          entry("java.util.concurrent.CompletableFuture", "runAsync", "the async task started"),
          entry("java.util.concurrent.CompletableFuture", "supplyAsync", "the async task started"),
          entry("java.util.concurrent.CompletableFuture", "thenApplyAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "thenAcceptAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "thenRunAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "thenComposeAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "thenCombineAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "thenAcceptBothAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "runAfterBothAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "applyToEitherAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "acceptEitherAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "runAfterEitherAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "whenCompleteAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "handleAsync", "the async stage"),
          entry("java.util.concurrent.CompletableFuture", "exceptionallyAsync", "the async stage"),
          entry("java.util.Timer", "schedule", "the timer task scheduled"),
          entry("java.util.Timer", "scheduleAtFixedRate", "the timer task scheduled"),
          entry("java.lang.Runtime", "addShutdownHook", "the shutdown hook registered"));

  /**
   * Starts that return only when every task they started has ended: the caller waits, holding its
   * locks, while the tasks run.
   */
  public static final List<MethodRef> WAITING_STARTS =
      List.of(
          new MethodRef("java.util.concurrent.ExecutorService", "invokeAll"),
          new MethodRef("java.util.concurrent.ForkJoinPool", "invoke"));

  /**
   * Methods of what a start returns (a Future, CompletableFuture, ForkJoinTask or Thread) that wait
   * for the task to end.
   */
  public static final Set<String> AWAIT_METHODS = Set.of("get", "join");

  /** Stream methods that make the callbacks of the rest of the pipeline run on many threads. */
  public static final List<String> PARALLEL_STREAM_METHODS = List.of("parallelStream", "parallel");

  /**
   * Factories that build a collection of their arguments in place: the tasks of a
   * {@link Runs#COLLECTION_ELEMENTS} start.
   */
  public static final List<MethodRef> TASK_COLLECTION_FACTORIES =
      List.of(
          new MethodRef("java.util.List", "of"),
          new MethodRef("java.util.Set", "of"),
          new MethodRef("java.util.Arrays", "asList"),
          new MethodRef("java.util.Collections", "singletonList"),
          new MethodRef("java.util.Collections", "singleton"));

  /** Whether {@code owner.name} (the declaring type, exactly) is a {@link #TASK_COLLECTION_FACTORIES task collection factory}. */
  public static boolean isTaskCollectionFactory(String owner, String name) {
    return TASK_COLLECTION_FACTORIES.contains(new MethodRef(owner, name));
  }

  /** Executor factories whose executor runs one task at a time. */
  public static final List<MethodRef> SINGLE_THREAD_EXECUTOR_FACTORIES =
      List.of(
          new MethodRef("java.util.concurrent.Executors", "newSingleThreadExecutor"),
          new MethodRef("java.util.concurrent.Executors", "newSingleThreadScheduledExecutor"));

  /**
   * Executor factories whose executor runs several tasks at once, unless the first argument, where
   * it is the number of threads, is the literal 1 ({@code newFixedThreadPool(1)}).
   */
  public static final List<MethodRef> POOL_EXECUTOR_FACTORIES =
      List.of(
          new MethodRef("java.util.concurrent.Executors", "newFixedThreadPool"),
          new MethodRef("java.util.concurrent.Executors", "newCachedThreadPool"),
          new MethodRef("java.util.concurrent.Executors", "newWorkStealingPool"),
          new MethodRef("java.util.concurrent.Executors", "newScheduledThreadPool"),
          new MethodRef("java.util.concurrent.Executors", "newVirtualThreadPerTaskExecutor"),
          new MethodRef("java.util.concurrent.Executors", "newThreadPerTaskExecutor"));

  /** The names of {@link #SINGLE_THREAD_EXECUTOR_FACTORIES} and {@link #POOL_EXECUTOR_FACTORIES}. */
  public static final Set<String> EXECUTOR_FACTORY_NAMES =
      java.util.stream.Stream.concat(SINGLE_THREAD_EXECUTOR_FACTORIES.stream(), POOL_EXECUTOR_FACTORIES.stream())
          .map(MethodRef::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** The type of every executor: a field of it may hold one a known factory makes. */
  public static final String EXECUTOR_TYPE = "java.util.concurrent.Executor";

  /** How many tasks at once an executor made by a known factory runs. */
  public enum ExecutorThreads {
    ONE,
    SEVERAL
  }

  /**
   * The executor calls that hand it one task per call: a method that makes one on every call, to an
   * executor of several threads, has copies of the task running at once when it is called again
   * before the last one ended. (Periodic schedules are left out: their runs do not overlap.)
   */
  public static final Set<String> ONE_TASK_PER_CALL = Set.of("submit", "execute");

  private final List<Entry> entries;
  private final ByMethodName<Entry> byName;

  private ThreadStartApis(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.byName = new ByMethodName<>(this.entries, Entry::method);
  }

  public static ThreadStartApis defaults() {
    return new ThreadStartApis(DEFAULTS);
  }

  /**
   * The names a file's code calls (or declares) when it may hold a task of the default starts: the
   * start methods' names ({@code Thread} for {@code new Thread(…)}) and the task methods of the
   * task classes ({@code run}, {@code call}, {@code compute}…). A front end that reads files to
   * answer a question about tasks may skip the files that call none of them.
   */
  public static final Set<String> TASK_CODE_NAMES = taskCodeNames();

  private static Set<String> taskCodeNames() {
    Set<String> names = new java.util.HashSet<>();
    for (Entry entry : DEFAULTS) {
      names.add(calledName(entry));
    }
    names.addAll(TaskClasses.TASK_METHOD_NAMES);
    names.addAll(PARALLEL_STREAM_METHODS); // its callbacks run on the common pool's threads
    return Set.copyOf(names);
  }

  /**
   * {@link #TASK_CODE_NAMES} with the names of these starts' methods: a user's own start ({@code
   * -threadStartMethods=com.acme.Dispatcher#dispatch}) makes {@code dispatch} a name of task code.
   */
  public Set<String> taskCodeNamesWithEntries() {
    Set<String> names = new java.util.HashSet<>(TASK_CODE_NAMES);
    for (Entry entry : entries) {
      names.add(calledName(entry));
    }
    return Set.copyOf(names);
  }

  /**
   * The names of these starts' methods on executors, those of the entries whose class {@code
   * executorType} accepts ({@code execute}, {@code submit}, {@code schedule}…): a call of one of
   * them on a field another file declares hands a task to an executor only that file says how many
   * threads it has.
   */
  public Set<String> executorMethodNames(java.util.function.Predicate<String> executorType) {
    Set<String> names = new java.util.HashSet<>();
    for (Entry entry : entries) {
      if (!entry.method().name().equals("<init>") && executorType.test(entry.method().owner())) {
        names.add(entry.method().name());
      }
    }
    return Set.copyOf(names);
  }

  /** The name code that starts {@code entry} calls: its method's, or its class's for a constructor. */
  private static String calledName(Entry entry) {
    String name = entry.method().name();
    return name.equals("<init>") ? simpleName(entry.method().owner()) : name;
  }

  /** The defaults plus user entries ({@code -threadStartMethods=com.acme.Pool#submit}). */
  public ThreadStartApis with(Collection<MethodRef> extra) {
    List<Entry> all = new ArrayList<>(entries);
    for (MethodRef ref : extra) {
      all.add(
          new Entry(
              ref,
              "the task passed to " + simpleName(ref.owner()) + "." + ref.name(),
              Runs.FUNCTIONAL_ARGUMENTS));
    }
    return new ThreadStartApis(all);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The entries that may match a call of a method named {@code name}: its owner decides. */
  public List<Entry> candidates(String name) {
    return byName.candidates(name);
  }

  private static Entry entry(String owner, String name, String description) {
    return entry(owner, name, description, Runs.FUNCTIONAL_ARGUMENTS);
  }

  private static Entry entry(String owner, String name, String description, Runs runs) {
    return new Entry(new MethodRef(owner, name), description, runs);
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}

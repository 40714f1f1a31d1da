package io.mapguard.engine.knowledge;

import java.util.List;
import java.util.Set;

/**
 * Classes whose instances are tasks: the named method of a subclass runs on a thread of its own
 * (a {@code Thread}'s {@code run()}, a {@code TimerTask}'s on the timer's thread, a fork-join task's
 * {@code compute()} on a pool thread once forked or invoked), whoever starts it.
 */
public final class TaskClasses {
  /**
   * A task class.
   *
   * @param owner the qualified type name, matched with its subtypes
   * @param method the method that runs on the task's thread (it takes no parameters)
   * @param description how messages name the task, followed by the subclass's name
   */
  public record TaskClass(String owner, String method, String description) {}

  public static final List<TaskClass> ALL =
      List.of(
          new TaskClass("java.lang.Thread", "run", "the thread"),
          new TaskClass("java.util.TimerTask", "run", "the timer task"),
          new TaskClass("java.util.concurrent.RecursiveTask", "compute", "the fork-join task"),
          new TaskClass("java.util.concurrent.RecursiveAction", "compute", "the fork-join task"),
          new TaskClass("java.util.concurrent.CountedCompleter", "compute", "the fork-join task"));

  /**
   * Methods of a class of the file whose instance ({@code new Job()}, {@code this}) is handed to a
   * thread-start API: a {@code Runnable}'s or {@code Callable}'s body.
   */
  public static final Set<String> STARTED_INSTANCE_METHODS = Set.of("run", "call");

  /** The names of every method that runs as a task: the task classes' and the started instances'. */
  public static final Set<String> TASK_METHOD_NAMES = taskMethodNames();

  private static Set<String> taskMethodNames() {
    Set<String> names = new java.util.HashSet<>(STARTED_INSTANCE_METHODS);
    ALL.forEach(taskClass -> names.add(taskClass.method()));
    return Set.copyOf(names);
  }

  private TaskClasses() {}
}

package io.mapguard.engine.project;

import java.util.List;

/**
 * The calls of the whole project, asked method by method. A front end answers from what it has:
 * javac from every class of the compilation, mapvet from every file of the scan. An answer lists
 * every call that may run the method: calls whose receiver's type is unknown are included, so
 * that what the engine concludes from "no such call" holds.
 */
public interface ProjectCalls {
  /**
   * Every call in the project that may run {@code method}'s body; null when the front end cannot
   * list them (then nothing is concluded from other classes).
   */
  List<ProjectCall> callsOf(ProjectMethod method);

  /**
   * The calls of {@link #callsOf} that pass the literal {@code null} for argument {@code
   * parameter} (a front end may find these without reading every call of the name); null when the
   * front end cannot list them.
   */
  default List<ProjectCall> callsPassingNull(ProjectMethod method, int parameter) {
    List<ProjectCall> calls = callsOf(method);
    return calls == null ? null : calls.stream().filter(call -> call.nullArguments().contains(parameter)).toList();
  }

  /**
   * How many files one method's calls may take to list ({@link #filesToRead}) before a question
   * that may give up does so: a method that more files may call ({@code toString}, an {@code add}
   * called on results of other calls) is called from too many places for a walk through it to be
   * worth its cost (java.base: one such method read 45 files, 2.5 seconds). The walk from Tomcat's
   * {@code Registry} maps meets at most 19 (callers of {@code LifecycleBase.start()}).
   */
  int MAX_FILES_PER_METHOD = 32;

  /**
   * How many files answering {@link #callsOf} for {@code method} would read that are not read for
   * it yet: a question that may give up (one that adds a finding) keeps within a budget with it.
   * A front end that holds every class's tree reads none.
   */
  default int filesToRead(ProjectMethod method) {
    return 0;
  }

  /**
   * The calls of {@link #callsOf} among which are those a task makes through a field of its class:
   * a front end that reads files to answer may skip the files that start no task (whose code names
   * none of {@link io.mapguard.engine.knowledge.ThreadStartApis#TASK_CODE_NAMES}) or declare no
   * field of the method's class or of one of its supertypes (mapvet, by its index of each file's
   * names); one that holds every tree answers {@link #callsOf}. Null when the front end cannot list
   * them.
   */
  default List<ProjectCall> callsThroughFieldsInTasks(ProjectMethod method) {
    return callsOf(method);
  }

  /** {@link #filesToRead} for {@link #callsThroughFieldsInTasks}. */
  default int filesToReadThroughFieldsInTasks(ProjectMethod method) {
    return filesToRead(method);
  }

  /**
   * The uses of the map field {@code field} (named as {@link
   * io.mapguard.engine.model.MapField#subclassesUseAs} names it) that tasks of other top-level
   * classes make on their own object, having inherited it ({@link FieldUse}); null when the front
   * end cannot list them.
   */
  default List<FieldUse> inheritedFieldUsesInTasks(String field) {
    return null;
  }

  /** A front end that sees no other class: every question is left open. */
  ProjectCalls UNKNOWN = method -> null;
}

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
   * How many files answering {@link #callsOf} for {@code method} would read that are not read for
   * it yet: a question that may give up (one that adds a finding) keeps within a budget with it.
   * A front end that holds every class's tree reads none.
   */
  default int filesToRead(ProjectMethod method) {
    return 0;
  }

  /** A front end that sees no other class: every question is left open. */
  ProjectCalls UNKNOWN = method -> null;
}

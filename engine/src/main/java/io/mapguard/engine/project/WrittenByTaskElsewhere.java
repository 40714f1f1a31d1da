package io.mapguard.engine.project;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A static map that its own class writes only on its callers' threads, with no lock and no thread of
 * its own: it is shared when one of the methods that write it runs, through calls resolved to it, in
 * a task of another class (a lambda handed to an executor, a thread's {@code run()}): the task's
 * thread and any other caller then write or read the one map at once. The finding stands naming
 * the task and the calls that lead to the write. Like {@link NullPassedByCaller} it adds a finding
 * the class alone would not make: when the calls cannot be listed, or no such task is found within
 * {@link #MAX_METHODS} methods up the callers and {@link #MAX_FILES} files read, it does not stand.
 *
 * @param writers the methods of the class, as other classes call them, that write the map
 * @param fix what the message advises once the finding stands
 */
public record WrittenByTaskElsewhere(List<ProjectMethod> writers, String fix) implements ProjectCondition {
  /**
   * How many methods the walk up the callers visits at most: a bound on the cost of one question
   * (each method's calls are looked up in the whole project), deep enough for a task that reaches
   * the map through a few services.
   */
  static final int MAX_METHODS = 64;

  /**
   * How many files the walk may have the front end read (parse) at most ({@link
   * ProjectCalls#filesToRead}): mapvet reads every file that calls a method's name, and a walk
   * through methods of common names ({@code add}, {@code toString}) would read the whole tree again
   * and again (java.base: 5.8 times slower). Beyond it the question gives up, and the finding does
   * not stand.
   */
  static final int MAX_FILES = 64;

  public WrittenByTaskElsewhere {
    writers = List.copyOf(writers);
  }

  @Override
  public String standing(ProjectCalls calls) {
    // for each method reached, its call on the way down to a writer (null for a writer)
    Map<ProjectMethod, Step> towardsWriter = new HashMap<>();
    Deque<ProjectMethod> pending = new ArrayDeque<>();
    for (ProjectMethod writer : writers) {
      if (!towardsWriter.containsKey(writer)) {
        towardsWriter.put(writer, null);
        pending.add(writer);
      }
    }
    int visited = 0;
    int filesRead = 0;
    while (!pending.isEmpty() && visited++ < MAX_METHODS) {
      ProjectMethod method = pending.poll();
      filesRead += calls.filesToRead(method);
      if (filesRead > MAX_FILES) {
        return null;
      }
      List<ProjectCall> callers = calls.callsOf(method);
      if (callers == null) {
        return null;
      }
      for (ProjectCall call : callers) {
        // only calls the front end resolved to the method: a call on a supertype, or one it cannot
        // type, may run another method of the name, which is no evidence
        if (!call.resolved()) {
          continue;
        }
        if (call.thread() != null) {
          return "it is written in " + call.thread() + ", which calls " + path(new Step(call, method), towardsWriter)
              + ". " + fix;
        }
        if (call.caller() != null && !towardsWriter.containsKey(call.caller())) {
          towardsWriter.put(call.caller(), new Step(call, method));
          pending.add(call.caller());
        }
      }
    }
    return null;
  }

  /** A call a method makes on the way to a writer, and the method it calls. */
  private record Step(ProjectCall call, ProjectMethod callee) {}

  /**
   * The calls from the task down to a writer, as messages name them: {@code Service.process
   * (Worker.java:31), then Cache.register (Service.java:12)}.
   */
  private static String path(Step first, Map<ProjectMethod, Step> towardsWriter) {
    List<String> steps = new ArrayList<>();
    for (Step step = first; step != null; step = towardsWriter.get(step.callee())) {
      steps.add(step.callee().display() + " (" + step.call().place() + ")");
    }
    return String.join(", then ", steps);
  }
}

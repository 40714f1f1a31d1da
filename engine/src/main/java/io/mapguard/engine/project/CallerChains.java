package io.mapguard.engine.project;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The walk the conditions about a method's callers share: from the method up through the callers
 * that pass the question on to their own callers, until a call settles it.
 */
final class CallerChains {
  private CallerChains() {}

  /** What one call means for the question. */
  enum Step {
    /** It keeps the finding from standing (it holds the lock, throws the map away…). */
    SAFE,
    /**
     * Its caller's own callers decide (the caller returns the map, or calls on its own object): a
     * call from code whose callers are not all known makes the finding stand.
     */
    FOLLOW,
    /** It makes the finding stand. */
    STANDS
  }

  /** Stands for "the front end could not list the calls". */
  static final ProjectCall UNANSWERED = new ProjectCall(null, true, ResultUse.OTHER, "", 0);

  /**
   * The first call, up from {@code method}, that makes the finding stand; {@link #UNANSWERED} when
   * the calls of a method on the way cannot be listed; null when every call is safe.
   */
  static ProjectCall firstStanding(ProjectCalls calls, ProjectMethod method, Function<ProjectCall, Step> step) {
    Deque<ProjectMethod> reached = new ArrayDeque<>(List.of(method));
    Set<ProjectMethod> seen = new HashSet<>(reached);
    while (!reached.isEmpty()) {
      List<ProjectCall> callers = calls.callsOf(reached.pop());
      if (callers == null) {
        return UNANSWERED;
      }
      for (ProjectCall call : callers) {
        switch (step.apply(call)) {
          case SAFE:
            break;
          case FOLLOW:
            if (call.caller() == null || call.callerOpen()) {
              return call;
            }
            if (seen.add(call.caller())) {
              reached.push(call.caller());
            }
            break;
          default:
            return call;
        }
      }
    }
    return null;
  }

  /**
   * {@code calls} in the order of their places (file, then line; calls of one line as listed): what
   * a walk within a budget visits must not depend on the order a front end indexed its files in, so
   * that both front ends, and every run, visit the same methods.
   */
  private static List<ProjectCall> byPlace(List<ProjectCall> calls) {
    List<ProjectCall> sorted = new ArrayList<>(calls);
    sorted.sort(Comparator.comparing(ProjectCall::file).thenComparingInt(ProjectCall::line));
    return sorted;
  }

  /**
   * How many methods a walk that adds findings ({@link #firstWithinBudget}) visits at most: a bound
   * on the cost of one question (each method's calls are looked up in the whole project, once per
   * compilation or scan), deep enough for a task that reaches a map through a few services and the
   * lifecycle methods of a component framework: a walk breadth first through a method with many
   * callers (Tomcat's {@code Registry.registerComponent}) visits all of them before going deeper,
   * and the walk from Tomcat's {@code Registry} maps reaches a deployment task after more than 64
   * methods and fewer than 128. Mapvet's walks are bounded by {@link #MAX_FILES} first.
   */
  static final int MAX_METHODS = 256;

  /**
   * How many files such a walk may have the front end read (parse) at most ({@link
   * ProjectCalls#filesToRead}): mapvet reads every file that may call a method (of its name and
   * arity, on a receiver that may be of its class), and a walk through methods of common names would
   * read the tree again and again. The walk from Tomcat's {@code Registry} maps to a deployment task
   * needs more than 128 (all of mapvet's walks on Tomcat read 285 files, 94 distinct: it keeps the
   * last ones it parsed). Beyond it the question gives up, and the finding does not stand.
   */
  static final int MAX_FILES = 256;

  /** See {@link ProjectCalls#MAX_FILES_PER_METHOD}: a walk, or a question, that meets such a method gives up. */
  static final int MAX_FILES_PER_QUESTION = ProjectCalls.MAX_FILES_PER_METHOD;

  /**
   * The walk of a question that adds a finding: up from {@code start}, breadth first, through each
   * method's calls; the first non-null answer {@code stands} gives for a call (and the method it
   * calls) is the reason the finding stands. What is visited next for a call is what {@code up}
   * gives: its caller, the caller as it runs on the object of the method called ({@link
   * ProjectMethod#onObjectOf}), or null for nothing; each method once. Null when no call stands,
   * when a method's calls cannot be listed, or when the walk passes {@link #MAX_METHODS} methods or
   * {@link #MAX_FILES} files read: absent evidence adds nothing.
   */
  static String firstWithinBudget(
      ProjectCalls calls,
      Collection<ProjectMethod> start,
      BiFunction<ProjectCall, ProjectMethod, String> stands,
      BiFunction<ProjectCall, ProjectMethod, ProjectMethod> up) {
    Deque<ProjectMethod> pending = new ArrayDeque<>();
    Set<ProjectMethod> seen = new HashSet<>();
    for (ProjectMethod method : start) {
      if (seen.add(method)) {
        pending.add(method);
      }
    }
    int visited = 0;
    int filesRead = 0;
    while (!pending.isEmpty() && visited++ < MAX_METHODS) {
      ProjectMethod method = pending.poll();
      int toRead = calls.filesToRead(method);
      if (toRead > MAX_FILES_PER_QUESTION) {
        return null;
      }
      filesRead += toRead;
      if (filesRead > MAX_FILES) {
        return null;
      }
      List<ProjectCall> callers = calls.callsOf(method);
      if (callers == null) {
        return null;
      }
      for (ProjectCall call : byPlace(callers)) {
        String reason = stands.apply(call, method);
        if (reason != null) {
          return reason;
        }
        ProjectMethod next = call.caller() == null ? null : up.apply(call, method);
        if (next != null && seen.add(next)) {
          pending.add(next);
        }
      }
    }
    return null;
  }
}

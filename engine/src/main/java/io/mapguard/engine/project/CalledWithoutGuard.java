package io.mapguard.engine.project;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An access that misses its guard in a method whose callers are all in the project: it races only
 * when some call reaches the method without the guard. A call holds it when the guard's monitor is
 * held around the call (the receiver's monitor for {@code this}, the class's for {@code Foo.class}),
 * or when the call is made in a method of the same kind whose own callers all hold it ({@code this}
 * passes on only through calls on the caller's own object). A method nothing in the project calls
 * is never run concurrently with its class's other code by the project.
 *
 * @param method the method the access is in
 * @param classLock the simple name of the class whose {@code .class} monitor is the guard, or null
 *     when the guard is {@code this}
 * @param guard the guard as messages name it
 */
public record CalledWithoutGuard(ProjectMethod method, String classLock, String guard) implements ProjectCondition {

  @Override
  public String standing(ProjectCalls calls) {
    Deque<ProjectMethod> reached = new ArrayDeque<>(List.of(method));
    Set<ProjectMethod> seen = new HashSet<>(reached);
    while (!reached.isEmpty()) {
      List<ProjectCall> callers = calls.callsOf(reached.pop());
      if (callers == null) {
        return "";
      }
      for (ProjectCall call : callers) {
        boolean holds =
            classLock == null ? call.receiverMonitorHeld() : call.classMonitorsHeld().contains(classLock);
        if (holds) {
          continue;
        }
        boolean passesOn = classLock != null || call.receiverIsThis();
        if (call.caller() == null || call.callerOpen() || !passesOn) {
          String who = call.caller() == null ? call.place() : call.caller().display() + " (" + call.place() + ")";
          return "It is reached without '" + guard + "' from " + who + ".";
        }
        if (seen.add(call.caller())) {
          reached.push(call.caller());
        }
      }
    }
    return null;
  }
}

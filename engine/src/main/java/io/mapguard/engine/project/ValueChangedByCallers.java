package io.mapguard.engine.project;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A value of a shared thread-safe map that a method of the map's class hands out, and that the
 * class itself never changes: it stands when a caller in the project, through a call resolved to
 * the method, changes what the method returns with no monitor held (calls a method of {@code
 * changers} on it, right away or through the local it keeps it in), directly or after methods that
 * return it on. Two threads that get one key's value then change it at once. Like {@link
 * WrittenByTaskElsewhere} it adds a finding the class alone would not make: when the calls cannot
 * be listed, or no such change is found within {@link WrittenByTaskElsewhere#MAX_METHODS} methods
 * and {@link WrittenByTaskElsewhere#MAX_FILES} files read, it does not stand.
 *
 * @param getter the method that returns a value of the map
 * @param changers the methods that change a value of its type ({@code add}, {@code put}…, {@code
 *     []=} for an element of an array)
 * @param fix what the message advises once the finding stands
 */
public record ValueChangedByCallers(ProjectMethod getter, Set<String> changers, String fix)
    implements ProjectCondition {
  public ValueChangedByCallers {
    changers = Set.copyOf(changers);
  }

  @Override
  public String standing(ProjectCalls calls) {
    Deque<ProjectMethod> pending = new ArrayDeque<>(List.of(getter));
    Set<ProjectMethod> seen = new HashSet<>(pending);
    int visited = 0;
    int filesRead = 0;
    while (!pending.isEmpty() && visited++ < WrittenByTaskElsewhere.MAX_METHODS) {
      ProjectMethod method = pending.poll();
      filesRead += calls.filesToRead(method);
      if (filesRead > WrittenByTaskElsewhere.MAX_FILES) {
        return null;
      }
      List<ProjectCall> callers = calls.callsOf(method);
      if (callers == null) {
        return null;
      }
      for (ProjectCall call : callers) {
        // a call the front end could not resolve to the method may run another of the name
        if (!call.resolved()) {
          continue;
        }
        String change = call.resultCalls().stream().filter(changers::contains).sorted().findFirst().orElse(null);
        if (change != null) {
          return call.who() + " changes it (" + describe(change) + ") with no lock held: two threads that get one"
              + " key's value change it at once. " + fix;
        }
        // a method that returns the value on: its own callers' changes count the same
        if (call.use() == ResultUse.RETURNED && call.caller() != null && seen.add(call.caller())) {
          pending.add(call.caller());
        }
      }
    }
    return null;
  }

  private static String describe(String change) {
    return change.equals("[]=") ? "stores into an element" : change;
  }
}

package io.mapguard.engine.project;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Something a method of a class hands out (a mutable value of a concurrent map, a synchronized map)
 * that is safe as long as its callers do not use it in one of a few ways: it stands when a caller in
 * the project, through a call resolved to the method, makes one of {@code uses} of what the method
 * returns with no monitor held (see {@link CallSite#resultUses}), directly or after methods that
 * return it on. Like {@link WrittenByTaskElsewhere} it adds a finding the class alone would not
 * make: when the calls cannot be listed, or no such use is found within {@link
 * WrittenByTaskElsewhere#MAX_METHODS} methods and {@link WrittenByTaskElsewhere#MAX_FILES} files
 * read, it does not stand.
 *
 * @param getter the method that hands the object out
 * @param uses the uses that make the finding stand ({@code add}, {@code []=}, {@code walk:for-each}…),
 *     each with how the message says it after the caller's name (" changes it (add)")
 * @param consequence what such a use leads to, said after it (": two threads … at once.")
 * @param fix what the message advises once the finding stands
 */
public record ResultUsedByCallers(ProjectMethod getter, Map<String, String> uses, String consequence, String fix)
    implements ProjectCondition {
  public ResultUsedByCallers {
    uses = Map.copyOf(uses);
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
        String use = call.resultUses().stream().filter(uses::containsKey).sorted().findFirst().orElse(null);
        if (use != null) {
          String where = call.thread() == null ? call.who() : call.who() + " (in " + call.thread() + ")";
          return where + uses.get(use) + consequence + " " + fix;
        }
        // a method that returns it on: its own callers' uses count the same
        if (call.use() == ResultUse.RETURNED && call.caller() != null && seen.add(call.caller())) {
          pending.add(call.caller());
        }
      }
    }
    return null;
  }
}

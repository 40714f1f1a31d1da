package io.mapguard.engine.project;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something a method of a class hands out (a mutable value of a concurrent map, a synchronized map)
 * that is safe as long as its callers do not use it in one of a few ways: it stands when a caller in
 * the project, through a call resolved to the method, makes one of {@code uses} of what the method
 * returns with no monitor held (see {@link CallSite#resultUses}), directly or after methods that
 * return it on. Like {@link WrittenByTaskElsewhere} it adds a finding the class alone would not
 * make: when the calls cannot be listed, or no such use is found within {@link
 * CallerChains#MAX_METHODS} methods and {@link CallerChains#MAX_FILES} files read, it does not stand.
 *
 * @param getter the method that hands the object out
 * @param uses the uses that make the finding stand ({@code add}, {@code []=}, {@code walk:for-each}…),
 *     each with how the message says it after the caller's name (" changes it (add)")
 * @param consequence what such a use leads to, said after it (": two threads … at once.")
 * @param fix what the message advises once the finding stands
 */
public record ResultUsedByCallers(ProjectMethod getter, Map<String, String> uses, String consequence, String fix)
    implements ProjectCondition {

  /**
   * Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why (conditions key the
   * tables that decide each once); the generated hash's value.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof ResultUsedByCallers that
            && Objects.equals(getter, that.getter)
            && Objects.equals(uses, that.uses)
            && Objects.equals(consequence, that.consequence)
            && Objects.equals(fix, that.fix);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * Objects.hashCode(getter) + Objects.hashCode(uses)) + Objects.hashCode(consequence)) + Objects.hashCode(fix);
  }

  public ResultUsedByCallers {
    uses = Map.copyOf(uses);
  }

  @Override
  public String standing(ProjectCalls calls) {
    return CallerChains.firstWithinBudget(
        calls,
        List.of(getter),
        (call, method) -> {
          // a call the front end could not resolve to the method may run another of the name
          String use =
              call.resolved()
                  ? call.resultUses().stream().filter(uses::containsKey).sorted().findFirst().orElse(null)
                  : null;
          if (use == null) {
            return null;
          }
          String where = call.thread() == null ? call.who() : call.who() + " (in " + call.thread() + ")";
          return where + uses.get(use) + consequence + " " + fix;
        },
        // a method that returns it on: its own callers' uses count the same
        (call, method) -> call.resolved() && call.use() == ResultUse.RETURNED ? call.caller() : null);
  }
}

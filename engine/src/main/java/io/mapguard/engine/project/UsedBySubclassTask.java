package io.mapguard.engine.project;

import java.util.List;
import java.util.Objects;

/**
 * An instance map of a class that other files may extend, which the class uses with no lock and no
 * thread of its own: it is shared when a subclass written in another top-level class uses it as its
 * own in a task ({@link FieldUse}: {@code onHand.put(item, n)} in a lambda it hands to an executor)
 * while one of the class's own methods uses it on another thread: a method code outside the project
 * may call (its callers' threads), or one the project calls elsewhere than in that task. One of the
 * two uses must write. The finding stands naming the task's use and the class's method.
 *
 * <p>What it cannot see keeps it quiet: a subclass's use outside task code (its own analysis judges
 * those with its callers), a use on another object than the task's own ({@code other.onHand}), a
 * method of the class called only in the task, or only in tasks of the same single-thread executor.
 * Copies of the task writing at once are the subclass's own finding.
 *
 * @param field the map, as {@link io.mapguard.engine.model.MapField#subclassesUseAs} names it
 * @param users the methods of the class, as other classes call them, that use the map
 * @param writers those of {@link #users} that write it
 * @param open those of {@link #users} that code outside the project may call
 * @param fix what the message advises once the finding stands
 */
public record UsedBySubclassTask(
    String field, List<ProjectMethod> users, List<ProjectMethod> writers, List<ProjectMethod> open, String fix)
    implements ProjectCondition {

  /**
   * Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why (conditions key the
   * tables that decide each once); the generated hash's value.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof UsedBySubclassTask that
            && Objects.equals(field, that.field)
            && Objects.equals(users, that.users)
            && Objects.equals(writers, that.writers)
            && Objects.equals(open, that.open)
            && Objects.equals(fix, that.fix);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * (31 * Objects.hashCode(field) + Objects.hashCode(users)) + Objects.hashCode(writers)) + Objects.hashCode(open)) + Objects.hashCode(fix);
  }

  public UsedBySubclassTask {
    users = List.copyOf(users);
    writers = List.copyOf(writers);
    open = List.copyOf(open);
  }

  @Override
  public String standing(ProjectCalls calls) {
    List<FieldUse> uses = calls.inheritedFieldUsesInTasks(field);
    if (uses == null) {
      return null;
    }
    for (FieldUse use : uses) {
      if (!use.write() && writers.isEmpty()) {
        continue; // two reads are no race
      }
      for (ProjectMethod user : users) {
        if (!use.write() && !writers.contains(user)) {
          continue;
        }
        String other = otherThread(calls, user, use);
        if (other != null) {
          return "it is "
              + (use.write() ? "written" : "read")
              + " in "
              + use.thread()
              + ", where a subclass uses it as its own ("
              + use.place()
              + "), and "
              + other
              + ". "
              + fix;
        }
      }
    }
    return null;
  }

  /**
   * How {@code user} reaches the map on a thread other than {@code use}'s task, as the message says
   * it; null when no call of it is known to.
   */
  private String otherThread(ProjectCalls calls, ProjectMethod user, FieldUse use) {
    String verb = writers.contains(user) ? " writes" : " reads";
    if (open.contains(user)) {
      return user.display() + verb + " it on its callers' threads";
    }
    if (calls.filesToRead(user) > CallerChains.MAX_FILES_PER_QUESTION) {
      return null; // a call this question cannot afford to look for is no evidence
    }
    List<ProjectCall> userCalls = calls.callsOf(user);
    if (userCalls == null) {
      return null;
    }
    for (ProjectCall call : userCalls) {
      boolean inAnotherTask =
          call.thread() != null
              && !call.thread().equals(use.thread())
              && !call.onSerialExecutor(use.serialExecutor());
      // a call in a method code outside the project may call is on its callers' threads too, even
      // when a task of its class calls that method
      boolean onCallersThreads =
          call.thread() == null ? call.caller() == null || !call.caller().isConstructor() : call.alsoOnCallersThreads();
      if (inAnotherTask || onCallersThreads) {
        return call.who()
            + (inAnotherTask ? ", in " + call.thread() + "," : "")
            + " calls "
            + user.display()
            + ", which"
            + verb
            + " it";
      }
    }
    return null;
  }
}

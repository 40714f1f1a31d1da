package io.mapguard.engine.project;

import io.mapguard.engine.model.ThreadRoot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A static map that its own class writes only on its callers' threads, with no lock and no thread of
 * its own (or an instance map of a class that keeps its one instance in a static field, {@link
 * io.mapguard.engine.model.ClassFacts#singletonFields}: one per program as well): it is shared
 * when one of the methods that write it runs, through calls resolved to it or to a supertype's
 * method it overrides (a component started through its interface, whose template method calls the
 * class's hook), in a task of another class (a lambda handed to an executor, a thread's {@code
 * run()}): the task's thread and any other caller then write or read the one map at once. The finding stands naming
 * the task and the calls that lead to the write. Like {@link NullPassedByCaller} it adds a finding
 * the class alone would not make: when the calls cannot be listed, or no such task is found within
 * {@link CallerChains#MAX_METHODS} methods up the callers and {@link CallerChains#MAX_FILES} files
 * read, it does not stand. Nor when that task goes to a single-thread executor and every use of the
 * map is shown to run in tasks of that executor, whichever classes hand them over ({@code
 * EventLoop.LOOP.execute(…)} in each): they run one at a time.
 *
 * @param writers the methods of the class, as other classes call them, that write the map
 * @param users the methods of the class, as other classes call them, that use the map (writers
 *     included)
 * @param open those of {@link #users} that code outside the project may call
 * @param fix what the message advises once the finding stands
 */
public record WrittenByTaskElsewhere(
    List<ProjectMethod> writers, List<ProjectMethod> users, List<ProjectMethod> open, String fix)
    implements ProjectCondition {

  /**
   * Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why (conditions key the
   * tables that decide each once); the generated hash's value.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof WrittenByTaskElsewhere that
            && Objects.equals(writers, that.writers)
            && Objects.equals(users, that.users)
            && Objects.equals(open, that.open)
            && Objects.equals(fix, that.fix);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * Objects.hashCode(writers) + Objects.hashCode(users)) + Objects.hashCode(open)) + Objects.hashCode(fix);
  }

  public WrittenByTaskElsewhere {
    writers = List.copyOf(writers);
    users = List.copyOf(users);
    open = List.copyOf(open);
  }

  @Override
  public String standing(ProjectCalls calls) {
    // for each method reached, its call on the way down to a writer (null for a writer)
    Map<ProjectMethod, Step> towardsWriter = new HashMap<>();
    writers.forEach(writer -> towardsWriter.put(writer, null));
    // a call in a method that runs in a task (a thread class's run(), a method only a task of its
    // class calls) settles it too, but the walk goes on up first: the task's own call of that
    // method, further up, names the way from the task down
    TaskWrite[] inTask = {null};
    TaskWrite[] inATasksMethod = {null};
    String reason =
        CallerChains.firstWithinBudget(
            calls,
            writers,
            // only calls that run the method's body on an object of its class: one the front end
            // cannot type may run another method of the name, which is no evidence
            (call, method) -> {
              if (!call.mayDispatchToMethod() || call.thread() == null) {
                return null;
              }
              String said =
                  "it is written in " + call.thread() + ", which calls " + path(new Step(call, method), towardsWriter);
              if (call.caller() == null) {
                inTask[0] = new TaskWrite(call, said);
                return said;
              }
              if (inATasksMethod[0] == null) {
                inATasksMethod[0] = new TaskWrite(call, said);
              }
              return null;
            },
            (call, method) -> {
              if (!call.mayDispatchToMethod()) {
                return null;
              }
              // a call on the caller's own object: the caller runs on an object of the method's
              // class, whose other types its own callers may call it on (a hook's template method
              // started through the subclass's interface)
              ProjectMethod caller = call.receiverIsThis() ? call.caller().onObjectOf(method) : call.caller();
              if (!towardsWriter.containsKey(caller)) {
                towardsWriter.put(caller, new Step(call, method));
              }
              return caller;
            });
    TaskWrite writing = reason != null ? inTask[0] : inATasksMethod[0];
    if (writing == null) {
      return null;
    }
    String said = writing.said();
    // one executor per program (a static field's), not one per object of the class that submits:
    // the race needs a use elsewhere, which the message names
    String executor = writing.call().serialExecutor();
    if (ThreadRoot.isSharedExecutor(executor)) {
      String elsewhere = usedOffExecutor(calls, executor);
      if (elsewhere == null) {
        return null;
      }
      said += "; the tasks of " + ThreadRoot.sharedExecutorDisplay(executor) + " run one at a time, but " + elsewhere;
    }
    return said + ". " + fix;
  }

  /**
   * How a use of the map may run elsewhere than in the tasks of the single-thread executor {@code
   * executor}, as the message says it: a user code outside the project may call, or a call up the
   * callers of a user that runs in no task of it (in another task, or in a method whose own callers
   * are not all known), or calls that cannot be listed (or that more than {@link
   * CallerChains#MAX_FILES_PER_QUESTION} files may hold); null when every use runs in its tasks.
   */
  private String usedOffExecutor(ProjectCalls calls, String executor) {
    for (ProjectMethod user : users) {
      String verb = writers.contains(user) ? " writes" : " reads";
      if (open.contains(user)) {
        return user.display() + verb + " it on its callers' threads";
      }
      ProjectCall elsewhere = firstOffExecutor(calls, user, executor);
      if (elsewhere == CallerChains.UNANSWERED) {
        return user.display() + verb + " it where the calls cannot all be listed";
      }
      if (elsewhere != null) {
        return elsewhere.who()
            + (elsewhere.thread() != null ? ", in " + elsewhere.thread() + "," : ", on its callers' threads,")
            + " leads to "
            + user.display()
            + ", which"
            + verb
            + " it";
      }
    }
    return null;
  }

  /**
   * The first call up the callers of {@code user} that runs in no task of {@code executor}; {@link
   * CallerChains#UNANSWERED} when the calls cannot be listed, or when more than {@link
   * CallerChains#MAX_FILES_PER_QUESTION} files may hold them (a name half the tree calls may run anywhere); null
   * when there is none.
   */
  private static ProjectCall firstOffExecutor(ProjectCalls calls, ProjectMethod user, String executor) {
    if (calls.filesToRead(user) > CallerChains.MAX_FILES_PER_QUESTION) {
      return CallerChains.UNANSWERED;
    }
    return CallerChains.firstStanding(
        calls,
        user,
        call ->
            call.thread() == null
                ? CallerChains.Step.FOLLOW
                : call.onSerialExecutor(executor) ? CallerChains.Step.SAFE : CallerChains.Step.STANDS);
  }

  /** A task's call that leads to a writer, and how the message says it. */
  private record TaskWrite(ProjectCall call, String said) {}

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

package io.mapguard.engine.project;

import java.util.List;
import java.util.Objects;

/**
 * An instance map that its own class writes only on its callers' threads, with no lock and no
 * thread of its own: it is shared when another class keeps the object in a field (of the class's
 * type, or of an interface or superclass whose method the class implements: a call through it runs
 * the class's body on an object of the class), calls a method that writes the map through that
 * field in a task's own code (the lambda or anonymous class handed to an executor, a thread
 * class's {@code run()}), and uses the map through the same field on
 * another thread: in a method its callers call (code outside the project may call it too), or in
 * another task. The two uses then reach one object at once, unless both calls hold the using
 * class's own monitor or a {@code synchronized} block on the field's object. The finding stands
 * naming the task, the field and the other use.
 *
 * <p>Like {@link WrittenByTaskElsewhere} it adds a finding the class alone would not make: when the
 * calls cannot be listed, or answering would read more than {@link CallerChains#MAX_FILES_PER_QUESTION} files,
 * it does not stand. What it cannot see keeps it quiet: an object handed in as an argument or made
 * in the task (no field), a write from a method the task calls rather than in the task's code,
 * unless a private method of the task's class that only that task calls (the walk up other
 * methods' callers cost mapvet 1.6 times a scan of Tomcat), a use in a constructor
 * (before the object is shared), a use in a method only the project calls (its callers may all run
 * on the task's thread). Copies of one task stand alone: a task a method its callers call hands to
 * an executor of several threads on every call, or one started in a loop, writes the object from
 * several threads at once ({@link ProjectCall#copies}).
 *
 * @param writers the methods of the class, as other classes call them, that write the map
 * @param users the methods of the class, as other classes call them, that use the map (writers
 *     included)
 * @param fix what the message advises once the finding stands
 */
public record WrittenThroughSharedFieldByTask(List<ProjectMethod> writers, List<ProjectMethod> users, String fix)
    implements ProjectCondition {

  /**
   * Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why (conditions key the
   * tables that decide each once); the generated hash's value.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof WrittenThroughSharedFieldByTask that
            && Objects.equals(writers, that.writers)
            && Objects.equals(users, that.users)
            && Objects.equals(fix, that.fix);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Objects.hashCode(writers) + Objects.hashCode(users)) + Objects.hashCode(fix);
  }

  public WrittenThroughSharedFieldByTask {
    writers = List.copyOf(writers);
    users = List.copyOf(users);
  }

  @Override
  public String standing(ProjectCalls calls) {
    for (ProjectMethod writer : writers) {
      // only the calls made on a field in task code (mapvet: in files whose index says they may
      // hold one): reading every file that calls a common name (add, put) for every map would cost
      // a scan many times over
      if (calls.filesToReadThroughFieldsInTasks(writer) > CallerChains.MAX_FILES_PER_QUESTION) {
        return null;
      }
      List<ProjectCall> writes = calls.callsThroughFieldsInTasks(writer);
      if (writes == null) {
        return null;
      }
      for (ProjectCall write : writes) {
        if (!write.mayDispatchToMethod() || write.receiverField() == null) {
          continue;
        }
        String task = write.thread();
        if (task == null) {
          continue;
        }
        String written =
            "it is written in "
                + task
                + ", through "
                + writer.display()
                + " on "
                + fieldOwner(write.receiverField())
                + "'s field '"
                + fieldName(write.receiverField())
                + "' ("
                + write.place()
                + ")";
        Use other = useOnAnotherThread(calls, write, task);
        if (other != null) {
          return written
              + ", and "
              + other.call().who()
              + (other.inAnotherTask() ? ", in " + other.call().thread() + "," : "")
              + (writers.contains(other.method()) ? " writes" : " reads")
              + " it through the same field"
              + (other.inAnotherTask() ? "" : " on its callers' threads")
              + ". "
              + fix;
        }
        if (write.copies() != null && !holdsAMonitor(write)) {
          // with no use on another thread, copies of the task still write the one object at once
          // (copies that hold a monitor around the call all take the same one: theirs is the same code)
          return written + ", and copies of that task run at once: " + write.copies() + ". " + fix;
        }
      }
    }
    return null;
  }

  /**
   * A call of one of {@link #users}, the user it calls, and whether it is on another thread as
   * another task's (else as its callers', whoever they are).
   */
  private record Use(ProjectCall call, ProjectMethod method, boolean inAnotherTask) {}

  /**
   * A call of one of {@link #users} through the same field as {@code write}, made on a thread other
   * than {@code task}'s, with no monitor in common; null when there is none.
   */
  private Use useOnAnotherThread(ProjectCalls calls, ProjectCall write, String task) {
    for (ProjectMethod user : users) {
      if (calls.filesToRead(user) > CallerChains.MAX_FILES_PER_QUESTION) {
        continue; // a use this question cannot afford to look for is no evidence
      }
      List<ProjectCall> uses = calls.callsOf(user);
      if (uses == null) {
        return null;
      }
      for (ProjectCall use : uses) {
        if (!use.mayDispatchToMethod()
            || !write.receiverField().equals(use.receiverField())
            || use.file().equals(write.file()) && use.line() == write.line()) {
          continue;
        }
        // tasks of one single-thread executor run one at a time, whichever class submits them
        boolean inAnotherTask =
            use.thread() != null && !use.thread().equals(task) && !use.onOneSerialExecutorWith(write);
        // a method code outside the project may call runs on its callers' threads too, even when a
        // task of its class calls it
        boolean onCallersThreads =
            use.thread() == null
                ? use.caller() != null && use.callerOpen() && !use.caller().isConstructor()
                : use.alsoOnCallersThreads();
        if ((inAnotherTask || onCallersThreads) && !monitorInCommon(write, use)) {
          return new Use(use, user, inAnotherTask);
        }
      }
    }
    return null;
  }

  /** Whether some monitor is held at the call: the caller's own, the receiver's, or a class's. */
  private static boolean holdsAMonitor(ProjectCall call) {
    return call.callerMonitorHeld() || call.receiverMonitorHeld() || !call.classMonitorsHeld().isEmpty();
  }

  /** Both calls hold the using class's own monitor, or a {@code synchronized} block on the field's object. */
  private static boolean monitorInCommon(ProjectCall one, ProjectCall other) {
    return one.callerMonitorHeld() && other.callerMonitorHeld()
        || one.receiverMonitorHeld() && other.receiverMonitorHeld()
        || one.classMonitorsHeld().stream().anyMatch(other.classMonitorsHeld()::contains);
  }

  /** "OrderProcessor" for the field "orders.OrderProcessor#inventory". */
  private static String fieldOwner(String field) {
    String owner = field.substring(0, field.indexOf('#'));
    return owner.substring(owner.lastIndexOf('.') + 1);
  }

  /** "inventory" for the field "orders.OrderProcessor#inventory". */
  private static String fieldName(String field) {
    return field.substring(field.indexOf('#') + 1);
  }
}

package io.mapguard.engine.model;

import java.util.Objects;
import java.util.Set;

/**
 * A body of code that runs as one piece: a method, constructor, initializer, or task body (a lambda,
 * method reference target or anonymous class handed to a thread-start API).
 *
 * @param name a readable name, e.g. {@code get(String)} or {@code lambda at line 12}
 * @param isPrivate whether only code of this class can call it (lock summaries apply)
 * @param entryLocks locks held on entry by declaration: {@code synchronized}, {@code @Holding}
 * @param task the root for a task body, else null
 * @param exported whether code the analysis does not see may call it: a public method of a class
 *     other files see, or an override (its supertype's callers reach it). The calls of any other method are all known: a lock every one of them holds
 *     is held in it, an object every one of them owns stays owned in it (until the project-wide
 *     index sees other classes' calls, the known calls are the class's own)
 * @param nestedClass the simple name of the nested (inner, local, anonymous) class whose code this
 *     is, as nested classes' fields are named ({@code State} for {@code State.index}); null for the
 *     top-level class's own code
 * @param constructor a constructor proper, not a method given the construction role (a
 *     {@code @PostConstruct} method, a private {@code init()}): it runs once per new object, on
 *     whatever thread calls {@code new}, so it builds its own object but not the class's static state
 */
public record CodeUnit(
    int id,
    Kind kind,
    String name,
    boolean isPrivate,
    Set<LockRef> entryLocks,
    ThreadRoot task,
    boolean exported,
    String nestedClass,
    boolean constructor) {

  /** A unit of the top-level class only the class calls: a task body, a lambda, a private method. */
  public CodeUnit(int id, Kind kind, String name, boolean isPrivate, Set<LockRef> entryLocks, ThreadRoot task) {
    this(id, kind, name, isPrivate, entryLocks, task, false, null, false);
  }

  /**
   * The id alone: units are map keys throughout the analysis, and the record's own hash would go
   * through every entry lock and the task's description each time. Equal units have equal ids, so
   * this agrees with the record's {@code equals}.
   */
  @Override
  public int hashCode() {
    return Integer.hashCode(id);
  }

  /**
   * The record's equality, written out. A record's generated {@code equals}, {@code hashCode} and
   * {@code toString} are linked through method handles at their first call ({@code
   * java.lang.runtime.ObjectMethods}), and in a compiler plugin that spins some dozens of classes
   * and makes the JIT compile the JDK's class writer, all on the compile's time (docs/performance.md,
   * session 32). So the records the analysis compares or keys tables with write theirs out.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof CodeUnit unit
            && id == unit.id
            && isPrivate == unit.isPrivate
            && exported == unit.exported
            && constructor == unit.constructor
            && kind == unit.kind
            && Objects.equals(name, unit.name)
            && Objects.equals(entryLocks, unit.entryLocks)
            && Objects.equals(task, unit.task)
            && Objects.equals(nestedClass, unit.nestedClass);
  }

  /**
   * A lambda or method reference ("lambda at line 12", "method reference at line 12"), named after
   * where it is written rather than a method.
   */
  public boolean functional() {
    return name.startsWith("lambda at line ") || name.startsWith("method reference at line ");
  }

  public enum Kind {
    METHOD,
    CONSTRUCTOR,
    INITIALIZER,
    TASK
  }
}

package io.mapguard.engine.model;


/**
 * Where a lambda, method reference or anonymous class body runs: as a task on another thread, inline
 * on the caller's thread (keeping its locks), or later on an unknown thread (holding nothing).
 */
public record FunctionalContext(Kind kind, ThreadRoot task) {
  public enum Kind {
    TASK,
    INLINE,
    DEFERRED
  }

  public static final FunctionalContext INLINE = new FunctionalContext(Kind.INLINE, null);
  public static final FunctionalContext DEFERRED = new FunctionalContext(Kind.DEFERRED, null);

  public static FunctionalContext task(ThreadRoot root) {
    return new FunctionalContext(Kind.TASK, root);
  }
}

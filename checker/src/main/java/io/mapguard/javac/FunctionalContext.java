package io.mapguard.javac;

import io.mapguard.engine.model.ThreadRoot;

/**
 * Where a lambda, method reference or anonymous class body runs: as a task on another thread, inline
 * on the caller's thread (keeping its locks), or later on an unknown thread (holding nothing).
 */
record FunctionalContext(Kind kind, ThreadRoot task) {
  enum Kind {
    TASK,
    INLINE,
    DEFERRED
  }

  static final FunctionalContext INLINE = new FunctionalContext(Kind.INLINE, null);
  static final FunctionalContext DEFERRED = new FunctionalContext(Kind.DEFERRED, null);

  static FunctionalContext task(ThreadRoot root) {
    return new FunctionalContext(Kind.TASK, root);
  }
}

package io.mapguard.engine.extract;

import java.util.function.Supplier;

/**
 * An answer worked out the first time it is asked for: facts some rules need for a few units only,
 * and that can cost a front end's type solver (who may call a method, see {@link ProjectCallShapes}).
 * Used by one thread, as the facts of one class are.
 */
final class Memo<T> implements Supplier<T> {
  private final Supplier<T> compute;
  private boolean done;
  private T value;

  private Memo(Supplier<T> compute) {
    this.compute = compute;
  }

  static <T> Supplier<T> of(Supplier<T> compute) {
    return new Memo<>(compute);
  }

  @Override
  public T get() {
    if (!done) {
      value = compute.get();
      done = true;
    }
    return value;
  }
}

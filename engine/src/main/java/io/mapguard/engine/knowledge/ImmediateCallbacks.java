package io.mapguard.engine.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * APIs that run their functional arguments right away on the calling thread, so the callback keeps
 * the caller's locks. Checked before {@link ThreadStartApis}, so users can declare an executor that
 * runs inline (e.g. a direct executor) here. Callbacks passed to APIs in neither table are also taken
 * to run inline: reporting them as unlocked would be a guess, and a wrong guess is a false positive.
 */
public final class ImmediateCallbacks {

  private static final List<MethodRef> DEFAULTS =
      List.of(
          new MethodRef("java.util.Map", "forEach"),
          new MethodRef("java.util.Map", "compute"),
          new MethodRef("java.util.Map", "computeIfAbsent"),
          new MethodRef("java.util.Map", "computeIfPresent"),
          new MethodRef("java.util.Map", "merge"),
          new MethodRef("java.util.Map", "replaceAll"),
          new MethodRef("java.lang.Iterable", "forEach"),
          new MethodRef("java.util.Collection", "removeIf"),
          new MethodRef("java.util.List", "sort"),
          new MethodRef("java.util.List", "replaceAll"),
          new MethodRef("java.util.Collections", "sort"),
          new MethodRef("java.util.Iterator", "forEachRemaining"),
          new MethodRef("java.util.Optional", "map"),
          new MethodRef("java.util.Optional", "flatMap"),
          new MethodRef("java.util.Optional", "filter"),
          new MethodRef("java.util.Optional", "ifPresent"),
          new MethodRef("java.util.Optional", "ifPresentOrElse"),
          new MethodRef("java.util.Optional", "orElseGet"),
          new MethodRef("java.util.stream.BaseStream", "*"),
          new MethodRef("com.google.common.util.concurrent.MoreExecutors", "directExecutor"));

  private final List<MethodRef> methods;
  private final ByMethodName<MethodRef> byName;
  /** The ones that also hold a lock around their callbacks (the option lockingCallbackMethods). */
  private final List<MethodRef> locking;
  private final ByMethodName<MethodRef> lockingByName;

  private ImmediateCallbacks(List<MethodRef> methods, List<MethodRef> locking) {
    this.methods = List.copyOf(methods);
    this.byName = new ByMethodName<>(this.methods, ref -> ref);
    this.locking = List.copyOf(locking);
    this.lockingByName = new ByMethodName<>(this.locking, ref -> ref);
  }

  public static ImmediateCallbacks defaults() {
    return new ImmediateCallbacks(DEFAULTS, List.of());
  }

  public ImmediateCallbacks with(Collection<MethodRef> extra) {
    List<MethodRef> all = new ArrayList<>(methods);
    all.addAll(extra);
    return new ImmediateCallbacks(all, locking);
  }

  /**
   * With methods that run their callbacks right away holding a lock they are given ({@code
   * Locks.withLock(lock, () -> …)}): the lock is their first argument that is not a callback, or
   * their receiver when they have none. They are immediate callbacks too.
   */
  public ImmediateCallbacks withLocking(Collection<MethodRef> extra) {
    List<MethodRef> all = new ArrayList<>(methods);
    all.addAll(extra);
    List<MethodRef> allLocking = new ArrayList<>(locking);
    allLocking.addAll(extra);
    return new ImmediateCallbacks(all, allLocking);
  }

  /** The locking entries that may match a call of a method named {@code name}. */
  public List<MethodRef> lockingCandidates(String name) {
    return lockingByName.candidates(name);
  }

  /** Entries; a name of {@code *} matches every method of the owner and its subtypes. */
  public List<MethodRef> methods() {
    return methods;
  }

  /** The entries that may match a call of a method named {@code name}: its owner decides. */
  public List<MethodRef> candidates(String name) {
    return byName.candidates(name);
  }
}

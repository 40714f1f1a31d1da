package io.mapguard.engine.knowledge;

import io.mapguard.engine.model.LockOperation;
import io.mapguard.engine.model.LockRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lock types other than monitors, and which of their methods take or release them. A front end
 * treats an acquire method that returns {@code boolean} as "held only where it returned true"
 * ({@code tryLock()}, {@code Monitor.enterIf(guard)}); one that returns nothing as taking the lock.
 */
public final class LockApis {
  /**
   * An exclusive lock type, matched with its subtypes.
   *
   * @param owner the qualified type name
   * @param acquire methods that take the lock (conditionally when they return boolean)
   * @param release methods that release it
   */
  public record ExclusiveLock(String owner, Set<String> acquire, Set<String> release) {}

  public static final List<ExclusiveLock> EXCLUSIVE_LOCKS =
      List.of(
          new ExclusiveLock(
              "java.util.concurrent.locks.Lock",
              Set.of("lock", "lockInterruptibly", "tryLock"),
              Set.of("unlock")),
          // Guava's Monitor: enter()/leave() in try/finally, enterIf/tryEnter/enter(timeout) return
          // whether the monitor was entered.
          new ExclusiveLock(
              "com.google.common.util.concurrent.Monitor",
              Set.of(
                  "enter",
                  "enterInterruptibly",
                  "enterWhen",
                  "enterWhenUninterruptibly",
                  "enterIf",
                  "enterIfInterruptibly",
                  "tryEnter",
                  "tryEnterIf"),
              Set.of("leave")));

  /**
   * A callback the lock's owner always calls with the lock held, e.g. {@code Monitor.Guard.isSatisfied()}.
   *
   * @param owner the type whose subclasses override the callback
   * @param method the callback's name
   * @param lockArgument which constructor argument of {@code owner} is the lock
   */
  public record CallbackUnderLock(String owner, String method, int lockArgument) {}

  public static final List<CallbackUnderLock> CALLBACKS_UNDER_LOCK =
      List.of(
          new CallbackUnderLock("com.google.common.util.concurrent.Monitor.Guard", "isSatisfied", 0));

  /** The type of an exclusive lock object: a variable of it initialised from a lock is that lock. */
  public static final String LOCK = "java.util.concurrent.locks.Lock";

  public static final String READ_WRITE_LOCK = "java.util.concurrent.locks.ReadWriteLock";

  public static final String STAMPED_LOCK = "java.util.concurrent.locks.StampedLock";

  /**
   * A method of a read-write or stamped lock that hands out one of its modes as a {@code Lock}
   * ({@code rw.readLock()}, {@code sl.asWriteLock()}): taking that lock takes the owner in the mode.
   */
  public record LockView(String owner, String method, LockRef.Mode mode, LockRef.Kind kind) {}

  public static final List<LockView> LOCK_VIEWS =
      List.of(
          new LockView(READ_WRITE_LOCK, "readLock", LockRef.Mode.READ, LockRef.Kind.READ_WRITE_LOCK),
          new LockView(READ_WRITE_LOCK, "writeLock", LockRef.Mode.WRITE, LockRef.Kind.READ_WRITE_LOCK),
          new LockView(STAMPED_LOCK, "asReadLock", LockRef.Mode.READ, LockRef.Kind.STAMPED_LOCK),
          new LockView(STAMPED_LOCK, "asWriteLock", LockRef.Mode.WRITE, LockRef.Kind.STAMPED_LOCK));

  /** A lock class that is one mode of a read-write lock, whatever expression holds it. */
  public record ModeLockClass(String type, LockRef.Mode mode) {}

  public static final List<ModeLockClass> MODE_LOCK_CLASSES =
      List.of(
          new ModeLockClass("java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock", LockRef.Mode.READ),
          new ModeLockClass("java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock", LockRef.Mode.WRITE));

  /** What a {@code StampedLock} method does: take or release the lock in a mode. */
  private record StampedOperation(LockOperation.Kind kind, LockRef.Mode mode) {}

  private static final Map<String, StampedOperation> STAMPED_LOCK_OPERATIONS =
      Map.ofEntries(
          Map.entry("writeLock", new StampedOperation(LockOperation.Kind.ACQUIRE, LockRef.Mode.WRITE)),
          Map.entry("writeLockInterruptibly", new StampedOperation(LockOperation.Kind.ACQUIRE, LockRef.Mode.WRITE)),
          Map.entry("readLock", new StampedOperation(LockOperation.Kind.ACQUIRE, LockRef.Mode.READ)),
          Map.entry("readLockInterruptibly", new StampedOperation(LockOperation.Kind.ACQUIRE, LockRef.Mode.READ)),
          // a stamp that is not 0 when the mode was taken (or the held stamp converted to it)
          Map.entry("tryWriteLock", new StampedOperation(LockOperation.Kind.TRY_STAMP, LockRef.Mode.WRITE)),
          Map.entry("tryConvertToWriteLock", new StampedOperation(LockOperation.Kind.TRY_STAMP, LockRef.Mode.WRITE)),
          Map.entry("tryReadLock", new StampedOperation(LockOperation.Kind.TRY_STAMP, LockRef.Mode.READ)),
          Map.entry("unlockWrite", new StampedOperation(LockOperation.Kind.RELEASE, LockRef.Mode.WRITE)),
          Map.entry("unlockRead", new StampedOperation(LockOperation.Kind.RELEASE, LockRef.Mode.READ)),
          Map.entry("tryUnlockWrite", new StampedOperation(LockOperation.Kind.RELEASE, LockRef.Mode.WRITE)),
          Map.entry("tryUnlockRead", new StampedOperation(LockOperation.Kind.RELEASE, LockRef.Mode.READ)),
          // unlock(stamp) releases whichever mode the stamp holds
          Map.entry("unlock", new StampedOperation(LockOperation.Kind.RELEASE_ANY_MODE, LockRef.Mode.WRITE)));

  /** {@code StampedLock} methods that take or release a stamp. */
  public static final Set<String> STAMPED_LOCK_METHODS = STAMPED_LOCK_OPERATIONS.keySet();

  /** What calling {@code method} on the StampedLock named {@code lock} does, or null if nothing. */
  public static LockOperation stampedLockOperation(String method, String lock) {
    StampedOperation operation = STAMPED_LOCK_OPERATIONS.get(method);
    return operation == null
        ? null
        : new LockOperation(operation.kind(), new LockRef(lock, operation.mode(), LockRef.Kind.STAMPED_LOCK));
  }

  /** Every method name that may take or release a lock: a cheap filter before type checks. */
  public static final Set<String> ALL_METHOD_NAMES =
      Stream.concat(
              STAMPED_LOCK_METHODS.stream(),
              EXCLUSIVE_LOCKS.stream()
                  .flatMap(l -> Stream.concat(l.acquire().stream(), l.release().stream())))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * {@code Thread.holdsLock(lock)}: asserted, it says the lock is held on entry. Matched by how the
   * receiver is written ({@code Thread} or {@code java.lang.Thread}), as an assert is read before
   * types matter.
   */
  public static final MethodRef HOLDS_LOCK = new MethodRef("java.lang.Thread", "holdsLock");

  private LockApis() {}
}

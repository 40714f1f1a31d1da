package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --locking-callback-methods}: a callback passed to such a method holds the lock the call is
 * given (a {@code Lock} argument, or any other object as a monitor, which is then no read of a map).
 */
class LockingCallbackOptionTest {
  private static final String LOCKS =
      String.join(
          "\n",
          "package l;",
          "import java.util.concurrent.locks.Lock;",
          "import java.util.function.Supplier;",
          "public final class Locks {",
          "  public static <T> T withLock(Lock lock, Supplier<T> body) {",
          "    lock.lock();",
          "    try { return body.get(); } finally { lock.unlock(); }",
          "  }",
          "  public static void locked(Object monitor, Runnable body) {",
          "    synchronized (monitor) { body.run(); }",
          "  }",
          "}",
          "");

  private static final String USERS =
      String.join(
          "\n",
          "package l;",
          "import java.util.HashMap;",
          "import java.util.Map;",
          "import java.util.concurrent.locks.Lock;",
          "import java.util.concurrent.locks.ReentrantLock;",
          "public class Users {",
          "  private final Lock lock = new ReentrantLock();",
          "  private final Map<String, String> names = new HashMap<>();",
          "  private final Map<String, Integer> hits = new HashMap<>();",
          "  public String name(String id) { return Locks.withLock(lock, () -> names.get(id)); }",
          "  public void rename(String id, String name) { Locks.withLock(lock, () -> names.put(id, name)); }",
          "  public void remove(String id) {",
          "    lock.lock();",
          "    try { names.remove(id); } finally { lock.unlock(); }",
          "  }",
          "  public void hit(String page) { Locks.locked(hits, () -> hits.merge(page, 1, Integer::sum)); }",
          "  public int hitsOf(String page) { synchronized (hits) { return hits.getOrDefault(page, 0); } }",
          "}",
          "");

  @Test
  void theCallbackHoldsTheLockTheCallIsGiven(@TempDir Path dir) {
    CliHarness cli = new CliHarness(dir);
    cli.write("src/l/Locks.java", LOCKS);
    cli.write("src/l/Users.java", USERS);

    CliHarness.Result without = cli.runReal("src");
    assertEquals(1, without.exitCode(), without::toString);
    assertTrue(
        without.out().contains("src/l/Users.java:11:75: 'names' is written here without a lock, but it is shared"),
        without::toString);

    CliHarness.Result with =
        cli.runReal("--locking-callback-methods", "l.Locks#withLock,l.Locks#locked", "src");
    assertEquals(0, with.exitCode(), with::toString);

    cli.write("mapvet.properties", "lockingCallbackMethods = l.Locks#withLock, l.Locks#locked\n");
    CliHarness.Result fromFile = cli.runReal("src");
    assertEquals(0, fromFile.exitCode(), fromFile::toString);
  }
}

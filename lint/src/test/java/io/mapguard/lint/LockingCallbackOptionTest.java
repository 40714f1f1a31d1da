package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.fixtures.OptionSources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --locking-callback-methods}: a callback passed to such a method holds the lock the call is
 * given (a {@code Lock} argument, or any other object as a monitor, which is then no read of a map).
 */
class LockingCallbackOptionTest {
  @Test
  void theCallbackHoldsTheLockTheCallIsGiven(@TempDir Path dir) {
    CliHarness cli = new CliHarness(dir);
    cli.write("src/l/Locks.java", OptionSources.text(OptionSources.LOCKS));
    cli.write("src/l/Users.java", OptionSources.text(OptionSources.USERS));

    CliHarness.Result without = cli.runReal("src");
    assertEquals(1, without.exitCode(), without::toString);
    assertTrue(
        without.out().contains(
            "src/l/Users.java:" + OptionSources.USERS_RENAME_LINE + ":75: 'names' is written here without a lock,"
                + " but it is shared"),
        without::toString);

    CliHarness.Result with =
        cli.runReal("--locking-callback-methods", "l.Locks#withLock,l.Locks#locked", "src");
    assertEquals(0, with.exitCode(), with::toString);

    cli.write("mapvet.properties", "lockingCallbackMethods = l.Locks#withLock, l.Locks#locked\n");
    CliHarness.Result fromFile = cli.runReal("src");
    assertEquals(0, fromFile.exitCode(), fromFile::toString);
  }
}

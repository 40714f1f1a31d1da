// negative (Java 21): every access, including those inside pattern-switch arms run by tasks, holds the same lock.
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

public class PatternSwitchUnderLock {
  sealed interface Command permits Put, Drop {}

  record Put(String key, long value) implements Command {}

  record Drop(String key) implements Command {}

  private final Map<String, Long> store = new HashMap<>();
  private final ExecutorService executor;

  PatternSwitchUnderLock(ExecutorService executor) {
    this.executor = executor;
  }

  public void submit(Command command) {
    executor.submit(() -> {
      synchronized (store) {
        switch (command) {
          case Put(var key, var value) -> store.put(key, value);
          case Drop(var key) -> store.remove(key);
        }
      }
    });
  }

  public Long get(String key) {
    synchronized (store) {
      return store.get(key);
    }
  }
}

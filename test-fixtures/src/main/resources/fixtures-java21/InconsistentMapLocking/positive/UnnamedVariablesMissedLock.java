// positive (Java 22+ syntax): counts are updated under 'lock' in tasks that use unnamed variables and a record pattern; size() reads without it.
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

public class UnnamedVariablesMissedLock {
  record Hit(String page, long at) {}

  private final Object lock = new Object();
  private final Map<String, Integer> counts = new HashMap<>();
  private final Executor executor;

  UnnamedVariablesMissedLock(Executor executor) {
    this.executor = executor;
  }

  public void record(List<Object> batch) {
    executor.execute(() -> {
      for (Object item : batch) {
        if (item instanceof Hit(var page, long _)) {
          synchronized (lock) {
            counts.merge(page, 1, Integer::sum);
          }
        }
      }
    });
  }

  public Integer count(String page) {
    synchronized (lock) {
      return counts.get(page);
    }
  }

  public int size() {
    return counts.size(); // expect: InconsistentMapLocking "counts" "'lock'"
  }
}

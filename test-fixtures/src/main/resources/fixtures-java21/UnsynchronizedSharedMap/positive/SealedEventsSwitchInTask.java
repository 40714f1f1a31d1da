// positive (Java 21): events of a sealed hierarchy of records are applied with a pattern switch in tasks on a virtual-thread executor; the map has no lock.
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

public class SealedEventsSwitchInTask {
  sealed interface Event permits Added, Removed {}

  record Added(String key, int value) implements Event {}

  record Removed(String key) implements Event {}

  private final Map<String, Integer> state = new HashMap<>();
  private final ExecutorService executor;

  SealedEventsSwitchInTask(ExecutorService executor) {
    this.executor = executor;
  }

  public void apply(Event event) {
    executor.submit(() -> {
      switch (event) {
        case Added(var key, var value) -> state.put(key, value); // expect: UnsynchronizedSharedMap "state" "written"
        case Removed(var key) -> state.remove(key); // expect: UnsynchronizedSharedMap "state" "written"
      }
    });
  }

  public Integer valueOf(String key) {
    return state.get(key); // expect: UnsynchronizedSharedMap "state" "read"
  }
}

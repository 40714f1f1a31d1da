// negative (Java 21): the configuration is a record whose map is copied into an immutable map in its compact constructor; tasks only read it and a new record replaces it through a volatile field.
import java.util.Map;
import java.util.concurrent.ExecutorService;

public class RecordHoldsImmutableMap {
  record Config(Map<String, String> values) {
    Config {
      values = Map.copyOf(values);
    }
  }

  private volatile Config config = new Config(Map.of());
  private final ExecutorService executor;

  RecordHoldsImmutableMap(ExecutorService executor) {
    this.executor = executor;
  }

  public void reload(Map<String, String> values) {
    config = new Config(values);
  }

  public void use(String key) {
    executor.submit(() -> switch (config.values().get(key)) {
      case null -> "default";
      case String s when s.isBlank() -> "blank";
      case String s -> s;
    });
  }
}

package io.mapguard.lint.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads a {@code mapvet.properties} file. Unknown keys are errors: a misspelt {@code exlcude} that
 * was silently ignored would scan generated code in CI without anyone noticing.
 */
public final class ConfigFile {
  /** Picked up from the working directory when {@code --config} is not given. */
  public static final String DEFAULT_NAME = "mapvet.properties";

  public static final List<String> KEYS =
      List.of(
          "checks",
          "disable",
          "exclude",
          "immediateMethods",
          "lockingCallbackMethods",
          "threadStartMethods",
          "everyAccess",
          "staticCachesShared");

  private ConfigFile() {}

  public static ConfigValues load(Path file, String shownAs) throws ConfigException {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // A FIFO would block and a device (/dev/zero) fill the heap.
      throw new ConfigException(shownAs + ": not a regular file");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException(shownAs + ": no such file");
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(shownAs + ": cannot read (" + e.getMessage() + ")", e);
    }
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      if (!KEYS.contains(key)) {
        throw new ConfigException(
            shownAs + ": unknown key '" + key + "' (keys: " + String.join(", ", KEYS) + ")");
      }
    }
    return new ConfigValues(
        value(properties, "checks"),
        value(properties, "disable"),
        value(properties, "immediateMethods"),
        value(properties, "threadStartMethods"),
        value(properties, "exclude"),
        value(properties, "everyAccess"),
        value(properties, "staticCachesShared"),
        value(properties, "lockingCallbackMethods"));
  }

  private static Optional<String> value(Properties properties, String key) {
    return Optional.ofNullable(properties.getProperty(key)).map(String::strip);
  }
}

package io.mapguard.testing;

/**
 * The smallest class with a finding: a HashMap written by a thread the class starts and read by a
 * public method (UnsynchronizedSharedMap at lines 5 and 6). For tests of options, reports and the
 * plugin's behaviour, where what matters is that there is one.
 */
public final class RacySource {
  public static final String NAME = "Racy";

  public static final String[] LINES = {
    "import java.util.HashMap;",
    "import java.util.Map;",
    "class Racy {",
    "  private final Map<String, Integer> m = new HashMap<>();",
    "  void start() { new Thread(() -> m.put(\"a\", 1)).start(); }",
    "  Integer get() { return m.get(\"a\"); }",
    "}"
  };

  /** The class as one string, as written to a file. */
  public static String text() {
    return String.join("\n", LINES);
  }

  private RacySource() {}
}

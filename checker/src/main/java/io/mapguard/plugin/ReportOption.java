package io.mapguard.plugin;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code -report=<file>}, taken out of the plugin's arguments before the analysis options are
 * parsed: it says where findings go, not what the analysis does.
 *
 * @param path the report file, null when not asked for, empty when given without a file
 * @param otherArgs the arguments without it
 */
record ReportOption(String path, String[] otherArgs) {
  private static final String PREFIX = "-report=";

  static ReportOption take(String... args) {
    String path = null;
    List<String> others = new ArrayList<>();
    for (String arg : args) {
      List<String> kept = new ArrayList<>();
      for (String part : arg.trim().split("\\s+")) {
        if (part.startsWith(PREFIX)) {
          path = part.substring(PREFIX.length());
        } else if (!part.isEmpty()) {
          kept.add(part);
        }
      }
      if (!kept.isEmpty()) {
        others.add(String.join(" ", kept));
      }
    }
    return new ReportOption(path, others.toArray(new String[0]));
  }
}

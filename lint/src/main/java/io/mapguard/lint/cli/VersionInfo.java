package io.mapguard.lint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** mapvet's version, from a resource the build fills in (so it never drifts from the pom). */
public final class VersionInfo implements CommandLine.IVersionProvider {
  private static final String RESOURCE = "/io/mapguard/lint/mapvet.properties";

  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Fall through: a missing version must not stop a scan.
    }
    String version = properties.getProperty("version", "unknown");
    return version.startsWith("${") ? "unknown" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"mapvet " + version()};
  }
}

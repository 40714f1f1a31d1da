package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The relaunch decision of {@code java -jar mapvet.jar}, and its agreement with the ./mapvet script,
 * which is also the distribution's bin/mapvet.
 */
class RelaunchTest {
  private static final String CP = "/opt/mapvet.jar";

  @Test
  void relaunchesAJvmStartedWithoutOptions() {
    assertEquals(java.util.Optional.empty(), Relaunch.reasonToStay(Map.of(), null, () -> List.of(), CP));
  }

  @Test
  void neverRelaunchesTwice() {
    assertEquals("already relaunched", Relaunch.reasonToStay(Map.of(), "jar", () -> List.of(), CP).orElseThrow());
  }

  @Test
  void optOutWithMapvetNoRelaunch() {
    assertTrue(Relaunch.reasonToStay(Map.of("MAPVET_NO_RELAUNCH", "1"), null, () -> List.of(), CP).isPresent());
    assertTrue(Relaunch.reasonToStay(Map.of("MAPVET_NO_RELAUNCH", "yes"), null, () -> List.of(), CP).isPresent());
    // "0", "false" and an empty value do not opt out
    assertFalse(Relaunch.reasonToStay(Map.of("MAPVET_NO_RELAUNCH", "0"), null, () -> List.of(), CP).isPresent());
    assertFalse(Relaunch.reasonToStay(Map.of("MAPVET_NO_RELAUNCH", "false"), null, () -> List.of(), CP).isPresent());
    assertFalse(Relaunch.reasonToStay(Map.of("MAPVET_NO_RELAUNCH", ""), null, () -> List.of(), CP).isPresent());
  }

  @Test
  void keepsTheUsersOwnJvmOptions() {
    String reason = Relaunch.reasonToStay(Map.of(), null, () -> List.of("-Xmx4g"), CP).orElseThrow();
    assertTrue(reason.contains("-Xmx4g"), reason);
  }

  @Test
  void optionsFromJavaToolOptionsAreNotTheUsersChoiceForMapvet() {
    // the child reads JAVA_TOOL_OPTIONS too, so they do not stop the relaunch
    Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", " -Dfile.encoding=UTF-8  -XX:+UseContainerSupport");
    assertEquals(
        java.util.Optional.empty(),
        Relaunch.reasonToStay(env, null, () -> List.of("-Dfile.encoding=UTF-8", "-XX:+UseContainerSupport"), CP));
    assertTrue(Relaunch.reasonToStay(env, null, () -> List.of("-Dfile.encoding=UTF-8", "-Xss8m"), CP).isPresent());
  }

  @Test
  void mapvetJavaOptsReplacesTheDefaults() {
    assertEquals(Relaunch.DEFAULT_OPTIONS, Relaunch.jvmOptions(Map.of()));
    assertEquals(Relaunch.DEFAULT_OPTIONS, Relaunch.jvmOptions(Map.of("MAPVET_JAVA_OPTS", "  ")));
    assertEquals(List.of("-Xmx4g", "-XX:+UseParallelGC"), Relaunch.jvmOptions(Map.of("MAPVET_JAVA_OPTS", " -Xmx4g  -XX:+UseParallelGC ")));
  }

  @Test
  void theChildRunsTheSameMainWithTheMarkerAndTheSameArguments() {
    List<String> command =
        Relaunch.command("/jdk/bin/java", List.of("-Xmx1g"), List.of("-XX:SharedArchiveFile=a.jsa"), CP,
            new String[] {"--format", "json", "-"});
    assertEquals(
        List.of("/jdk/bin/java", "-Xmx1g", "-D" + Relaunch.MARKER + "=jar", "-XX:SharedArchiveFile=a.jsa",
            "-cp", CP, "io.mapguard.lint.MapVet", "--format", "json", "-"),
        command);
  }

  @Test
  void theJarUsesAFreshArchiveButRecordsNoneUnlessAsked(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path jar = Files.writeString(dir.resolve("mapvet.jar"), "not really a jar");
    Path java = Files.writeString(dir.resolve("java"), "");
    // no archive: nothing to use, and recording is MAPVET_CDS=on's job
    assertEquals(List.of(), Relaunch.classDataOptions(java, List.of(), jar, false));
    Path archive = Relaunch.archiveFor(jar, java);
    Files.writeString(archive, "archive");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(java, FileTime.fromMillis(1_000_000));
    assertEquals(
        List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:SharedArchiveFile=" + archive),
        Relaunch.classDataOptions(java, List.of(), jar, false));
    // an archive older than the jar is stale
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertEquals(List.of(), Relaunch.classDataOptions(java, List.of(), jar, false));
  }

  @Test
  void cksumIsPosixCksum() {
    // values printed by `printf '%s' … | cksum`
    assertEquals(4294967295L, Relaunch.cksum(new byte[0]));
    assertEquals(1219131554L, Relaunch.cksum("abc".getBytes(StandardCharsets.UTF_8)));
    assertEquals(1987267927L, Relaunch.cksum("/usr/lib/jvm/java-17-openjdk-amd64/bin/java".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        Path.of("/x/target/mapvet-1219131554.jsa"),
        Relaunch.archiveFor(Path.of("/x/target/mapvet.jar"), Path.of("abc")));
  }

  @Test
  void theLauncherScriptUsesTheSameOptionsMarkerAndArchiveName() throws IOException {
    String script = Files.readString(Path.of("..", "mapvet"));
    assertTrue(script.contains("${MAPVET_JAVA_OPTS:-" + String.join(" ", Relaunch.DEFAULT_OPTIONS) + "}"), "default options");
    assertTrue(script.contains("-D" + Relaunch.MARKER + "="), "marker");
    assertTrue(script.contains("QUIET_CDS=\"" + String.join(" ", Relaunch.QUIET_CDS) + "\""), "quiet CDS");
    assertTrue(
        script.contains("ARCHIVE=\"$(dirname \"$JAR\")/mapvet-$(printf '%s' \"$JAVA_REAL\" | cksum | cut -d' ' -f1).jsa\""),
        "archive name");
    assertTrue(script.contains("-XX:ArchiveClassesAtExit=\"$ARCHIVE.$$\" -cp \"$JAR\" io.mapguard.lint.ClassDataTraining"), "training");
  }

  @Test
  void theDistributionsLauncherIsTheSameScript() throws Exception {
    // bin/mapvet in mapvet-<version>.zip|tar.gz is ../mapvet itself (DistributionIT compares the
    // unpacked file byte for byte and runs it), so the checks above cover it too
    String script = Files.readString(Path.of("..", "mapvet"));
    assertTrue(script.contains("JAR=\"${ROOT%/}/lib/mapvet.jar\""), "the distribution's layout");
    org.w3c.dom.Document descriptor = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("src", "assembly", "dist.xml").toFile());
    org.w3c.dom.NodeList files = descriptor.getElementsByTagName("file");
    List<String> launchers = new java.util.ArrayList<>();
    for (int i = 0; i < files.getLength(); i++) {
      org.w3c.dom.Element file = (org.w3c.dom.Element) files.item(i);
      String source = file.getElementsByTagName("source").item(0).getTextContent().trim();
      if (source.equals("${project.basedir}/../mapvet")) {
        launchers.add(file.getElementsByTagName("outputDirectory").item(0).getTextContent().trim() + "/"
            + file.getElementsByTagName("destName").item(0).getTextContent().trim() + " "
            + file.getElementsByTagName("fileMode").item(0).getTextContent().trim());
      }
    }
    assertEquals(List.of("bin/mapvet 0755"), launchers);
  }
}

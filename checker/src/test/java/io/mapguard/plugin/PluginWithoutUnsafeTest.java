package io.mapguard.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.testing.RacySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin in a javac of its own (the test JVM has javac's internals open already) where
 * sun.misc.Unsafe is denied: {@code --sun-misc-unsafe-memory-access=deny} on JDK 23+, the coming
 * default; a test hook standing in for it on older JDKs, which lack the flag.
 */
class PluginWithoutUnsafeTest {
  private static final String OFF = "mapguard is off for this compilation";

  @TempDir Path dir;

  @Test
  void offIsAWarningThatGivesFlagsThatWork() throws Exception {
    Run run = javac("-Xplugin:MapGuard");
    assertEquals(0, run.exit, run.output);
    assertTrue(run.output.contains("warning: " + OFF), run.output);
    assertTrue(
        run.output.contains(
            "Run javac with -J--add-opens=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED"
                + " -J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED"),
        run.output);
    assertTrue(run.output.contains(JavacInternals.FLAGS), run.output);
    assertFalse(run.output.contains("[UnsynchronizedSharedMap]"), run.output);
  }

  @Test
  void offFailsAWerrorBuild() throws Exception {
    Run run = javac("-Werror", "-Xplugin:MapGuard");
    assertNotEquals(0, run.exit, run.output);
    assertTrue(run.output.contains("warning: " + OFF), run.output);
  }

  @Test
  void strictMakesOffAnError() throws Exception {
    Run run = javac("-Xplugin:MapGuard -strict");
    assertEquals(1, run.exit, run.output);
    assertTrue(run.output.contains("error: " + OFF), run.output);
  }

  @Test
  void theAdvisedFlagsTurnItOnWithoutUnsafe() throws Exception {
    List<String> args = new ArrayList<>(Arrays.asList(JavacInternals.FLAGS.split(" ")));
    args.add("-Xplugin:MapGuard -strict");
    Run run = javac(args.toArray(String[]::new));
    assertEquals(0, run.exit, run.output);
    assertFalse(run.output.contains(OFF), run.output);
    // one race, reported once at its write, naming the read
    assertEquals(1, run.output.split("warning: \\[UnsynchronizedSharedMap\\]", -1).length - 1, run.output);
    assertTrue(run.output.contains("Also unguarded: line 6 (read)."), run.output);
  }

  @Test
  void errorPronesJvmConfigExportsAreEnoughToo() throws Exception {
    // this JVM's own flags (the surefire argLine): the user guide's jvm.config for Error Prone,
    // mostly exports, opening only code and comp
    List<String> args = new ArrayList<>();
    for (String flag : ThisTestJvm.javacInternalsFlags()) {
      args.add("-J" + flag);
    }
    assertEquals(10, args.size(), "the surefire argLine's javac flags: " + args);
    args.add("-Xplugin:MapGuard -strict");
    Run run = javac(args.toArray(String[]::new));
    assertEquals(0, run.exit, run.output);
    assertFalse(run.output.contains(OFF), run.output);
    assertTrue(run.output.contains("warning: [UnsynchronizedSharedMap]"), run.output);
  }

  private record Run(int exit, String output) {}

  private Run javac(String... args) throws IOException, InterruptedException {
    Path source = dir.resolve("Racy.java");
    Files.writeString(
        source,
        RacySource.text());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    command.add(
        Runtime.version().feature() >= 23
            ? "-J--sun-misc-unsafe-memory-access=deny"
            : "-J-D" + JavacInternals.DENY_UNSAFE_PROPERTY + "=true");
    command.addAll(List.of("-d", dir.resolve("out").toString(), "-processorpath"));
    command.add(ThisTestJvm.classPath());
    command.addAll(Arrays.asList(args));
    command.add(source.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }
}

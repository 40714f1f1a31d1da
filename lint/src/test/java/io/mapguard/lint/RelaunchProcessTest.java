package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mapvet's main in a real JVM started without options, as {@code java -jar mapvet.jar} is: it runs
 * again in a tuned child, whose exit code (the 0 / 1 / 2 contract), output and stdin are the
 * caller's. MAPVET_LAUNCH_TRACE makes each JVM say what it decided.
 */
class RelaunchProcessTest {
  @TempDir Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(dir.resolve("clean"));
    Files.writeString(dir.resolve("clean/A.java"), "class A {}\n");
    Files.createDirectories(dir.resolve("racy"));
    Files.copy(Path.of("..", "demo", "src", "SessionRegistry.java"), dir.resolve("racy/SessionRegistry.java"));
  }

  record Result(int exitCode, String out, String err) {}

  private Result mapvet(Map<String, String> env, String stdin, String... args) throws Exception {
    return mapvet(List.of(), env, stdin, args);
  }

  private Result mapvet(List<String> jvmOptions, Map<String, String> env, String stdin, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MapVet.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().remove("MAPVET_NO_RELAUNCH");
    builder.environment().remove("MAPVET_JAVA_OPTS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().put("MAPVET_LAUNCH_TRACE", "1");
    builder.environment().put("MAPVET_CDS", "off"); // no archive next to the test's class path
    builder.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    int exitCode = process.waitFor();
    return new Result(exitCode, Files.readString(out), Files.readString(err));
  }

  @Test
  void exitCodesComeThroughTheRelaunch() throws Exception {
    Result clean = mapvet(Map.of(), "", "clean");
    assertEquals(0, clean.exitCode(), clean::toString);
    assertTrue(clean.err().contains("mapvet: relaunching: "), clean::toString);
    assertTrue(clean.err().contains("-XX:TieredStopAtLevel=1"), clean::toString);
    assertTrue(clean.err().contains("mapvet: running in this JVM: already relaunched"), clean::toString);

    Result findings = mapvet(Map.of(), "", "racy");
    assertEquals(1, findings.exitCode(), findings::toString);
    assertTrue(findings.out().contains("[UnsynchronizedSharedMap]"), findings::toString);
    assertTrue(findings.err().contains("mapvet: relaunching: "), findings::toString);

    Result error = mapvet(Map.of(), "", "--no-such-option");
    assertEquals(2, error.exitCode(), error::toString);
    assertTrue(error.err().contains("mapvet: relaunching: "), error::toString);
    assertTrue(error.err().contains("Unknown option"), error::toString);
  }

  @Test
  void theChildReadsTheCallersStdin() throws Exception {
    Result result = mapvet(Map.of(), "racy/SessionRegistry.java\n", "--format", "json", "-");
    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.out().contains("\"rule\":\"UnsynchronizedSharedMap\""), result::toString);
    assertTrue(result.err().contains("mapvet: relaunching: "), result::toString);
  }

  @Test
  void mapvetNoRelaunchRunsInTheFirstJvm() throws Exception {
    Result result = mapvet(Map.of("MAPVET_NO_RELAUNCH", "1"), "", "racy");
    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.err().contains("mapvet: running in this JVM: MAPVET_NO_RELAUNCH is set"), result::toString);
    assertTrue(!result.err().contains("relaunching"), result::toString);
  }

  @Test
  void theUsersJvmOptionsKeepItInTheFirstJvm() throws Exception {
    // `java -Xmx512m -jar mapvet.jar`: the caller chose the JVM's options, so they are kept
    Result result = mapvet(List.of("-Xmx512m"), Map.of(), "", "racy");
    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(
        result.err().contains("mapvet: running in this JVM: the JVM was started with options of its own: [-Xmx512m]"),
        result::toString);
  }
}

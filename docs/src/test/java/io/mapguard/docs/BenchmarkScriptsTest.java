package io.mapguard.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What benchmarks/README.md promises of {@code benchmarks/mapvet-speed}'s corpora: {@code
 * CORPORA=guava} measures guava alone and never unpacks the JDK's java.base (issue 15). The script
 * runs in a copy of the tree with stand-ins for the jar and the corpus download, up to its
 * {@code MAPVET_SPEED_PREPARE_ONLY} stop.
 */
class BenchmarkScriptsTest {
  private static final Path SCRIPT = Path.of("..", "benchmarks", "mapvet-speed");

  private static int prepare(Path root, String corpora, Path temurin) throws Exception {
    Path benchmarks = Files.createDirectories(root.resolve("benchmarks"));
    Files.copy(SCRIPT, benchmarks.resolve("mapvet-speed"));
    Files.writeString(benchmarks.resolve("fetch-corpora"), "#!/usr/bin/env bash\nexit 0\n");
    assertTrue(benchmarks.resolve("fetch-corpora").toFile().setExecutable(true));
    Files.createDirectories(root.resolve("lint/target"));
    Files.writeString(root.resolve("lint/target/mapvet.jar"), "");
    ProcessBuilder builder =
        new ProcessBuilder("bash", benchmarks.resolve("mapvet-speed").toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("out.txt").toFile());
    Map<String, String> env = builder.environment();
    env.put("CORPORA", corpora);
    env.put("TEMURIN25", temurin.toString());
    env.put("MAPVET_SPEED_PREPARE_ONLY", "1");
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "mapvet-speed did not stop");
    return process.exitValue();
  }

  @Test
  void guavaAloneDoesNotUnpackJavaBase(@TempDir Path root) throws Exception {
    int exit = prepare(root, "guava", root.resolve("no-such-jdk"));
    assertEquals(0, exit, Files.readString(root.resolve("out.txt")));
    assertFalse(Files.exists(root.resolve("benchmarks/work/jdk25-java.base")));
  }

  @Test
  void javaBaseIsUnpackedWhenMeasured(@TempDir Path root) throws Exception {
    // the script unpacks with unzip, which a machine may lack (the guava-only run must not need it)
    assumeTrue(
        java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "unzip"))),
        "no unzip on PATH");
    Path jdk = root.resolve("jdk");
    Files.createDirectories(jdk.resolve("lib"));
    try (OutputStream file = Files.newOutputStream(jdk.resolve("lib/src.zip"));
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("java.base/java/lang/Object.java"));
      zip.write("package java.lang; public class Object {}\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    int exit = prepare(root, "guava java.base", jdk);
    assertEquals(0, exit, Files.readString(root.resolve("out.txt")));
    assertTrue(
        Files.exists(root.resolve("benchmarks/work/jdk25-java.base/java.base/java/lang/Object.java")));
  }

  @Test
  void anUnknownCorpusIsRefused(@TempDir Path root) throws Exception {
    assertEquals(2, prepare(root, "guava jdk", root.resolve("no-such-jdk")));
  }
}

package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The distribution as a user gets it: {@code target/mapvet-<version>.tar.gz} (and {@code .zip}),
 * built by this module's package phase, unpacked into a temporary directory, and its {@code
 * bin/mapvet} run from another working directory on the repository's demo (3 findings), with
 * {@code JAVA_HOME} at the JDK that runs the build and at each other JDK found: {@code $TEMURIN25}
 * (default {@code /usr/lib/jvm/temurin-25-jdk-amd64}) and the homes in the system property {@code
 * mapvet.it.javaHomes} (separated by {@code :}). Also: a read-only installation records its
 * class-data archive in the per-user cache directory, and the Java checks, with stand-in {@code
 * java} programs (no JVM start).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DistributionIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path DEMO = REPO.resolve("demo/src");
  private static final String SUMMARY = "mapvet: 3 findings in 1 of 1 files (0 errors)";
  private static final List<String> DEMO_RULES =
      List.of("UnsynchronizedSharedMap", "InconsistentMapLocking", "GuardedMapEscape");

  @TempDir static Path work;
  private static String version;
  private static Path install;

  @BeforeAll
  static void unpack() throws Exception {
    version = System.getProperty("mapvet.version");
    if (version == null) { // outside Maven: the one archive in target/
      try (Stream<Path> files = Files.list(TARGET)) {
        String name = files.map(p -> p.getFileName().toString())
            .filter(n -> n.startsWith("mapvet-") && n.endsWith(".tar.gz")).findFirst()
            .orElseThrow(() -> new AssertionError("no target/mapvet-*.tar.gz: run mvn package first"));
        version = name.substring("mapvet-".length(), name.length() - ".tar.gz".length());
      }
    }
    Path tarball = TARGET.resolve("mapvet-" + version + ".tar.gz");
    assertTrue(Files.isRegularFile(tarball), tarball + " missing");
    Path into = Files.createDirectories(work.resolve("install"));
    Result untar = exec(List.of("tar", "-xzf", tarball.toString(), "-C", into.toString()), work, Map.of(), "");
    assertEquals(0, untar.exitCode(), untar::toString);
    install = into.resolve("mapvet-" + version);
    Files.createDirectories(work.resolve("elsewhere"));
  }

  record Result(int exitCode, String out, String err) {}

  /** Runs {@code command} in {@code directory} with the test environment plus {@code env} (a null value unsets). */
  private static Result exec(List<String> command, Path directory, Map<String, String> env, String stdin)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.startsWith("MAPVET_"));
    environment.keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "JAVA_HOME"));
    // never the user's own cache
    environment.put("HOME", work.resolve("home").toString());
    environment.put("XDG_CACHE_HOME", work.resolve("cache").toString());
    env.forEach((k, v) -> {
      if (v == null) {
        environment.remove(k);
      } else {
        environment.put(k, v);
      }
    });
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the process did not read its stdin (it ended first): what it printed tells
    }
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("timed out: " + command);
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Result mapvet(Path launcher, Map<String, String> env, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    return exec(command, work.resolve("elsewhere"), env, stdin);
  }

  private static void assertDemoFindings(Result result) {
    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.err().contains(SUMMARY), result::toString);
    List<String> rules = result.out().lines().filter(l -> l.endsWith("]") && l.startsWith(DEMO.toString()))
        .map(l -> l.substring(l.lastIndexOf('[') + 1, l.length() - 1)).toList();
    assertEquals(DEMO_RULES, rules, result::toString);
  }

  /** The JDKs to run the launcher on: the build's own, Temurin 25 when present, any given. */
  static Stream<Arguments> javaHomes() throws IOException {
    Map<Path, String> homes = new LinkedHashMap<>();
    List<String> candidates = new ArrayList<>();
    candidates.add(System.getProperty("java.home"));
    candidates.add(System.getenv().getOrDefault("TEMURIN25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    String more = System.getProperty("mapvet.it.javaHomes", "");
    if (!more.isBlank()) {
      candidates.addAll(List.of(more.split(":")));
    }
    for (String candidate : candidates) {
      Path java = Path.of(candidate, "bin", "java");
      if (Files.isExecutable(java)) {
        homes.putIfAbsent(Path.of(candidate).toRealPath(), javaVersion(Path.of(candidate)));
      }
    }
    return homes.entrySet().stream().map(e -> Arguments.of("Java " + e.getValue(), e.getKey()));
  }

  private static String javaVersion(Path home) throws IOException {
    Path release = home.resolve("release");
    if (Files.isRegularFile(release)) {
      for (String line : Files.readAllLines(release)) {
        if (line.startsWith("JAVA_VERSION=")) {
          return line.substring("JAVA_VERSION=".length()).replace("\"", "");
        }
      }
    }
    return "?";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javaHomes")
  void runsTheDemoFromAnotherDirectory(String name, Path javaHome) throws Exception {
    Path jar = install.resolve("lib/mapvet.jar").toRealPath();
    Path archive = Relaunch.archiveFor(jar, javaHome.resolve("bin/java").toRealPath());
    Files.deleteIfExists(archive);
    Map<String, String> env = Map.of("JAVA_HOME", javaHome.toString());

    // the first run records the class-data archive next to the jar (the name java -jar looks for)
    assertDemoFindings(mapvet(install.resolve("bin/mapvet"), env, "", DEMO.toString()));
    assertTrue(Files.isRegularFile(archive), "no class-data archive " + archive);
    try (Stream<Path> lib = Files.list(install.resolve("lib"))) {
      assertEquals(List.of(), lib.filter(p -> p.toString().matches(".*\\.jsa\\.\\d+")).toList(), "temporary archive left");
    }

    // through a symbolic link in another directory, with the archive, a file list on stdin
    Path links = Files.createDirectories(work.resolve("links"));
    Path link = links.resolve("mapvet");
    if (!Files.isSymbolicLink(link)) {
      Files.createSymbolicLink(link, install.resolve("bin/mapvet"));
    }
    Result json = mapvet(link, env, DEMO.resolve("SessionRegistry.java") + "\n", "--format", "json", "-");
    assertEquals(1, json.exitCode(), json::toString);
    assertEquals(3, json.out().lines().filter(l -> l.contains("\"rule\":")).count(), json::toString);
  }

  @Test
  void exitCodesComeThrough() throws Exception {
    Files.writeString(Files.createDirectories(work.resolve("clean")).resolve("A.java"), "class A {}\n");
    Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
    Result clean = mapvet(install.resolve("bin/mapvet"), env, "", work.resolve("clean").toString());
    assertEquals(0, clean.exitCode(), clean::toString);
    Result usage = mapvet(install.resolve("bin/mapvet"), env, "", "--no-such-option");
    assertEquals(2, usage.exitCode(), usage::toString);
    assertTrue(usage.err().contains("Unknown option"), usage::toString);
  }

  @Test
  void aReadOnlyInstallationKeepsItsArchiveInTheUsersCache() throws Exception {
    Path readOnly = work.resolve("read-only/mapvet-" + version);
    copyTree(install, readOnly, p -> !p.getFileName().toString().endsWith(".jsa"));
    Path lib = readOnly.resolve("lib");
    Path cache = work.resolve("cache-ro");
    Map<String, String> env =
        Map.of("JAVA_HOME", System.getProperty("java.home"), "XDG_CACHE_HOME", cache.toString());
    setWritable(readOnly, false);
    try {
      assertDemoFindings(mapvet(readOnly.resolve("bin/mapvet"), env, "", DEMO.toString()));
      // as root (or with CAP_DAC_OVERRIDE) chmod does not stop writing: the archive went next to the jar
      Assumptions.assumeFalse(Files.isWritable(lib), "the read-only directory is writable for this user (root?)");
      assertEquals(List.of(), archives(lib), "archive written into the read-only installation");
      List<Path> cached = archives(cache.resolve("mapvet"));
      assertEquals(1, cached.size(), cached::toString);
      String javaVersion = javaVersion(Path.of(System.getProperty("java.home")));
      assertTrue(cached.get(0).getFileName().toString().endsWith("-java" + javaVersion + ".jsa"), cached::toString);
      // the second run maps it; a cache that cannot be written costs only the archive
      assertDemoFindings(mapvet(readOnly.resolve("bin/mapvet"), env, "", DEMO.toString()));
      Path notADirectory = Files.writeString(work.resolve("not-a-directory"), "");
      assertDemoFindings(mapvet(readOnly.resolve("bin/mapvet"),
          Map.of("JAVA_HOME", System.getProperty("java.home"),
              "XDG_CACHE_HOME", notADirectory.resolve("cache").toString(),
              "HOME", notADirectory.toString()), "", DEMO.toString()));
      assertEquals(List.of(), archives(lib));
    } finally {
      setWritable(readOnly, true);
    }
  }

  @Test
  void theLauncherPassesTheJarsOptionsAndExitCode() throws Exception {
    // a stand-in java on PATH (no JAVA_HOME): it logs its arguments and exits with 42
    Path bin = Files.createDirectories(work.resolve("fake-path"));
    Path log = work.resolve("fake-path.log");
    stubJava(bin.resolve("java"), log, "17.0.99");
    String path = bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    Result result = mapvet(install.resolve("bin/mapvet"), Map.of("PATH", path), "", "src", "--quiet");
    assertEquals(42, result.exitCode(), result::toString);
    List<String> calls = Files.readAllLines(log);
    assertEquals(2, calls.size(), calls::toString); // the archive's training run, then mapvet
    String options = String.join(" ", Relaunch.DEFAULT_OPTIONS) + " -D" + Relaunch.MARKER + "=script";
    String quietCds = String.join(" ", Relaunch.QUIET_CDS);
    Path jar = install.resolve("lib/mapvet.jar").toRealPath();
    assertTrue(calls.get(0).startsWith(options + " " + quietCds + " -XX:ArchiveClassesAtExit="), calls::toString);
    assertTrue(calls.get(0).endsWith(" -cp " + jar + " " + ClassDataTraining.class.getName()), calls::toString);
    // the stand-in wrote no archive, so the run goes without one
    assertEquals(options + " -jar " + jar + " src --quiet", calls.get(1));
  }

  @Test
  void javaOlderThan17IsRefusedWithAMessage() throws Exception {
    // JAVA_HOME with a release file that says Java 8
    Path java8 = work.resolve("jdk8");
    stubJava(Files.createDirectories(java8.resolve("bin")).resolve("java"), work.resolve("jdk8.log"), null);
    Files.writeString(java8.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"1.8.0_402\"\n");
    Result old = mapvet(install.resolve("bin/mapvet"), Map.of("JAVA_HOME", java8.toString()), "", "src");
    assertEquals(2, old.exitCode(), old::toString);
    assertTrue(old.err().contains("mapvet: needs Java 17 or newer, but " + java8.resolve("bin/java") + " is Java 1.8.0_402"), old::toString);
    assertFalse(Files.exists(work.resolve("jdk8.log")), "java was run");

    // no release file: the version comes from java -version
    Path java11 = work.resolve("jdk11");
    stubJava(Files.createDirectories(java11.resolve("bin")).resolve("java"), work.resolve("jdk11.log"), "11.0.22");
    Result eleven = mapvet(install.resolve("bin/mapvet"), Map.of("JAVA_HOME", java11.toString()), "", "src");
    assertEquals(2, eleven.exitCode(), eleven::toString);
    assertTrue(eleven.err().contains("is Java 11.0.22"), eleven::toString);

    // a release file that says 21: accepted (a stand-in, not a real JDK 21)
    Path java21 = work.resolve("jdk21");
    stubJava(Files.createDirectories(java21.resolve("bin")).resolve("java"), work.resolve("jdk21.log"), null);
    Files.writeString(java21.resolve("release"), "JAVA_VERSION=\"21.0.5\"\n");
    Result accepted = mapvet(install.resolve("bin/mapvet"),
        Map.of("JAVA_HOME", java21.toString(), "MAPVET_CDS", "off"), "", "src");
    assertEquals(42, accepted.exitCode(), accepted::toString);

    Result missing = mapvet(install.resolve("bin/mapvet"), Map.of("JAVA_HOME", work.resolve("no-jdk").toString()), "", "src");
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("mapvet: JAVA_HOME is '" + work.resolve("no-jdk") + "', which has no bin/java"), missing::toString);
  }

  @Test
  void theArchivesHoldTheLauncherTheJarAndTheLegalFiles() throws Exception {
    String top = "mapvet-" + version + "/";
    Set<String> expected = new TreeSet<>();
    for (String file : List.of("bin/mapvet", "lib/mapvet.jar", "README.md", "LICENSE", "NOTICE", "THIRD-PARTY.txt")) {
      expected.add(top + file);
    }
    Result tar = exec(List.of("tar", "-tzf", TARGET.resolve("mapvet-" + version + ".tar.gz").toString()), work, Map.of(), "");
    assertEquals(0, tar.exitCode(), tar::toString);
    assertEquals(expected, new TreeSet<>(tar.out().lines().filter(l -> !l.endsWith("/")).toList()));

    // the launcher is the repository's ./mapvet, executable; the jar is the shaded mapvet.jar
    assertArrayEquals(Files.readAllBytes(REPO.resolve("mapvet")), Files.readAllBytes(install.resolve("bin/mapvet")));
    assertTrue(Files.getPosixFilePermissions(install.resolve("bin/mapvet")).contains(PosixFilePermission.OTHERS_EXECUTE));
    assertArrayEquals(Files.readAllBytes(TARGET.resolve("mapvet.jar")), Files.readAllBytes(install.resolve("lib/mapvet.jar")));
    for (String legal : List.of("LICENSE", "NOTICE", "THIRD-PARTY.txt")) {
      assertArrayEquals(Files.readAllBytes(REPO.resolve(legal)), Files.readAllBytes(install.resolve(legal)), legal);
    }
    String readme = Files.readString(install.resolve("README.md"));
    assertTrue(readme.startsWith("# mapvet " + version + "\n"), readme);
    assertFalse(readme.contains("${"), "unfiltered README");

    // the zip holds the same files, with the same modes
    Path zip = TARGET.resolve("mapvet-" + version + ".zip");
    try (FileSystem zipfs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"))) {
      Set<String> entries = new TreeSet<>();
      try (Stream<Path> paths = Files.walk(zipfs.getPath("/"))) {
        paths.filter(Files::isRegularFile).forEach(p -> entries.add(p.toString().substring(1)));
      }
      assertEquals(expected, entries);
      for (String file : expected) {
        Path inZip = zipfs.getPath(file);
        Path unpacked = install.getParent().resolve(file);
        assertArrayEquals(Files.readAllBytes(unpacked), Files.readAllBytes(inZip), file);
        String mode = file.endsWith("bin/mapvet") ? "rwxr-xr-x" : "rw-r--r--";
        assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(inZip)), file);
      }
    }
  }

  /** A stand-in java: answers -version as {@code version} (when not null), logs other calls and exits with 42. */
  private static void stubJava(Path java, Path log, String version) throws IOException {
    String script = "#!/bin/sh\n"
        + (version == null ? "" : "if [ \"$1\" = -version ]; then echo 'openjdk version \"" + version + "\" 2024-01-16' >&2; exit 0; fi\n")
        + "echo \"$*\" >> '" + log + "'\n"
        + "exit 42\n";
    Files.writeString(java, script);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static List<Path> archives(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to, java.util.function.Predicate<Path> include) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.filter(include).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** chmod -R a-w, or u+w back (so that the temporary directory can be deleted). */
  private static void setWritable(Path root, boolean writable) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(writable ? Comparator.naturalOrder() : Comparator.reverseOrder()).toList()) {
        Set<PosixFilePermission> permissions = new java.util.HashSet<>(Files.getPosixFilePermissions(path));
        if (writable) {
          permissions.add(PosixFilePermission.OWNER_WRITE);
        } else {
          permissions.removeAll(Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
        }
        Files.setPosixFilePermissions(path, permissions);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

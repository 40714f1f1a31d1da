package io.mapguard.lint;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes {@code java -jar mapvet.jar} as fast as the {@code ./mapvet} launcher: started without JVM
 * options of its own, mapvet starts the same {@code java} again with the launcher's options (serial
 * collector, 1 GB heap, C1 only, huge methods compiled, and the launcher's class-data archive), lets
 * that child inherit stdin, stdout and stderr, and exits with its exit code. A scan of guava takes
 * about 1.8 s instead of 4.3 s; even one small file is faster (0.6 s instead of 1.0 s), because the
 * default JIT and collector compete with the scan from its first millisecond. See
 * docs/performance.md.
 *
 * <p>It stays in-process when the JVM is a relaunch already (the {@value #MARKER} property, which
 * the {@code ./mapvet} script sets too), when {@code MAPVET_NO_RELAUNCH} is set, when the user
 * gave the JVM options of their own ({@code java -Xmx4g -jar mapvet.jar}: their choice is kept;
 * {@code MAPVET_JAVA_OPTS} is the way to change the relaunch's options, as for the script), and
 * when the relaunch cannot start.
 *
 * <p>The options and the class-data archive (its name, when it is stale, how it is recorded) are
 * the script's: both use one archive per jar and {@code java}. The script does not delegate to this
 * class because that would cost every {@code ./mapvet} run a second JVM start (about 0.1 s); {@code
 * RelaunchTest} checks that the two agree.
 */
final class Relaunch {
  /** Set on the relaunched JVM (and by the launcher script): never relaunch twice. */
  static final String MARKER = "mapvet.launched";

  /** The launcher script's default JVM options; MAPVET_JAVA_OPTS replaces them. */
  static final List<String> DEFAULT_OPTIONS =
      List.of("-XX:+UseParallelGC", "-Xmx1g", "-Xmn300m", "-XX:TieredStopAtLevel=1", "-XX:-DontCompileHugeMethods");

  /** CDS's own messages (e.g. on picocli's Java 5 classes) are noise here. */
  static final List<String> QUIET_CDS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  /** Environment variables whose JVM options the JVM reads itself, so the child gets them too. */
  private static final List<String> INHERITED_OPTION_VARIABLES =
      List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  private Relaunch() {}

  /** Why mapvet runs in this JVM, or empty when it should relaunch. */
  static Optional<String> reasonToStay(
      Map<String, String> env, String marker, Supplier<List<String>> jvmArguments, String classPath) {
    if (marker != null) {
      return Optional.of("already relaunched");
    }
    String optOut = env.get("MAPVET_NO_RELAUNCH");
    if (optOut != null && !optOut.isBlank() && !optOut.equals("0") && !optOut.equalsIgnoreCase("false")) {
      return Optional.of("MAPVET_NO_RELAUNCH is set");
    }
    List<String> userOptions = userOptions(env, jvmArguments.get());
    if (!userOptions.isEmpty()) {
      return Optional.of("the JVM was started with options of its own: " + userOptions);
    }
    if (classPath == null || classPath.isBlank()) {
      return Optional.of("no class path");
    }
    return Optional.empty();
  }

  /**
   * The JVM options given on the command line: the JVM's input arguments without those that came
   * from {@code JAVA_TOOL_OPTIONS} and the like (the child reads those variables as well).
   */
  static List<String> userOptions(Map<String, String> env, List<String> jvmArguments) {
    Set<String> inherited = new HashSet<>();
    for (String variable : INHERITED_OPTION_VARIABLES) {
      inherited.addAll(split(env.get(variable)));
    }
    List<String> own = new ArrayList<>();
    for (String argument : jvmArguments) {
      if (!inherited.contains(argument)) {
        own.add(argument);
      }
    }
    return own;
  }

  /** The relaunch's JVM options: MAPVET_JAVA_OPTS when set and not blank, else the launcher's defaults. */
  static List<String> jvmOptions(Map<String, String> env) {
    List<String> custom = split(env.get("MAPVET_JAVA_OPTS"));
    return custom.isEmpty() ? DEFAULT_OPTIONS : custom;
  }

  static List<String> split(String options) {
    if (options == null || options.isBlank()) {
      return List.of();
    }
    return Arrays.asList(options.trim().split("\\s+"));
  }

  /**
   * The command that runs mapvet's {@code main} again: {@code java}, the options, the marker, the
   * class-data options {@code cds} (possibly none), the class path and the arguments.
   */
  static List<String> command(
      String java, List<String> options, List<String> cds, String classPath, String[] args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(options);
    command.add("-D" + MARKER + "=jar");
    command.addAll(cds);
    command.add("-cp");
    command.add(classPath);
    command.add(MapVet.class.getName());
    command.addAll(Arrays.asList(args));
    return command;
  }

  /**
   * Runs mapvet in a tuned child JVM when that applies and returns its exit code; empty when mapvet
   * should run in this JVM instead. Never throws.
   */
  static Optional<Integer> tryRelaunch(String[] args) {
    try {
      Map<String, String> env = System.getenv();
      String classPath = System.getProperty("java.class.path");
      Optional<String> stay =
          reasonToStay(
              env,
              System.getProperty(MARKER),
              // asked only when the marker is absent: the management classes cost a relaunched run
              // (and every ./mapvet run) some 10 ms of start-up
              () -> ManagementFactory.getRuntimeMXBean().getInputArguments(),
              classPath);
      boolean trace = env.containsKey("MAPVET_LAUNCH_TRACE");
      if (stay.isPresent()) {
        if (trace) {
          System.err.println("mapvet: running in this JVM: " + stay.get());
        }
        return Optional.empty();
      }
      Path java = javaExecutable();
      List<String> options = jvmOptions(env);
      List<String> cds = List.of();
      Path jar = singleJar(classPath);
      if (jar != null) {
        classPath = jar.toString();
        String mode = env.getOrDefault("MAPVET_CDS", "");
        if (!mode.equals("off")) {
          cds = classDataOptions(java, options, jar, mode.equals("on"));
        }
      }
      List<String> command = command(java.toString(), options, cds, classPath, args);
      if (trace) {
        System.err.println("mapvet: relaunching: " + String.join(" ", command));
      }
      return Optional.of(run(command));
    } catch (Exception | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Starts the child with this process's stdin, stdout and stderr, and waits for its exit code. */
  private static int run(List<String> command) throws IOException {
    Process child = new ProcessBuilder(command).inheritIO().start();
    // SIGTERM or Ctrl-C of this JVM ends the child too (a terminal's Ctrl-C reaches both anyway)
    Thread reaper = new Thread(child::destroy, "mapvet-relaunch-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    while (true) {
      try {
        return child.waitFor();
      } catch (InterruptedException e) {
        child.destroy();
      }
    }
  }

  /**
   * The running JVM's {@code java}, resolved (the script resolves {@code java} the same way): the
   * launcher of its {@code java.home}, which asks nothing of the operating system (reading the
   * process's command line cost the relaunch some 10 ms); the process's command where that has none.
   */
  static Path javaExecutable() throws IOException {
    String name = File.separatorChar == '\\' ? "java.exe" : "java";
    Path launcher = Path.of(System.getProperty("java.home"), "bin", name);
    if (Files.isRegularFile(launcher)) {
      return launcher.toRealPath();
    }
    Optional<String> command = ProcessHandle.current().info().command();
    if (command.isEmpty()) {
      throw new IOException("no java launcher in " + launcher.getParent());
    }
    return Path.of(command.get()).toRealPath();
  }

  /** The jar mapvet runs from when the class path is that one jar, resolved; else null. */
  static Path singleJar(String classPath) {
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
      return null;
    }
    try {
      Path jar = Path.of(classPath).toRealPath();
      return Files.isRegularFile(jar) ? jar : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The launcher's class-data archive for this jar and {@code java}: the same file the script uses.
   * When it is missing or older than either, and {@code record} (MAPVET_CDS=on), it is recorded the
   * script's way (from {@link ClassDataTraining}); without {@code record} the run goes without it.
   * The jar does not record by default because it is what CI jobs run, often once per fresh
   * checkout: recording costs about 1.1 s on top of a 1.9 s guava scan and saves 0.2 s per later
   * run (docs/performance.md). No options when the jar's directory is not writable or recording
   * fails. (The script then records into a per-user cache directory; the jar does not look there,
   * since that archive's name holds a checksum of the jar's content, which every start would have
   * to compute.)
   */
  static List<String> classDataOptions(Path java, List<String> options, Path jar, boolean record) {
    Path directory = jar.getParent();
    if (directory == null || !Files.isWritable(directory)) {
      return List.of();
    }
    Path archive = archiveFor(jar, java);
    List<String> useArchive = new ArrayList<>(QUIET_CDS);
    useArchive.add("-XX:SharedArchiveFile=" + archive);
    if (isFresh(archive, jar, java)) {
      return useArchive;
    }
    if (!record) {
      return List.of();
    }
    Path partial = directory.resolve(archive.getFileName() + "." + ProcessHandle.current().pid());
    List<String> training = new ArrayList<>();
    training.add(java.toString());
    training.addAll(options);
    training.addAll(QUIET_CDS);
    training.add("-XX:ArchiveClassesAtExit=" + partial);
    training.add("-cp");
    training.add(jar.toString());
    training.add(ClassDataTraining.class.getName());
    try {
      new ProcessBuilder(training)
          .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
      if (Files.isRegularFile(partial) && Files.size(partial) > 0) {
        // renamed into place, so that concurrent first runs never see half an archive
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      // only costs the archive
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // a stray temporary file; the next run writes another name
      }
    }
    return Files.isRegularFile(archive) ? useArchive : List.of();
  }

  private static String nullDevice() {
    return File.separatorChar == '\\' ? "NUL" : "/dev/null";
  }

  /** Like the script's {@code -nt} tests: the archive is newer than the jar and than {@code java}. */
  static boolean isFresh(Path archive, Path jar, Path java) {
    try {
      long archiveTime = Files.getLastModifiedTime(archive).toMillis();
      return archiveTime > Files.getLastModifiedTime(jar).toMillis()
          && archiveTime > Files.getLastModifiedTime(java).toMillis();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * {@code mapvet-<cksum of java's resolved path>.jsa} next to the jar: the script's name, so both
   * paths share one archive.
   */
  static Path archiveFor(Path jar, Path java) {
    return jar.resolveSibling("mapvet-" + cksum(java.toString().getBytes(StandardCharsets.UTF_8)) + ".jsa");
  }

  /** POSIX {@code cksum}'s CRC of {@code data} (what the script computes with the cksum tool). */
  static long cksum(byte[] data) {
    int crc = 0;
    for (byte b : data) {
      crc = update(crc, b & 0xff);
    }
    for (long length = data.length; length != 0; length >>>= 8) {
      crc = update(crc, (int) (length & 0xff));
    }
    return ~crc & 0xffffffffL;
  }

  private static int update(int crc, int octet) {
    crc ^= octet << 24;
    for (int bit = 0; bit < 8; bit++) {
      crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
    }
    return crc;
  }
}

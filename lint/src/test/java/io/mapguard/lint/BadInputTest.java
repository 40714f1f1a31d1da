package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.mapguard.lint.scan.FileProcessor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that is not clean Java, through the real JavaParser front end: each problem is one clear
 * line on stderr, the rest of the scan goes on, and nothing crashes. {@code --fail-on none} keeps
 * the exit code about whether analysis ran (0) or not (2), whatever the findings.
 */
class BadInputTest {
  private static final String GOOD =
      "package ok;\n\nimport java.util.HashMap;\nimport java.util.Map;\n\n"
          + "public class Good {\n  private final Map<String, String> m = new HashMap<>();\n\n"
          + "  public synchronized String get(String k) {\n    return m.get(k);\n  }\n}\n";

  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void goodFile() {
    cli = new CliHarness(dir);
    cli.write("src/ok/Good.java", GOOD);
  }

  @Test
  void unparsableJavaIsAParseErrorWithItsPosition() {
    cli.write("src/Broken.java", "class Broken {\n  void m( {\n  }\n}\n");

    CliHarness.Result result = cli.runReal("--fail-on", "none", "src");

    assertEquals(0, result.exitCode(), result::toString);
    List<String> err = result.errLines();
    assertEquals(2, err.size(), result::toString);
    assertTrue(err.get(0).matches("src/Broken\\.java:2:\\d+: parse error: \\S.*"), err.get(0));
    assertEquals(
        "mapvet: 0 findings in 1 of 2 files (1 error); incomplete: 1 file not analysed",
        err.get(1));
  }

  @Test
  void onlyUnparsableFilesExitTwo() {
    cli.write("bad/Broken.java", "class Broken {\n");

    CliHarness.Result result = cli.runReal("bad");

    assertEquals(2, result.exitCode());
    assertTrue(result.errLines().get(0).startsWith("bad/Broken.java:"), result::toString);
    assertEquals("mapvet: no file could be analysed", result.errLines().get(1));
  }

  @Test
  void emptyFileIsANoteAndCountsAsAnalysed() {
    cli.write("src/Empty.java", "");

    CliHarness.Result result = cli.runReal("--fail-on", "none", "src/Empty.java");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "src/Empty.java: note: file is empty; nothing to analyse",
            "mapvet: 0 findings in 1 of 1 files (0 errors)"),
        result.errLines());
  }

  @Test
  void nonUtf8BytesAreDecodedWithAFallbackCharsetAndANote() {
    cli.writeBytes(
        "src/Latin.java",
        "class Latin {\n  // caf\u00e9 au lait\n  int x;\n}\n"
            .getBytes(StandardCharsets.ISO_8859_1));

    CliHarness.Result result = cli.runReal("--fail-on", "none", "src");

    assertEquals(0, result.exitCode(), result::toString);
    List<String> err = result.errLines();
    assertEquals(2, err.size(), result::toString);
    assertTrue(
        err.get(0).startsWith("src/Latin.java:2:9: note: not valid UTF-8 (byte 0xE9); decoded as "),
        err.get(0));
    assertEquals("mapvet: 0 findings in 2 of 2 files (0 errors)", err.get(1));
  }

  @Test
  void utf8ByteOrderMarkIsAccepted() {
    byte[] text = "class Bom {}\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    cli.writeBytes("src/Bom.java", withBom);

    CliHarness.Result result = cli.runReal("--fail-on", "none", "src");

    assertEquals(List.of("mapvet: 0 findings in 2 of 2 files (0 errors)"), result.errLines());
  }

  @Test
  void utf8ByteOrderMarkThenAnInvalidByteIsStillAnalysed() {
    byte[] text =
        "class Bom {\n  // caf\u00e9\n  int x;\n}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    cli.writeBytes("src/Bom.java", withBom);

    CliHarness.Result result = cli.runReal("--fail-on", "none", "src");

    assertEquals(
        List.of(
            "src/Bom.java:2:9: note: not valid UTF-8 (byte 0xE9) after a UTF-8 byte order mark;"
                + " invalid bytes read as U+FFFD",
            "mapvet: 0 findings in 2 of 2 files (0 errors)"),
        result.errLines());
  }

  @Test
  void utf32FileIsAnalysed() {
    cli.writeBytes(
        "src/Wide.java",
        ("\uFEFF" + GOOD.replace("ok", "wide").replace("Good", "Wide"))
            .getBytes(java.nio.charset.Charset.forName("UTF-32LE")));

    CliHarness.Result result = cli.runReal("--fail-on", "none", "src");

    assertEquals(
        List.of(
            "src/Wide.java:1:1: note: file is UTF-32 (byte order mark); decoded as UTF-32",
            "mapvet: 0 findings in 2 of 2 files (0 errors)"),
        result.errLines());
  }

  /** JavaParser puts the lexer's errors at 1:1 and says where in the message. */
  @Test
  void aLexicalErrorIsPlacedWhereTheLexerStopped() {
    cli.write("src/Lex.java", "class Lex {\n  int x = 1;\n  String s = \"abc\n  ;\n}\n");

    CliHarness.Result result = cli.runReal("--fail-on", "none", "src");

    assertTrue(
        result.errLines().get(0).startsWith("src/Lex.java:3:18: parse error: Lexical error at line"
            + " 3, column 18."),
        result::toString);
  }

  @Test
  void binaryFileNamedJavaIsRejected() {
    cli.writeBytes(
        "src/Binary.java",
        new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 0x3D});

    CliHarness.Result result = cli.runReal("--fail-on", "none", "src");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "src/Binary.java: error: binary file (NUL byte at offset 4), not Java source; skipped",
            "mapvet: 0 findings in 1 of 2 files (1 error); incomplete: 1 file not analysed"),
        result.errLines());
  }

  @Test
  @Timeout(180)
  void tenMegabyteGeneratedFileIsAnalysed() throws IOException {
    Path big = cli.write("gen/big/Generated.java", generated(10 * 1024 * 1024));
    assertTrue(Files.size(big) >= 10 * 1024 * 1024);

    long start = System.nanoTime();
    CliHarness.Result result = cli.runReal("--fail-on", "none", "gen");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of("mapvet: 0 findings in 1 of 1 files (0 errors)"),
        result.errLines(),
        result::toString);
    System.out.println("10 MB file analysed in " + took.toMillis() + " ms");
  }

  /**
   * What large generated sources look like: many small classes, then a big table of data (as in
   * protobuf descriptors or lookup tables).
   */
  private static String generated(int bytes) {
    StringBuilder source =
        new StringBuilder(bytes + 4096)
            .append("package big;\n\nimport java.util.HashMap;\nimport java.util.Map;\n\n")
            .append("/** Generated code. */\npublic final class Generated {\n");
    for (int i = 0; i < 2000; i++) {
      source
          .append("  public static final class Message")
          .append(i)
          .append(" {\n")
          .append("    private final Map<String, Integer> fields = new HashMap<>();\n")
          .append("    public synchronized void put")
          .append(i)
          .append("(String k) { fields.put(k, ")
          .append(i)
          .append("); }\n")
          .append("    public synchronized int get")
          .append(i)
          .append("(String k) { return fields.getOrDefault(k, 0); }\n")
          .append("  }\n");
    }
    source.append("  static final String[] DATA = {\n");
    Random random = new Random(42);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    while (source.length() < bytes) {
      source.append("    \"");
      for (int i = 0; i < 90; i++) {
        source.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      source.append("\",\n");
    }
    return source.append("  };\n}\n").toString();
  }

  @Test
  void fileOverTheSizeLimitIsSkipped() throws IOException {
    Path huge = dir.resolve("src/Huge.java");
    // A sparse file: the size check comes before any read.
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(FileProcessor.MAX_FILE_BYTES + 1);
    }

    CliHarness.Result result = cli.runReal("--fail-on", "none", "src");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "src/Huge.java: error: file too large (52,428,801 bytes, over the limit of 52,428,800"
                + " bytes = 50 MB); skipped",
            "mapvet: 0 findings in 1 of 2 files (1 error); incomplete: 1 file not analysed"),
        result.errLines());
  }

  @Test
  @Timeout(60)
  void directorySymlinkLoopIsReportedAndNotFollowed() throws IOException {
    cli.write("tree/sub/A.java", "class A {}\n");
    Files.createSymbolicLink(dir.resolve("tree/sub/loop"), dir.resolve("tree"));
    Files.createSymbolicLink(dir.resolve("tree/alias"), dir.resolve("tree/sub"));

    CliHarness.Result result = cli.runReal("--fail-on", "none", "tree");

    assertEquals(0, result.exitCode(), result::toString);
    List<String> err = result.errLines();
    // The loop is met under both routes into sub/; A.java is analysed once, under its real path.
    assertTrue(
        err.contains(
            "tree/sub/loop: warning: directory symlink loop (links back to an ancestor); not"
                + " followed"),
        result::toString);
    assertEquals("mapvet: 0 findings in 1 of 1 files (0 errors)", err.get(err.size() - 1));
  }

  @Test
  void unreadableFileIsAnErrorAndTheScanGoesOn() throws IOException {
    Path secret = cli.write("src/Secret.java", "class Secret {}\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    try {
      CliHarness.Result result = cli.runReal("--fail-on", "none", "src");

      assertEquals(0, result.exitCode(), result::toString);
      assumeFalse(
          Files.isReadable(secret),
          "running as root: chmod 000 does not stop this process reading the file");
      assertEquals(
          List.of(
              "src/Secret.java: error: cannot read: permission denied",
              "mapvet: 0 findings in 1 of 2 files (1 error); incomplete: 1 file not analysed"),
          result.errLines());
    } finally {
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  @Test
  void missingPathIsAnErrorAndTheScanGoesOn() {
    CliHarness.Result result = cli.runReal("--fail-on", "none", "src/Nope.java", "src");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of(
            "src/Nope.java: error: no such file or directory",
            "mapvet: 0 findings in 1 of 1 files (1 error); incomplete: 1 path not read"),
        result.errLines());
  }

  @Test
  void onlyMissingPathsExitTwo() {
    CliHarness.Result result = cli.runReal("missing", "also/Missing.java");

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "also/Missing.java: error: no such file or directory",
            "missing: error: no such file or directory",
            "mapvet: no .java files to analyse"),
        result.errLines());
  }
}

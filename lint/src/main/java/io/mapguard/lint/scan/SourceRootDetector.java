package io.mapguard.lint.scan;

import io.mapguard.lint.source.JavaLexicalScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds source roots from the files themselves: a file in package {@code com.acme} at {@code
 * src/main/java/com/acme/A.java} has the root {@code src/main/java}. The front end resolves the
 * scanned tree's own types from these roots, which is what a build tool would have told javac.
 */
public final class SourceRootDetector {
  /** The package declaration comes before any type, so the head of a file is enough. */
  private static final int HEAD_BYTES = 64 * 1024;

  private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
  private static final Pattern PACKAGE =
      Pattern.compile(
          "\\A\\s*(?:@\\s*[\\w.$]+\\s*(?:\\([^)]*\\))?\\s*)*package\\s+("
              + IDENTIFIER
              + "(?:\\s*\\.\\s*"
              + IDENTIFIER
              + ")*)\\s*;");

  private SourceRootDetector() {}

  /** The distinct roots of {@code files}, sorted; unreadable files and misplaced ones add none. */
  public static List<Path> detect(List<InputFile> files) {
    TreeSet<Path> roots = new TreeSet<>();
    for (InputFile file : files) {
      readHead(file.path()).flatMap(head -> rootOf(file.path(), head)).ifPresent(roots::add);
    }
    return List.copyOf(roots);
  }

  /**
   * The root of {@code file} given its first bytes: its directory minus the package path, or empty
   * when the directories do not match the package (the file would not compile there with javac's
   * source path either).
   */
  static Optional<Path> rootOf(Path file, String head) {
    Path directory = file.toAbsolutePath().getParent();
    Optional<String> packageName = packageName(head);
    if (packageName.isEmpty()) {
      return Optional.ofNullable(directory);
    }
    String[] parts = packageName.get().split("\\.");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (directory == null
          || directory.getFileName() == null
          || !directory.getFileName().toString().equals(parts[i])) {
        return Optional.empty();
      }
      directory = directory.getParent();
    }
    return Optional.ofNullable(directory);
  }

  static Optional<String> packageName(String source) {
    // the package declaration ends at the first semicolon of code
    Matcher matcher = PACKAGE.matcher(JavaLexicalScanner.codeBefore(source, ';'));
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(matcher.group(1).replaceAll("\\s+", ""));
  }

  private static Optional<String> readHead(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(HEAD_BYTES);
      boolean bom =
          head.length >= 3
              && head[0] == (byte) 0xEF
              && head[1] == (byte) 0xBB
              && head[2] == (byte) 0xBF;
      int start = bom ? 3 : 0;
      return Optional.of(new String(head, start, head.length - start, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // The scan itself reports unreadable files; root detection just skips them.
      return Optional.empty();
    }
  }
}

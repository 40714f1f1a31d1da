package io.mapguard.lint.scan;

import io.mapguard.lint.source.JavaLexicalScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
  /** Enough for most files' licence header: the rest of the head is read only when it is not. */
  private static final int FIRST_HEAD_BYTES = 4 * 1024;

  private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";

  /**
   * The declaration at the end of the code before the first semicolon: only annotations can come
   * before it there. Anchored at the end, not matched from the start over the annotations, whose
   * repetition the regex engine would follow by recursion (thousands of them overflowed the stack).
   */
  private static final Pattern PACKAGE =
      Pattern.compile(
          "(?<![\\w$.@])package\\s+("
              + IDENTIFIER
              + "(?:\\s*\\.\\s*"
              + IDENTIFIER
              + ")*)\\s*;\\z");

  private SourceRootDetector() {}

  /**
   * The distinct roots of {@code files}, sorted; unreadable files and misplaced ones add none. Once a
   * file with a package declaration has given its directory's root, the directory's other files are
   * not read: files of one directory share their package (build tools and IDEs assume as much), and
   * reading one head per directory instead of one per file takes this off the start of every scan.
   */
  public static List<Path> detect(List<InputFile> files) {
    TreeSet<Path> roots = new TreeSet<>();
    Set<Path> settled = new HashSet<>();
    for (InputFile file : files) {
      Path directory = file.path().toAbsolutePath().getParent();
      if (settled.contains(directory)) {
        continue;
      }
      Optional<String> packageName;
      try {
        Optional<String> head = readHead(file.path());
        if (head.isEmpty()) {
          continue;
        }
        packageName = packageName(head.get());
      } catch (RuntimeException | StackOverflowError e) {
        // Per file, like the scan: this file adds no root, and the scan reports what is wrong.
        continue;
      }
      Optional<Path> root = rootOf(directory, packageName);
      root.ifPresent(roots::add);
      if (root.isPresent() && packageName.isPresent()) {
        settled.add(directory);
      }
    }
    return List.copyOf(roots);
  }

  /**
   * The root of {@code file} given its first bytes: its directory minus the package path, or empty
   * when the directories do not match the package (the file would not compile there with javac's
   * source path either).
   */
  public static Optional<Path> rootOf(Path file, String head) {
    return rootOf(file.toAbsolutePath().getParent(), packageName(head));
  }

  private static Optional<Path> rootOf(Path directory, Optional<String> packageName) {
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
      byte[] head = in.readNBytes(FIRST_HEAD_BYTES);
      if (head.length == FIRST_HEAD_BYTES && !JavaLexicalScanner.codeBefore(text(head), ';').endsWith(";")) {
        // a long licence or javadoc before the package declaration: read on
        byte[] more = in.readNBytes(HEAD_BYTES - FIRST_HEAD_BYTES);
        byte[] longer = Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, longer, head.length, more.length);
        head = longer;
      }
      return Optional.of(text(head));
    } catch (IOException | RuntimeException e) {
      // The scan itself reports unreadable files; root detection just skips them.
      return Optional.empty();
    }
  }

  private static String text(byte[] head) {
    boolean bom =
        head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
    int start = bom ? 3 : 0;
    return new String(head, start, head.length - start, StandardCharsets.UTF_8);
  }
}

package io.mapguard.lint;

import io.mapguard.lint.cli.Environment;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs mapvet in-process in a directory of test files, capturing stdout, stderr and the exit code.
 */
public final class CliHarness {
  private final Path workingDir;
  private String stdin = "";

  public CliHarness(Path workingDir) {
    this.workingDir = workingDir;
  }

  public Path dir() {
    return workingDir;
  }

  public Path write(String relativePath, String content) {
    return writeBytes(relativePath, content.getBytes(StandardCharsets.UTF_8));
  }

  public Path writeBytes(String relativePath, byte[] content) {
    try {
      Path file = workingDir.resolve(relativePath);
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CliHarness stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** With the fake analyzer. */
  public Result run(String... args) {
    return run(FakeAnalyzer.factory(), args);
  }

  /** With the real JavaParser front end. */
  public Result runReal(String... args) {
    return run(AnalyzerFactory.javaParser(), args);
  }

  public Result run(AnalyzerFactory analyzers, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Environment env =
        new Environment(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            workingDir,
            false);
    int exitCode = MapVet.run(args, env, analyzers);
    return new Result(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public record Result(int exitCode, String out, String err) {
    public List<String> outLines() {
      return lines(out);
    }

    public List<String> errLines() {
      return lines(err);
    }

    private static List<String> lines(String text) {
      if (text.isEmpty()) {
        return List.of();
      }
      String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      return List.of(body.split("\n", -1));
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}

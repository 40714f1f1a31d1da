package io.mapguard.lint.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process's surroundings, passed in rather than read from {@code System} so that tests can run
 * the whole command line in-process.
 *
 * @param workingDir absolute; relative paths on the command line resolve against it
 * @param interactive whether a person is watching (a terminal): only then is progress drawn
 */
public record Environment(
    InputStream in, PrintStream out, PrintStream err, Path workingDir, boolean interactive) {

  public Environment {
    workingDir = workingDir.toAbsolutePath().normalize();
  }

  public static Environment system() {
    return new Environment(
        System.in, System.out, System.err, Path.of("").toAbsolutePath(), System.console() != null);
  }
}

package io.mapguard.lint;

import io.mapguard.lint.cli.Environment;
import io.mapguard.lint.cli.ExitCodes;
import io.mapguard.lint.cli.MapVetCommand;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * mapvet's entry point: a source-only lint pass that runs the mapguard engine on .java files
 * without compiling them. See docs/mapvet.md.
 */
public final class MapVet {
  private MapVet() {}

  public static void main(String[] args) {
    System.exit(run(args, Environment.system(), AnalyzerFactory.javaParser()));
  }

  /**
   * Runs the command line in-process and returns the exit code; tests pass their own environment
   * and a fake analyzer factory.
   */
  static int run(String[] args, Environment env, AnalyzerFactory analyzers) {
    CommandLine commandLine = new CommandLine(new MapVetCommand(env, analyzers));
    commandLine.setOut(new PrintWriter(env.out(), true, Charset.defaultCharset()));
    commandLine.setErr(new PrintWriter(env.err(), true, Charset.defaultCharset()));
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          env.err().println("mapvet: " + exception.getMessage());
          env.err().println("Try 'mapvet --help' for more information.");
          return ExitCodes.USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, parsed, parseResult) -> {
          // A bug in mapvet itself: say so plainly instead of pretending the code was clean.
          env.err().println("mapvet: internal error: " + exception + "; please report");
          exception.printStackTrace(env.err());
          return ExitCodes.USAGE;
        });
    return commandLine.execute(args);
  }
}

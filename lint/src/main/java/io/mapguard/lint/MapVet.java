package io.mapguard.lint;

import io.mapguard.lint.cli.Environment;
import io.mapguard.lint.cli.ExitCodes;
import io.mapguard.lint.cli.MapVetCommand;
import io.mapguard.lint.lsp.LanguageServerMain;
import io.mapguard.lint.report.ReportFile;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * mapvet's entry point: a source-only lint pass that runs the mapguard engine on .java files
 * without compiling them. See docs/mapvet.md.
 */
public final class MapVet {
  private MapVet() {}

  public static void main(String[] args) {
    int exitCode;
    try {
      // java -jar mapvet.jar without JVM options: run again with the launcher's (see Relaunch)
      Optional<Integer> relaunched = Relaunch.tryRelaunch(args);
      if (relaunched.isPresent()) {
        exitCode = relaunched.get();
      } else if (args.length > 0 && args[0].equals(LSP)) {
        exitCode = languageServer(Arrays.copyOfRange(args, 1, args.length));
      } else {
        exitCode = run(args, Environment.system(), AnalyzerFactory.javaParser());
      }
    } catch (Throwable e) {
      // run() already turns every throwable into exit code 2; this is for one thrown while it did
      // so (a second OutOfMemoryError, say). Left uncaught it would make the JVM exit with 1, which
      // a CI gate reads as "findings".
      exitCode = ExitCodes.ERROR;
    }
    // halt, not exit: no shutdown hook is needed any more (Relaunch's only ends a child still running), and exit can itself fail on an exhausted
    // heap (it starts the hook threads), which would again leave the JVM to exit with 1.
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(exitCode);
  }

  /** The first argument that makes mapvet a language server (docs/editors.md). */
  static final String LSP = "lsp";

  /**
   * {@code mapvet lsp}: the language server on stdin and stdout (after the relaunch, like any run:
   * the launcher's options serve the server's analyses too, see docs/performance.md). Nothing but
   * JSON-RPC may reach stdout, so {@code System.out} goes to stderr from here on.
   */
  private static int languageServer(String[] args) {
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    return LanguageServerMain.run(
        args,
        System.in,
        protocol,
        System.err,
        AnalyzerFactory::javaParser,
        System.console() != null);
  }

  /**
   * Runs the command line in-process and returns the exit code; tests pass their own environment
   * and a fake analyzer factory. Never throws: any failure, JVM errors included, is exit code 2.
   */
  static int run(String[] args, Environment env, AnalyzerFactory analyzers) {
    return run(args, env, analyzers, List.of());
  }

  /**
   * Runs {@code mapvet args} in this JVM, for tools that embed mapvet (the Maven plugin): the same
   * option parsing, config file ({@code mapvet.properties} in {@code env.workingDir()} unless
   * {@code --config} names one), ignore directives, baseline, report and exit code as the command
   * line run from {@code env.workingDir()}, with the real front end; only the launcher's JVM
   * options and relaunch are left out. Besides the report the options ask for, writes the same
   * report to each of {@code alsoWrite} (relative paths resolve against the working directory),
   * checked as {@code --output} is. Never throws: any failure is exit code 2, said on {@code
   * env.err()}.
   *
   * @return the exit code, as {@link ExitCodes} documents it
   */
  public static int runEmbedded(List<String> args, Environment env, List<ReportFile> alsoWrite) {
    return run(args.toArray(new String[0]), env, AnalyzerFactory.javaParser(), alsoWrite);
  }

  private static int run(
      String[] args, Environment env, AnalyzerFactory analyzers, List<ReportFile> alsoWrite) {
    try {
      return execute(args, env, analyzers, alsoWrite);
    } catch (Throwable e) {
      // picocli hands only Exceptions to the handler below; an Error (OutOfMemoryError,
      // StackOverflowError, a LinkageError from a broken jar) comes out of execute() as it is.
      reportCrash(env.err(), e);
      return ExitCodes.ERROR;
    }
  }

  private static int execute(
      String[] args, Environment env, AnalyzerFactory analyzers, List<ReportFile> alsoWrite) {
    CommandLine commandLine = new CommandLine(new MapVetCommand(env, analyzers, alsoWrite));
    commandLine.setOut(new PrintWriter(env.out(), true, Charset.defaultCharset()));
    commandLine.setErr(new PrintWriter(env.err(), true, Charset.defaultCharset()));
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          env.err().println("mapvet: " + exception.getMessage());
          env.err().println("Try 'mapvet --help' for more information.");
          return ExitCodes.ERROR;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, parsed, parseResult) -> {
          reportCrash(env.err(), exception);
          return ExitCodes.ERROR;
        });
    return commandLine.execute(args);
  }

  /** A failure of mapvet itself: say so plainly instead of pretending the code was clean. */
  private static void reportCrash(PrintStream err, Throwable e) {
    try {
      if (e instanceof OutOfMemoryError) {
        err.println(
            "mapvet: out of memory ("
                + e.getMessage()
                + "); give mapvet a larger heap, e.g. MAPVET_JAVA_OPTS=-Xmx4g");
      } else {
        err.println("mapvet: internal error: " + e + "; please report");
        e.printStackTrace(err);
      }
      err.flush();
    } catch (Throwable ignored) {
      // Nothing more can be said; the exit code still tells the caller.
    }
  }
}

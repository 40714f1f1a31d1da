package io.mapguard.lint.lsp;

import io.mapguard.lint.scan.AnalyzerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs {@code mapvet lsp}: the language server on the given streams (stdin and stdout in a
 * process, whose stdout then carries nothing but JSON-RPC) until the client says {@code exit} or
 * closes the input.
 */
public final class LanguageServerMain {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: mapvet lsp [--debounce MS]",
          "",
          "Runs mapvet as a language server (LSP over stdin and stdout) for editors: the open Java",
          "files' findings as diagnostics, their suggested fixes as quick fixes. Settings come from",
          "mapvet.properties in the workspace folder. Editors start it themselves; see",
          "https://github.com/mapguard/mapguard/blob/main/docs/editors.md",
          "",
          "  --debounce MS   wait MS milliseconds after a change before analysing (default "
              + MapVetLanguageServer.DEFAULT_DEBOUNCE_MILLIS
              + ")",
          "  -h, --help      show this help",
          "");

  private LanguageServerMain() {}

  /**
   * @param args the arguments after {@code lsp}
   * @param err for usage errors and what cannot go to the client
   * @return the process's exit code: 0 after {@code shutdown} and {@code exit}, 1 when the client
   *     went without {@code shutdown}, 2 for a usage error
   */
  public static int run(
      String[] args,
      InputStream in,
      OutputStream out,
      PrintStream err,
      Supplier<AnalyzerFactory> analyzers,
      boolean interactive) {
    long debounce = MapVetLanguageServer.DEFAULT_DEBOUNCE_MILLIS;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        err.print(USAGE);
        return 0;
      } else if ((arg.equals("--debounce") && i + 1 < args.length) || arg.startsWith("--debounce=")) {
        String value = arg.startsWith("--debounce=") ? arg.substring("--debounce=".length()) : args[++i];
        try {
          debounce = Long.parseLong(value);
        } catch (NumberFormatException e) {
          debounce = -1;
        }
        if (debounce < 0) {
          err.println("mapvet lsp: --debounce takes a number of milliseconds, got '" + value + "'");
          return 2;
        }
      } else if (arg.equals("--stdio")) {
        // what some clients add by habit (vscode-languageclient's stdio transport): stdio it is
      } else {
        err.println("mapvet lsp: unknown argument '" + arg + "'");
        err.print(USAGE);
        return 2;
      }
    }
    if (interactive) {
      err.println(
          "mapvet lsp: a language server, speaking LSP on stdin and stdout; editors start it"
              + " (docs/editors.md). To scan a directory named lsp, give ./lsp.");
    }
    MapVetLanguageServer server =
        new MapVetLanguageServer(
            analyzers, debounce, Path.of(System.getProperty("java.io.tmpdir")));
    ExecutorService messages =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "mapvet-lsp-messages");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Launcher<LanguageClient> launcher =
          new LSPLauncher.Builder<LanguageClient>()
              .setLocalService(server)
              .setRemoteInterface(LanguageClient.class)
              .setInput(in)
              .setOutput(out)
              .setExecutorService(messages)
              .create();
      server.connect(launcher.getRemoteProxy());
      Future<Void> listening = launcher.startListening();
      Thread watcher =
          new Thread(
              () -> {
                try {
                  listening.get();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (ExecutionException | RuntimeException e) {
                  // the input failed: as if it ended
                }
                server.inputEnded();
              },
              "mapvet-lsp-input");
      watcher.setDaemon(true);
      watcher.start();
      int code = server.exitCode().join();
      listening.cancel(true);
      return code;
    } finally {
      server.close();
      messages.shutdownNow();
    }
  }
}

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * How long {@code mapvet lsp} takes from a change of a 1,000-line file to its diagnostics, warm: an
 * LSP4J client starts the server command, opens a generated file (benchmarks/lsp-latency writes
 * it), then makes CHANGES edits one after the other, each in another method, and times each
 * didChange until the publishDiagnostics of that version. The first WARMUP are left out.
 * Prints one line per change (tab-separated: label, change, milliseconds, diagnostics) and a
 * summary line.
 *
 * <p>Usage: java -cp mapvet.jar:. LspLatency LABEL FILE CHANGES WARMUP -- SERVER COMMAND…
 */
public final class LspLatency {
  public static void main(String[] args) throws Exception {
    String label = args[0];
    Path file = Path.of(args[1]).toAbsolutePath();
    int changes = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    List<String> command = Arrays.asList(args).subList(Arrays.asList(args).indexOf("--") + 1, args.length);
    String uri = file.toUri().toString();
    String text = Files.readString(file, StandardCharsets.UTF_8);

    Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    ConcurrentHashMap<Integer, CompletableFuture<PublishDiagnosticsParams>> published = new ConcurrentHashMap<>();
    LanguageClient client =
        new LanguageClient() {
          @Override
          public void publishDiagnostics(PublishDiagnosticsParams params) {
            if (params.getUri().equals(uri) && params.getVersion() != null) {
              published.computeIfAbsent(params.getVersion(), v -> new CompletableFuture<>()).complete(params);
            }
          }

          @Override
          public void telemetryEvent(Object object) {}

          @Override
          public void showMessage(MessageParams message) {}

          @Override
          public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
            return CompletableFuture.completedFuture(null);
          }

          @Override
          public void logMessage(MessageParams message) {
            System.err.println("server: " + message.getMessage());
          }
        };
    Launcher<LanguageServer> launcher =
        LSPLauncher.createClientLauncher(client, server.getInputStream(), server.getOutputStream());
    LanguageServer remote = launcher.getRemoteProxy();
    launcher.startListening();
    InitializeParams init = new InitializeParams();
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(file.getParent().toUri().toString(), "bench")));
    init.setCapabilities(new ClientCapabilities());
    long started = System.nanoTime();
    remote.initialize(init).get(60, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
    remote.getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "java", 0, text)));
    PublishDiagnosticsParams first = await(published, 0);
    System.err.printf(
        Locale.ROOT,
        "%s: first diagnostics (%d) %.0f ms after start; %d lines%n",
        label,
        first.getDiagnostics().size(),
        (System.nanoTime() - started) / 1e6,
        text.split("\n", -1).length - 1);

    List<Double> times = new ArrayList<>();
    for (int version = 1; version <= changes; version++) {
      // an edit inside method number `version`: a lock taken or dropped, so findings change too
      String edited = edit(text, version);
      long sent = System.nanoTime();
      remote.getTextDocumentService()
          .didChange(
              new DidChangeTextDocumentParams(
                  new VersionedTextDocumentIdentifier(uri, version),
                  List.of(new TextDocumentContentChangeEvent(edited))));
      PublishDiagnosticsParams result = await(published, version);
      double millis = (System.nanoTime() - sent) / 1e6;
      System.out.printf(Locale.ROOT, "%s\t%d\t%.1f\t%d%n", label, version, millis, result.getDiagnostics().size());
      if (version > warmup) {
        times.add(millis);
      }
    }
    remote.shutdown().get(30, TimeUnit.SECONDS);
    remote.exit();
    server.waitFor(30, TimeUnit.SECONDS);

    Collections.sort(times);
    System.err.printf(
        Locale.ROOT,
        "%s: %d changes after %d warm-up: median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms%n",
        label,
        times.size(),
        warmup,
        percentile(times, 50),
        percentile(times, 90),
        times.get(0),
        times.get(times.size() - 1));
    System.exit(0); // LSP4J's message threads would keep this JVM a minute longer
  }

  /**
   * The text with method {@code n % 70}'s lock dropped ({@code synchronized (lock)} becomes {@code
   * if (flag)}, so the findings change too), each version one edit away from the opened text.
   */
  private static String edit(String text, int n) {
    String marker = " { // EDIT" + (n % 70) + "\n";
    String edited = text.replace("synchronized (lock)" + marker, "if (flag)" + marker);
    return edited.equals(text) ? text + "// change " + n + "\n" : edited;
  }

  private static PublishDiagnosticsParams await(
      ConcurrentHashMap<Integer, CompletableFuture<PublishDiagnosticsParams>> published, int version)
      throws Exception {
    return published.computeIfAbsent(version, v -> new CompletableFuture<>()).get(120, TimeUnit.SECONDS);
  }

  private static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}

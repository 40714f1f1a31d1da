package io.mapguard.lint.lsp;

import static org.junit.jupiter.api.Assertions.fail;

import io.mapguard.lint.fix.SourceText;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An LSP4J client talking to {@code mapvet lsp}: in this JVM over pipes (the server's whole run,
 * from {@link LanguageServerMain#run}), or to a process over its stdin and stdout. Records what the
 * server sends.
 */
final class LspSession implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  final Recorder client = new Recorder();
  final LanguageServer server;
  private final OutputStream toServer;
  private final CompletableFuture<Integer> exit;
  private final Process process;
  private final RawCopy fromServer;

  private LspSession(
      InputStream in,
      OutputStream out,
      CompletableFuture<Integer> exit,
      Process process,
      RawCopy fromServer) {
    this.toServer = out;
    this.exit = exit;
    this.process = process;
    this.fromServer = fromServer;
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, in, out);
    server = launcher.getRemoteProxy();
    launcher.startListening();
  }

  /** The server in this JVM, as {@code mapvet lsp ARGS} runs it. */
  static LspSession inProcess(Supplier<AnalyzerFactory> analyzers, String... args)
      throws IOException {
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    InputStream serverIn = Channels.newInputStream(toServer.source());
    OutputStream serverOut = Channels.newOutputStream(toClient.sink());
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                exit.complete(
                    LanguageServerMain.run(
                        args, serverIn, serverOut, new PrintStream(OutputStream.nullOutputStream()), analyzers, false));
              } catch (Throwable e) {
                exit.completeExceptionally(e);
              } finally {
                try {
                  serverOut.close();
                } catch (IOException e) {
                  // the client side is gone
                }
              }
            },
            "lsp-server-under-test");
    thread.setDaemon(true);
    thread.start();
    return new LspSession(
        Channels.newInputStream(toClient.source()),
        Channels.newOutputStream(toServer.sink()),
        exit,
        null,
        null);
  }

  /** The server as a process: {@code command} (e.g. {@code java -cp … MapVet lsp}). */
  static LspSession process(List<String> command, Path stderr) throws IOException {
    Process process =
        new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    RawCopy raw = new RawCopy(process.getInputStream());
    CompletableFuture<Integer> exit = process.onExit().thenApply(Process::exitValue);
    return new LspSession(raw, process.getOutputStream(), exit, process, raw);
  }

  /** Everything the server wrote to its stdout so far. */
  byte[] rawOutput() {
    return fromServer.copy.toByteArray();
  }

  InitializeResult initialize(Path folder) throws Exception {
    InitializeParams params = new InitializeParams();
    params.setProcessId((int) ProcessHandle.current().pid());
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(folder.toUri().toString(), "ws")));
    ClientCapabilities capabilities = new ClientCapabilities();
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
    edits.setDocumentChanges(true);
    workspace.setWorkspaceEdit(edits);
    capabilities.setWorkspace(workspace);
    params.setCapabilities(capabilities);
    InitializeResult result = server.initialize(params).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    return result;
  }

  void open(Path file, int version, String text) {
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(file), "java", version, text)));
  }

  void change(Path file, int version, String text) {
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(file), version),
                List.of(new TextDocumentContentChangeEvent(text))));
  }

  void save(Path file) {
    server
        .getTextDocumentService()
        .didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri(file))));
  }

  void close(Path file) {
    server
        .getTextDocumentService()
        .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri(file))));
  }

  List<CodeAction> codeActions(Path file, Range range) throws Exception {
    List<CodeAction> actions = new ArrayList<>();
    for (Either<Command, CodeAction> action :
        server
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier(uri(file)), range, new CodeActionContext(List.of())))
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      actions.add(action.getRight());
    }
    return actions;
  }

  /** Waits for the first diagnostics of {@code file} that match, of all published so far and later. */
  PublishDiagnosticsParams awaitDiagnostics(Path file, Predicate<PublishDiagnosticsParams> matching)
      throws InterruptedException {
    return client.await(uri(file), 0, matching);
  }

  /** The same, of those published after the first {@code from} (see {@link Recorder#mark}). */
  PublishDiagnosticsParams awaitDiagnostics(
      Path file, int from, Predicate<PublishDiagnosticsParams> matching) throws InterruptedException {
    return client.await(uri(file), from, matching);
  }

  /** Shutdown and exit as the protocol says; the server's exit code. */
  int shutdownAndExit() throws Exception {
    server.shutdown().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    server.exit();
    return exit.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  int awaitExit() throws Exception {
    return exit.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  void closeInput() throws IOException {
    toServer.close();
  }

  @Override
  public void close() throws IOException {
    try {
      toServer.close();
    } catch (IOException e) {
      // already closed
    }
    if (process != null) {
      process.destroy();
    }
  }

  static String uri(Path file) {
    return file.toUri().toString();
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** The text after the edits (non-overlapping, as a workspace edit's). */
  static String apply(String text, List<TextEdit> edits) {
    SourceText source = new SourceText(text);
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort((a, b) -> SourceText.compare(b.getRange().getStart(), a.getRange().getStart()));
    StringBuilder result = new StringBuilder(text);
    for (TextEdit edit : sorted) {
      result.replace(
          source.offset(edit.getRange().getStart()),
          source.offset(edit.getRange().getEnd()),
          edit.getNewText());
    }
    return result.toString();
  }

  /** The edits of a code action's workspace edit for one document (either form). */
  static List<TextEdit> editsOf(CodeAction action) {
    if (action.getEdit().getDocumentChanges() != null) {
      List<TextEdit> edits = new ArrayList<>();
      action.getEdit().getDocumentChanges().forEach(change -> edits.addAll(change.getLeft().getEdits()));
      return edits;
    }
    List<TextEdit> edits = new ArrayList<>();
    action.getEdit().getChanges().values().forEach(edits::addAll);
    return edits;
  }

  /** What the server sent the client. */
  static final class Recorder implements LanguageClient {
    final List<PublishDiagnosticsParams> published = new ArrayList<>();
    final List<MessageParams> logged = new ArrayList<>();
    final List<MessageParams> shown = new ArrayList<>();
    final List<RegistrationParams> registrations = new ArrayList<>();

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
      notifyAll();
    }

    /** How many diagnostics were published so far. */
    synchronized int mark() {
      return published.size();
    }

    synchronized PublishDiagnosticsParams await(
        String uri, int from, Predicate<PublishDiagnosticsParams> matching) throws InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      int seen = from;
      while (true) {
        for (; seen < published.size(); seen++) {
          PublishDiagnosticsParams params = published.get(seen);
          if (params.getUri().equals(uri) && matching.test(params)) {
            return params;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("no matching diagnostics for " + uri + " within " + TIMEOUT + "; published: " + published + "; logged: " + logged);
        }
        wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }

    synchronized List<PublishDiagnosticsParams> publishedFor(String uri) {
      return published.stream().filter(p -> p.getUri().equals(uri)).toList();
    }

    synchronized List<MessageParams> logged() {
      return List.copyOf(logged);
    }

    synchronized MessageParams awaitLog(Predicate<MessageParams> matching) throws InterruptedException {
      return awaitMessage(logged, matching);
    }

    synchronized MessageParams awaitShown(Predicate<MessageParams> matching) throws InterruptedException {
      return awaitMessage(shown, matching);
    }

    private MessageParams awaitMessage(List<MessageParams> messages, Predicate<MessageParams> matching)
        throws InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (true) {
        for (MessageParams message : messages) {
          if (matching.test(message)) {
            return message;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("no matching message within " + TIMEOUT + "; logged: " + logged + "; shown: " + shown);
        }
        wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public synchronized void showMessage(MessageParams message) {
      shown.add(message);
      notifyAll();
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void logMessage(MessageParams message) {
      logged.add(message);
      notifyAll();
    }

    @Override
    public synchronized CompletableFuture<Void> registerCapability(RegistrationParams params) {
      registrations.add(params);
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Copies what the server writes, to check afterwards that it is JSON-RPC and nothing else. */
  private static final class RawCopy extends FilterInputStream {
    final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    RawCopy(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        synchronized (copy) {
          copy.write(b);
        }
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        synchronized (copy) {
          copy.write(buffer, offset, n);
        }
      }
      return n;
    }
  }
}

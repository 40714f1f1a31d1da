package io.mapguard.lint.lsp;

import io.mapguard.lint.analysis.LintFinding;
import io.mapguard.lint.cli.VersionInfo;
import io.mapguard.lint.config.ConfigFile;
import io.mapguard.lint.fix.Edit;
import io.mapguard.lint.fix.SourceText;
import io.mapguard.lint.scan.AnalyzerFactory;
import io.mapguard.lint.scan.Diagnostic;
import io.mapguard.lint.scan.FileOutcome;
import io.mapguard.lint.scan.SourceRootDetector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code mapvet lsp}: mapvet as a language server. It publishes mapvet's findings for the open Java
 * files as diagnostics (on open and save at once, on change after a pause in typing, for the
 * latest text only), and offers the findings' suggested fixes as quick fixes.
 *
 * <p>Threads: LSP4J delivers messages on its own thread; the documents' texts are kept there.
 * Everything else (the workspaces, analysing, publishing, computing code actions) happens on one
 * analysis thread, in order, so that a file's results are published after any earlier version's
 * and a close is never followed by a late publish. Nothing that goes wrong in one analysis stops
 * the server: it is logged to the client ({@code window/logMessage}).
 */
public final class MapVetLanguageServer implements LanguageServer, LanguageClientAware {
  /** How long after a change the file is analysed, when no newer change came meanwhile. */
  public static final long DEFAULT_DEBOUNCE_MILLIS = 150;

  /** Like the command line's workers: recursion over deep syntax trees needs a large stack. */
  private static final long STACK_BYTES = 256L * 1024 * 1024;

  private final Supplier<AnalyzerFactory> analyzers;
  private final long debounceMillis;
  private final Path temporaryDirectory;
  private final ScheduledThreadPoolExecutor analysisThread;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

  private volatile LanguageClient client;
  private volatile boolean initialized;
  private volatile boolean shutdownRequested;
  private volatile boolean documentChanges;

  /** The open documents, by URI; guarded by itself (publishing checks the version under it). */
  private final Map<String, Document> documents = new HashMap<>();

  private final Map<String, ScheduledFuture<?>> pending = new HashMap<>();
  private final AtomicLong changes = new AtomicLong();

  // analysis thread only
  private List<Path> folders = List.of();
  private final Map<Path, Workspace> workspaces = new LinkedHashMap<>();
  private final Map<Path, Workspace> looseFiles = new HashMap<>();
  private final Map<String, Analysed> results = new HashMap<>();
  private final Map<Path, String> configProblems = new HashMap<>();

  /** An open document's text. {@code change} numbers every text the server was given. */
  private record Document(String uri, int version, String text, long change) {}

  /** What was published for a document: for its code actions. */
  private record Analysed(
      long change,
      int version,
      SourceText text,
      List<LintFinding> findings,
      List<org.eclipse.lsp4j.Diagnostic> diagnostics) {}

  public MapVetLanguageServer(
      Supplier<AnalyzerFactory> analyzers, long debounceMillis, Path temporaryDirectory) {
    this.analyzers = analyzers;
    this.debounceMillis = debounceMillis;
    this.temporaryDirectory = temporaryDirectory;
    this.analysisThread =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(null, task, "mapvet-lsp-analysis", STACK_BYTES);
              thread.setDaemon(true);
              return thread;
            });
    analysisThread.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  /** Completed by {@code exit} (0 after {@code shutdown}, else 1, as the protocol says). */
  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  /** The input ended without {@code exit}: the protocol's exit code for that. */
  void inputEnded() {
    exitCode.complete(shutdownRequested ? 0 : 1);
  }

  // ---- lifecycle ----

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (shutdownRequested) {
      return failed(ResponseErrorCode.InvalidRequest, "the server is shutting down");
    }
    documentChanges = supportsDocumentChanges(params.getCapabilities());
    ClientCapabilities client = params.getCapabilities();
    canWatchFiles =
        client != null
            && client.getWorkspace() != null
            && client.getWorkspace().getDidChangeWatchedFiles() != null
            && Boolean.TRUE.equals(
                client.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
    List<Path> roots = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder folder : params.getWorkspaceFolders()) {
        path(folder.getUri()).ifPresent(roots::add);
      }
    }
    if (roots.isEmpty() && params.getRootUri() != null) {
      path(params.getRootUri()).ifPresent(roots::add);
    }
    @SuppressWarnings("deprecation")
    String rootPath = params.getRootPath();
    if (roots.isEmpty() && rootPath != null) {
      roots.add(Path.of(rootPath).toAbsolutePath().normalize());
    }
    List<Path> chosen = List.copyOf(roots);
    onAnalysisThread(() -> folders = chosen);

    ServerCapabilities capabilities = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Full);
    sync.setSave(new SaveOptions(false));
    capabilities.setTextDocumentSync(sync);
    capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    WorkspaceFoldersOptions workspaceFolders = new WorkspaceFoldersOptions();
    workspaceFolders.setSupported(true);
    workspaceFolders.setChangeNotifications(true);
    capabilities.setWorkspace(new WorkspaceServerCapabilities(workspaceFolders));
    initialized = true;
    return CompletableFuture.completedFuture(
        new InitializeResult(capabilities, new ServerInfo("mapvet", VersionInfo.version())));
  }

  private static boolean supportsDocumentChanges(ClientCapabilities capabilities) {
    return capabilities != null
        && capabilities.getWorkspace() != null
        && capabilities.getWorkspace().getWorkspaceEdit() != null
        && Boolean.TRUE.equals(capabilities.getWorkspace().getWorkspaceEdit().getDocumentChanges());
  }

  /** Whether the client can watch files for the server (dynamic registration). */
  private volatile boolean canWatchFiles;

  private boolean clientWatchesFiles;

  @Override
  public void initialized(InitializedParams params) {
    // mapvet.properties and the tree's sources, watched by the client when it can (VS Code, newer
    // Neovim); without it, the config file is checked before each analysis anyway
    LanguageClient current = client;
    if (current == null || !canWatchFiles || shutdownRequested) {
      return;
    }
    DidChangeWatchedFilesRegistrationOptions options =
        new DidChangeWatchedFilesRegistrationOptions(
            List.of(
                new FileSystemWatcher(Either.forLeft("**/" + ConfigFile.DEFAULT_NAME)),
                new FileSystemWatcher(Either.forLeft("**/*.java"))));
    if (clientWatchesFiles) {
      return;
    }
    clientWatchesFiles = true;
    try {
      current
          .registerCapability(
              new RegistrationParams(
                  List.of(
                      new Registration(
                          "mapvet-watched-files", "workspace/didChangeWatchedFiles", options))))
          .exceptionally(
              e -> {
                log(MessageType.Log, "mapvet: the client does not watch files for mapvet (" + e.getMessage() + ")");
                return null;
              });
    } catch (RuntimeException e) {
      log(MessageType.Log, "mapvet: cannot ask the client to watch files (" + e + ")");
    }
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdownRequested = true;
    synchronized (documents) {
      pending.values().forEach(future -> future.cancel(false));
      pending.clear();
    }
    // after any analysis under way: then the workspaces' source-root views are removed
    return onAnalysisThread(
        () -> {
          closeWorkspaces();
          return null;
        });
  }

  @Override
  public void exit() {
    exitCode.complete(shutdownRequested ? 0 : 1);
  }

  /** Stops the analysis thread and removes what the workspaces made; for the end of the process. */
  public void close() {
    try {
      analysisThread.submit(this::closeWorkspaces).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // already stopped, or stuck in an analysis: the process ends anyway
    }
    analysisThread.shutdownNow();
  }

  private void closeWorkspaces() {
    workspaces.values().forEach(Workspace::close);
    workspaces.clear();
    looseFiles.values().forEach(Workspace::close);
    looseFiles.clear();
  }

  private final TextDocumentService textDocumentService =
      new TextDocumentService() {
        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
          MapVetLanguageServer.this.didOpen(params);
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
          MapVetLanguageServer.this.didChange(params);
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
          MapVetLanguageServer.this.didClose(params);
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
          MapVetLanguageServer.this.didSave(params);
        }

        @Override
        public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(
            CodeActionParams params) {
          return MapVetLanguageServer.this.codeAction(params);
        }
      };

  private final WorkspaceService workspaceService =
      new WorkspaceService() {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
          MapVetLanguageServer.this.didChangeConfiguration(params);
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
          MapVetLanguageServer.this.didChangeWatchedFiles(params);
        }

        @Override
        public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
          MapVetLanguageServer.this.didChangeWorkspaceFolders(params);
        }
      };

  @Override
  public TextDocumentService getTextDocumentService() {
    return textDocumentService;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspaceService;
  }

  // ---- documents ----

  void didOpen(DidOpenTextDocumentParams params) {
    if (!accepting()) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    synchronized (documents) {
      documents.put(
          uri,
          new Document(
              uri,
              params.getTextDocument().getVersion(),
              params.getTextDocument().getText(),
              changes.incrementAndGet()));
    }
    schedule(uri, 0);
  }

  void didChange(DidChangeTextDocumentParams params) {
    if (!accepting()) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    synchronized (documents) {
      Document document = documents.get(uri);
      if (document == null) {
        return;
      }
      String text = document.text();
      for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
        text = apply(text, change);
      }
      Integer version = params.getTextDocument().getVersion();
      documents.put(
          uri,
          new Document(
              uri,
              version != null ? version : document.version(),
              text,
              changes.incrementAndGet()));
    }
    schedule(uri, debounceMillis);
  }

  /** A whole-text change, or (should a client send one anyway) a range replaced. */
  private static String apply(String text, TextDocumentContentChangeEvent change) {
    if (change.getRange() == null) {
      return change.getText();
    }
    SourceText source = new SourceText(text);
    int start = source.offset(change.getRange().getStart());
    int end = Math.max(start, source.offset(change.getRange().getEnd()));
    return text.substring(0, start) + change.getText() + text.substring(end);
  }

  void didSave(DidSaveTextDocumentParams params) {
    if (!accepting()) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    Optional<Path> saved = path(uri);
    if (saved.isEmpty()) {
      return;
    }
    onAnalysisThread(
        () -> {
          fileChanged(saved.get(), FileChangeType.Changed);
          return null;
        });
    boolean open;
    synchronized (documents) {
      open = documents.containsKey(uri);
    }
    if (open) {
      schedule(uri, 0);
    }
  }

  void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    synchronized (documents) {
      documents.remove(uri);
      ScheduledFuture<?> waiting = pending.remove(uri);
      if (waiting != null) {
        waiting.cancel(false);
      }
    }
    // on the analysis thread: after any analysis of the file under way, which then publishes nothing
    onAnalysisThread(
        () -> {
          results.remove(uri);
          boolean reopened;
          synchronized (documents) {
            reopened = documents.containsKey(uri);
            if (!reopened) {
              publish(new PublishDiagnosticsParams(uri, List.of()));
            }
          }
          return null;
        });
  }

  private boolean accepting() {
    return initialized && !shutdownRequested;
  }

  /** Analyses the document after {@code delay} ms, replacing an analysis that has not started. */
  private void schedule(String uri, long delay) {
    synchronized (documents) {
      if (shutdownRequested || analysisThread.isShutdown()) {
        return;
      }
      ScheduledFuture<?> earlier = pending.remove(uri);
      if (earlier != null) {
        earlier.cancel(false);
      }
      pending.put(uri, analysisThread.schedule(() -> analyse(uri), delay, TimeUnit.MILLISECONDS));
    }
  }

  private void analyse(String uri) {
    Document document;
    synchronized (documents) {
      document = documents.get(uri);
      pending.remove(uri);
    }
    if (document == null) {
      return;
    }
    Optional<Path> file = path(uri);
    if (file.isEmpty()) {
      return; // an unsaved "untitled:" buffer: no place in the tree, nothing to resolve against
    }
    SourceText text = new SourceText(document.text());
    List<LintFinding> findings = new ArrayList<>();
    List<org.eclipse.lsp4j.Diagnostic> diagnostics = new ArrayList<>();
    try {
      Workspace workspace = workspaceFor(file.get(), document.text());
      Optional<FileOutcome> outcome = workspace.analyse(file.get(), document.text());
      if (outcome.isPresent()) {
        for (LintFinding finding : outcome.get().findings()) {
          findings.add(finding);
          diagnostics.add(LspDiagnostics.of(finding, uri, text));
        }
        for (Diagnostic problem : outcome.get().diagnostics()) {
          if (problem.kind() == Diagnostic.Kind.INTERNAL_ERROR) {
            log(MessageType.Error, "mapvet: " + uri + ": " + problem.format());
          } else if (problem.isError()) {
            diagnostics.add(LspDiagnostics.notAnalysed(problem, text));
          } else {
            log(MessageType.Log, "mapvet: " + problem.format());
          }
        }
      }
      publishConfigProblem(workspace);
    } catch (Throwable e) {
      // an Error too: the server outlives a file that exhausts the stack or the heap
      findings.clear();
      diagnostics.clear();
      log(MessageType.Error, "mapvet: internal error while analysing " + uri + ", please report: " + stackTrace(e));
    }
    synchronized (documents) {
      Document now = documents.get(uri);
      if (now == null || now.change() != document.change()) {
        return; // closed or changed meanwhile: the newer text's analysis publishes
      }
      results.put(
          uri,
          new Analysed(
              document.change(), document.version(), text, List.copyOf(findings), List.copyOf(diagnostics)));
      publish(new PublishDiagnosticsParams(uri, diagnostics, document.version()));
    }
  }

  /** A config file's error as a diagnostic of the config file itself, and its clearing once fixed. */
  private void publishConfigProblem(Workspace workspace) {
    Path config = workspace.configFile();
    Optional<String> problem = workspace.configProblem();
    String before = configProblems.get(config);
    if (problem.map(p -> p.equals(before)).orElse(before == null)) {
      return;
    }
    String uri = config.toUri().toString();
    if (problem.isPresent()) {
      configProblems.put(config, problem.get());
      org.eclipse.lsp4j.Diagnostic diagnostic =
          new org.eclipse.lsp4j.Diagnostic(
              new Range(new Position(0, 0), new Position(0, 0)),
              problem.get() + "; mapvet uses the default settings until it is fixed",
              DiagnosticSeverity.Error,
              LspDiagnostics.SOURCE);
      publish(new PublishDiagnosticsParams(uri, List.of(diagnostic)));
      LanguageClient current = client;
      if (current != null) {
        current.showMessage(
            new MessageParams(MessageType.Warning, "mapvet: " + problem.get()));
      }
    } else {
      configProblems.remove(config);
      publish(new PublishDiagnosticsParams(uri, List.of()));
    }
  }

  /** The workspace folder holding {@code file} (the innermost), else a workspace of its own root. */
  private Workspace workspaceFor(Path file, String text) {
    Path best = null;
    for (Path folder : folders) {
      if (file.startsWith(folder) && (best == null || folder.getNameCount() > best.getNameCount())) {
        best = folder;
      }
    }
    if (best != null) {
      return workspaces.computeIfAbsent(
          best,
          folder -> new Workspace(folder, true, analyzers, temporaryDirectory, this::logInfo));
    }
    Path root = SourceRootDetector.rootOf(file, text).orElse(file.getParent());
    return looseFiles.computeIfAbsent(
        root, r -> new Workspace(r, false, analyzers, temporaryDirectory, this::logInfo));
  }

  private void logInfo(String message) {
    log(MessageType.Info, message);
  }

  // ---- code actions ----

  CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    if (!initialized) {
      return failed(ResponseErrorCode.ServerNotInitialized, "initialize first");
    }
    if (shutdownRequested) {
      return failed(ResponseErrorCode.InvalidRequest, "the server is shutting down");
    }
    List<String> only = params.getContext() != null ? params.getContext().getOnly() : null;
    if (only != null
        && !only.isEmpty()
        && only.stream().noneMatch(kind -> CodeActionKind.QuickFix.startsWith(kind))) {
      return CompletableFuture.completedFuture(List.of());
    }
    return onAnalysisThread(() -> codeActions(params));
  }

  private List<Either<Command, CodeAction>> codeActions(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    Analysed analysed = results.get(uri);
    Document document;
    synchronized (documents) {
      document = documents.get(uri);
    }
    if (analysed == null || document == null || document.change() != analysed.change()) {
      return List.of(); // findings of an older text: their edits would land in the wrong places
    }
    List<Either<Command, CodeAction>> actions = new ArrayList<>();
    for (int i = 0; i < analysed.findings().size(); i++) {
      LintFinding finding = analysed.findings().get(i);
      if (!SourceText.touches(LspDiagnostics.range(finding), params.getRange())) {
        continue;
      }
      boolean preferred = true;
      for (LintFinding.Fix fix : finding.fixes()) {
        if (fix.edits().isEmpty()) {
          continue;
        }
        List<TextEdit> edits = new ArrayList<>();
        for (Edit edit : fix.edits()) {
          edits.add(
              new TextEdit(
                  new Range(
                      new Position(edit.startLine(), edit.startCharacter()),
                      new Position(edit.endLine(), edit.endCharacter())),
                  edit.newText()));
        }
        CodeAction action = new CodeAction(fix.description());
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(analysed.diagnostics().get(i)));
        action.setEdit(workspaceEdit(uri, analysed.version(), edits));
        action.setIsPreferred(preferred);
        preferred = false;
        actions.add(Either.forRight(action));
      }
    }
    return actions;
  }

  private WorkspaceEdit workspaceEdit(String uri, int version, List<TextEdit> edits) {
    if (documentChanges) {
      return new WorkspaceEdit(
          List.of(
              Either.forLeft(
                  new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, version), edits))));
    }
    return new WorkspaceEdit(Map.of(uri, edits));
  }

  // ---- workspace ----

  void didChangeConfiguration(DidChangeConfigurationParams params) {
    // mapvet's settings live in mapvet.properties; nothing to take from the client's settings
  }

  void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    if (!accepting()) {
      return;
    }
    List<FileEvent> events = List.copyOf(params.getChanges());
    onAnalysisThread(
        () -> {
          for (FileEvent event : events) {
            path(event.getUri()).ifPresent(file -> fileChanged(file, event.getType()));
          }
          return null;
        });
  }

  /**
   * A file changed on disk (saved, or changed outside the editor): the config file is read again,
   * and a source's change reaches the analyzer's caches; the open files of that workspace are
   * analysed again, since they may depend on it.
   */
  private void fileChanged(Path file, FileChangeType type) {
    boolean config = file.getFileName() != null && file.getFileName().toString().equals(ConfigFile.DEFAULT_NAME);
    boolean source = file.toString().endsWith(".java");
    if (!config && !source) {
      return;
    }
    List<Workspace> affected = new ArrayList<>();
    for (Workspace workspace : workspaces.values()) {
      if (workspace.contains(file)) {
        affected.add(workspace);
      }
    }
    for (Workspace workspace : looseFiles.values()) {
      if (source && workspace.contains(file)) {
        affected.add(workspace);
      }
    }
    for (Workspace workspace : affected) {
      if (config) {
        if (file.equals(workspace.configFile())) {
          workspace.configChanged();
        }
      } else if (type == FileChangeType.Changed) {
        workspace.sourcesChanged();
      } else {
        workspace.sourcesAddedOrRemoved();
      }
    }
    if (affected.isEmpty()) {
      return;
    }
    List<String> open;
    synchronized (documents) {
      open = new ArrayList<>(documents.keySet());
    }
    for (String uri : open) {
      Optional<Path> path = path(uri);
      if (path.isPresent() && affected.stream().anyMatch(w -> w.contains(path.get()))) {
        schedule(uri, path.get().equals(file) ? 0 : debounceMillis);
      }
    }
  }

  void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    if (!accepting()) {
      return;
    }
    List<Path> added = new ArrayList<>();
    List<Path> removed = new ArrayList<>();
    if (params.getEvent() != null) {
      params.getEvent().getAdded().forEach(f -> path(f.getUri()).ifPresent(added::add));
      params.getEvent().getRemoved().forEach(f -> path(f.getUri()).ifPresent(removed::add));
    }
    onAnalysisThread(
        () -> {
          List<Path> now = new ArrayList<>(folders);
          now.removeAll(removed);
          added.stream().filter(p -> !now.contains(p)).forEach(now::add);
          folders = List.copyOf(now);
          for (Path gone : removed) {
            Workspace workspace = workspaces.remove(gone);
            if (workspace != null) {
              workspace.close();
            }
          }
          List<String> open;
          synchronized (documents) {
            open = new ArrayList<>(documents.keySet());
          }
          open.forEach(uri -> schedule(uri, 0));
          return null;
        });
  }

  // ---- helpers ----

  private <T> CompletableFuture<T> onAnalysisThread(Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      analysisThread.execute(
          () -> {
            try {
              result.complete(work.get());
            } catch (Throwable e) {
              log(MessageType.Error, "mapvet: internal error, please report: " + stackTrace(e));
              result.completeExceptionally(e);
            }
          });
    } catch (RuntimeException e) {
      result.completeExceptionally(e); // the thread is stopped: the server is ending
    }
    return result;
  }

  private void publish(PublishDiagnosticsParams params) {
    LanguageClient current = client;
    if (current != null) {
      current.publishDiagnostics(params);
    }
  }

  private void log(MessageType type, String message) {
    LanguageClient current = client;
    try {
      if (current != null) {
        current.logMessage(new MessageParams(type, message));
        return;
      }
    } catch (RuntimeException e) {
      // the connection is gone: stderr is all that is left
    }
    System.err.println(message);
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /** The path of a {@code file:} URI, absolute and normalised; empty for other schemes. */
  static Optional<Path> path(String uri) {
    try {
      URI parsed = URI.create(uri);
      if (!"file".equalsIgnoreCase(parsed.getScheme())) {
        return Optional.empty();
      }
      return Optional.of(Path.of(parsed).toAbsolutePath().normalize());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static <T> CompletableFuture<T> failed(ResponseErrorCode code, String message) {
    CompletableFuture<T> future = new CompletableFuture<>();
    future.completeExceptionally(new ResponseErrorException(new ResponseError(code, message, null)));
    return future;
  }
}

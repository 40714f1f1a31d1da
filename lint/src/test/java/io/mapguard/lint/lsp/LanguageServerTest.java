package io.mapguard.lint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.lint.FakeAnalyzer;
import io.mapguard.lint.rules.RuleCatalog;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mapvet lsp} end to end, in this JVM: an LSP4J client on one end of a pipe, the server's
 * whole run ({@link LanguageServerMain#run}) on the other, the real front end on the demo.
 */
class LanguageServerTest {
  static final Path DEMO = Path.of("../demo/src/SessionRegistry.java");
  private static final Supplier<AnalyzerFactory> REAL = AnalyzerFactory::javaParser;

  static Path demoIn(Path folder) throws Exception {
    Path file = folder.resolve("SessionRegistry.java");
    Files.copy(DEMO, file);
    return file;
  }

  static Diagnostic withCode(PublishDiagnosticsParams published, String rule, int line) {
    return published.getDiagnostics().stream()
        .filter(d -> d.getCode() != null && rule.equals(d.getCode().getLeft()))
        .filter(d -> d.getRange().getStart().getLine() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + rule + " at line " + (line + 1) + ": " + published));
  }

  static boolean version(PublishDiagnosticsParams published, int version) {
    return Integer.valueOf(version).equals(published.getVersion());
  }

  @Test
  void reportsTheDemoFindingsFixesThemAndClearsOnClose(@TempDir Path workspace) throws Exception {
    Path file = demoIn(workspace);
    String text = LspSession.read(file);
    try (LspSession session = LspSession.inProcess(REAL)) {
      InitializeResult initialized = session.initialize(workspace);
      assertEquals(
          TextDocumentSyncKind.Full,
          initialized.getCapabilities().getTextDocumentSync().getRight().getChange());
      assertEquals("mapvet", initialized.getServerInfo().getName());
      assertNotNull(initialized.getCapabilities().getCodeActionProvider());

      session.open(file, 1, text);
      PublishDiagnosticsParams first = session.awaitDiagnostics(file, p -> version(p, 1));
      assertEquals(3, first.getDiagnostics().size(), first.toString());

      Diagnostic inconsistent = withCode(first, "InconsistentMapLocking", 26);
      assertEquals(new Range(new Position(26, 11), new Position(26, 19)), inconsistent.getRange());
      assertEquals(DiagnosticSeverity.Warning, inconsistent.getSeverity());
      assertEquals("mapvet", inconsistent.getSource());
      assertEquals(
          RuleCatalog.byName("InconsistentMapLocking").orElseThrow().helpUri(),
          inconsistent.getCodeDescription().getHref());
      assertTrue(
          inconsistent.getCodeDescription().getHref().endsWith("docs/rules/InconsistentMapLocking.md"));
      assertTrue(
          inconsistent.getMessage().startsWith("'sessions' is read without 'lock' here"),
          inconsistent.getMessage());
      List<DiagnosticRelatedInformation> related = inconsistent.getRelatedInformation();
      assertEquals(1, related.size(), related.toString());
      assertEquals(LspSession.uri(file), related.get(0).getLocation().getUri());
      assertEquals(14, related.get(0).getLocation().getRange().getStart().getLine());
      assertEquals("'lock' is held here", related.get(0).getMessage());
      // the race on 'hits', once, at its write; its read is related information
      Diagnostic race = withCode(first, "UnsynchronizedSharedMap", 16);
      assertTrue(race.getMessage().contains("Also unguarded: line 37 (read)."), race.getMessage());
      assertEquals(36, race.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());
      withCode(first, "GuardedMapEscape", 31);

      // the quick fixes of the finding under the cursor
      List<CodeAction> actions =
          session.codeActions(file, new Range(new Position(26, 14), new Position(26, 14)));
      CodeAction wrap =
          actions.stream()
              .filter(a -> a.getTitle().startsWith("Wrap the statement in synchronized (lock)"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(actions.toString()));
      assertEquals(CodeActionKind.QuickFix, wrap.getKind());
      assertEquals(List.of(inconsistent), wrap.getDiagnostics());
      assertTrue(actions.stream().anyMatch(a -> a.getTitle().startsWith("Annotate 'sessions' with @GuardedBy")));
      String locked = LspSession.apply(text, LspSession.editsOf(wrap));
      assertTrue(
          locked.contains(
              "    synchronized (lock) {\n      return sessions.containsKey(user);\n    }\n"),
          locked);

      session.change(file, 2, locked);
      PublishDiagnosticsParams second = session.awaitDiagnostics(file, p -> version(p, 2));
      assertEquals(2, second.getDiagnostics().size(), second.toString());
      assertTrue(
          second.getDiagnostics().stream()
              .noneMatch(d -> d.getCode().getLeft().equals("InconsistentMapLocking")));

      Diagnostic hits = withCode(second, "UnsynchronizedSharedMap", 16);
      CodeAction concurrent =
          session.codeActions(file, hits.getRange()).stream()
              .filter(a -> a.getTitle().equals("Create 'hits' as a ConcurrentHashMap."))
              .findFirst()
              .orElseThrow();
      String concurrentText = LspSession.apply(locked, LspSession.editsOf(concurrent));
      assertTrue(concurrentText.contains("new ConcurrentHashMap<>();"), concurrentText);
      assertTrue(concurrentText.contains("import java.util.concurrent.ConcurrentHashMap;\n"), concurrentText);

      session.change(file, 3, concurrentText);
      PublishDiagnosticsParams third = session.awaitDiagnostics(file, p -> version(p, 3));
      assertEquals(1, third.getDiagnostics().size(), third.toString());
      withCode(third, "GuardedMapEscape", 34);

      String copied = concurrentText.replace("return sessions;", "return new HashMap<>(sessions);");
      session.change(file, 4, copied);
      PublishDiagnosticsParams fourth = session.awaitDiagnostics(file, p -> version(p, 4));
      assertEquals(List.of(), fourth.getDiagnostics());

      // a file that does not parse (mid-edit): no findings, and a note that says why
      session.change(file, 5, copied.replace("public int hitsOf", "public int hitsOf("));
      PublishDiagnosticsParams broken = session.awaitDiagnostics(file, p -> version(p, 5));
      assertEquals(1, broken.getDiagnostics().size(), broken.toString());
      assertEquals(DiagnosticSeverity.Information, broken.getDiagnostics().get(0).getSeverity());
      assertTrue(broken.getDiagnostics().get(0).getMessage().startsWith("not analysed (parse error)"));

      session.change(file, 6, text);
      session.awaitDiagnostics(file, p -> version(p, 6) && p.getDiagnostics().size() == 3);
      session.close(file);
      session.awaitDiagnostics(file, p -> p.getVersion() == null && p.getDiagnostics().isEmpty());
      assertEquals(0, session.shutdownAndExit());
    }
  }

  /**
   * The open file is analysed as edited, with the workspace's other files on disk resolving its
   * types: {@code Cache} is a map only by its declaration in Cache.java.
   */
  @Test
  void analysesTheUnsavedTextAgainstTheWorkspacesOtherFiles(@TempDir Path workspace)
      throws Exception {
    Path acme = Files.createDirectories(workspace.resolve("src/main/java/com/acme"));
    Files.writeString(
        acme.resolve("Cache.java"),
        "package com.acme;\n\nimport java.util.HashMap;\n\npublic class Cache extends HashMap<String, Integer> {}\n");
    String saved =
        String.join(
            "\n",
            "package com.acme;",
            "",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Executors;",
            "",
            "public class Registry {",
            "  private final Cache hits = new Cache();",
            // one thread: the tasks alone never overlap (a pool of several would run copies at once)
            "  private final ExecutorService pool = Executors.newSingleThreadExecutor();",
            "",
            "  public void record(String user) {",
            "    pool.submit(() -> hits.put(user, 1));",
            "  }",
            "}",
            "");
    Path registry = acme.resolve("Registry.java");
    Files.writeString(registry, saved);
    String edited =
        saved.replace(
            "  }\n}", "  }\n\n  public int hitsOf(String user) {\n    return hits.getOrDefault(user, 0);\n  }\n}");
    try (LspSession session = LspSession.inProcess(REAL)) {
      session.initialize(workspace);
      session.open(registry, 1, saved);
      assertEquals(List.of(), session.awaitDiagnostics(registry, p -> version(p, 1)).getDiagnostics());
      session.change(registry, 2, edited);
      PublishDiagnosticsParams published = session.awaitDiagnostics(registry, p -> version(p, 2));
      assertEquals(1, published.getDiagnostics().size(), published.toString());
      Diagnostic written = withCode(published, "UnsynchronizedSharedMap", 10);
      assertTrue(written.getMessage().contains("'hits' is written here without a lock"), written.getMessage());
      assertTrue(written.getMessage().contains("Also unguarded: line 15 (read)."), written.getMessage());
      assertEquals(14, written.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());
      assertEquals(0, session.shutdownAndExit());
    }
  }

  /**
   * A guarded map returned from a package-private getter: whether it escapes its lock is decided by
   * the callers in the workspace's other files, as a run over the folder decides it.
   */
  @Test
  void decidesAGetterByTheCallersInTheWorkspacesOtherFiles(@TempDir Path workspace) throws Exception {
    Path pkg = Files.createDirectories(workspace.resolve("src/main/java/com/acme"));
    Path reader = pkg.resolve("Reader.java");
    Files.writeString(
        reader,
        String.join(
            "\n",
            "package com.acme;",
            "",
            "import java.util.Map;",
            "",
            "class Reader {",
            "  int count(Table table) {",
            "    Map<String, String> rows = table.rows();",
            "    synchronized (rows) {",
            "      return rows.size();",
            "    }",
            "  }",
            "}",
            ""));
    String table =
        String.join(
            "\n",
            "package com.acme;",
            "",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "",
            "public class Table {",
            "  private final Map<String, String> rows = new HashMap<>();",
            "",
            "  public void put(String k, String v) {",
            "    synchronized (rows) {",
            "      rows.put(k, v);",
            "    }",
            "  }",
            "",
            "  Map<String, String> rows() {",
            "    return rows;",
            "  }",
            "}",
            "");
    Path tableFile = pkg.resolve("Table.java");
    Files.writeString(tableFile, table);
    try (LspSession session = LspSession.inProcess(REAL)) {
      session.initialize(workspace);
      session.open(tableFile, 1, table);
      assertEquals(List.of(), session.awaitDiagnostics(tableFile, p -> version(p, 1)).getDiagnostics());
      Files.writeString(reader, Files.readString(reader).replace("synchronized (rows) {", "{"));
      session.change(tableFile, 2, table);
      PublishDiagnosticsParams published = session.awaitDiagnostics(tableFile, p -> version(p, 2));
      Diagnostic escape = withCode(published, "GuardedMapEscape", 15);
      assertTrue(
          escape.getMessage().contains("It is used without the lock by Reader.count (Reader.java:7)"),
          escape.getMessage());
      assertEquals(0, session.shutdownAndExit());
    }
  }

  @Test
  void publishesOnlyTheLatestVersionAfterAPauseInTyping(@TempDir Path workspace) throws Exception {
    Path file = demoIn(workspace);
    String text = LspSession.read(file);
    String fixed = text.replace("return sessions;", "return new HashMap<>(sessions);");
    try (LspSession session = LspSession.inProcess(REAL, "--debounce", "1000")) {
      session.initialize(workspace);
      session.open(file, 1, text);
      session.awaitDiagnostics(file, p -> version(p, 1));
      for (int version = 2; version <= 11; version++) {
        session.change(file, version, version % 2 == 0 ? fixed : text);
      }
      PublishDiagnosticsParams last = session.awaitDiagnostics(file, p -> version(p, 11));
      assertEquals(3, last.getDiagnostics().size());
      TimeUnit.MILLISECONDS.sleep(1200);
      List<PublishDiagnosticsParams> all = session.client.publishedFor(LspSession.uri(file));
      assertEquals(2, all.size(), "only versions 1 and 11: " + all);
      assertEquals(0, session.shutdownAndExit());
    }
  }

  /** An analysis that ends after the text changed publishes nothing: the newer one does. */
  @Test
  void neverPublishesResultsOfAnOlderVersion(@TempDir Path workspace) throws Exception {
    Path file = workspace.resolve("Slow.java");
    Files.writeString(file, "class Slow {}\n");
    Supplier<AnalyzerFactory> slowOnMarker =
        () ->
            (options, roots, classpath) -> {
              FakeAnalyzer fake = new FakeAnalyzer();
              return (name, source) -> {
                if (source.contains("SLOW")) {
                  try {
                    TimeUnit.MILLISECONDS.sleep(1500);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
                return fake.analyze(name, source);
              };
            };
    try (LspSession session = LspSession.inProcess(slowOnMarker, "--debounce", "0")) {
      session.initialize(workspace);
      session.open(file, 1, "class Slow { /* SLOW FAKE(UnsynchronizedSharedMap): old */ }\n");
      TimeUnit.MILLISECONDS.sleep(300); // the analysis of version 1 is under way
      session.change(file, 2, "class Slow {\n  // FAKE(InconsistentMapLocking): new\n}\n");
      PublishDiagnosticsParams published = session.awaitDiagnostics(file, p -> version(p, 2));
      assertEquals("InconsistentMapLocking", published.getDiagnostics().get(0).getCode().getLeft());
      TimeUnit.MILLISECONDS.sleep(300);
      assertEquals(1, session.client.publishedFor(LspSession.uri(file)).size(), session.client.published.toString());
      assertEquals(0, session.shutdownAndExit());
    }
  }

  @Test
  void readsMapvetPropertiesAgainWhenItChanges(@TempDir Path workspace) throws Exception {
    Path file = demoIn(workspace);
    String text = LspSession.read(file);
    Path config = workspace.resolve("mapvet.properties");
    Files.writeString(config, "disable=UnsynchronizedSharedMap\n");
    try (LspSession session = LspSession.inProcess(REAL)) {
      session.initialize(workspace);
      session.open(file, 1, text);
      PublishDiagnosticsParams first = session.awaitDiagnostics(file, p -> version(p, 1));
      assertEquals(2, first.getDiagnostics().size(), first.toString());

      // the client's file watcher says it changed
      Files.writeString(config, "# all default rules\n");
      int mark = session.client.mark();
      watched(session, config);
      session.awaitDiagnostics(file, mark, p -> p.getDiagnostics().size() == 3);

      // no watcher (a client without one): the file is looked at before each analysis
      Files.writeString(config, "disable=GuardedMapEscape\n");
      Files.setLastModifiedTime(config, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
      session.change(file, 2, text);
      assertEquals(2, session.awaitDiagnostics(file, p -> version(p, 2)).getDiagnostics().size());

      // a broken file: said on the file itself and to the user; the defaults meanwhile
      Files.writeString(config, "exlcude=src/gen/**\n");
      mark = session.client.mark();
      watched(session, config);
      PublishDiagnosticsParams problem =
          session.client.await(LspSession.uri(config), mark, p -> !p.getDiagnostics().isEmpty());
      assertEquals(DiagnosticSeverity.Error, problem.getDiagnostics().get(0).getSeverity());
      assertTrue(problem.getDiagnostics().get(0).getMessage().contains("unknown key 'exlcude'"));
      session.awaitDiagnostics(file, mark, p -> p.getDiagnostics().size() == 3);
      session.client.awaitShown(m -> m.getMessage().contains("exlcude"));

      Files.writeString(config, "exclude=Session*.java\n");
      mark = session.client.mark();
      watched(session, config);
      session.client.await(LspSession.uri(config), mark, p -> p.getDiagnostics().isEmpty());
      session.awaitDiagnostics(file, mark, p -> p.getDiagnostics().isEmpty());
      assertEquals(0, session.shutdownAndExit());
    }
  }

  private static void watched(LspSession session, Path file) {
    session
        .server
        .getWorkspaceService()
        .didChangeWatchedFiles(
            new DidChangeWatchedFilesParams(
                List.of(new FileEvent(LspSession.uri(file), FileChangeType.Changed))));
  }

  @Test
  void anInternalErrorIsLoggedAndTheServerGoesOn(@TempDir Path workspace) throws Exception {
    Path file = demoIn(workspace);
    String text = LspSession.read(file);
    AtomicInteger analyzersMade = new AtomicInteger();
    Supplier<AnalyzerFactory> failingOnce =
        () ->
            (options, roots, classpath) -> {
              if (analyzersMade.getAndIncrement() == 0) {
                throw new StackOverflowError("made up for the test");
              }
              return AnalyzerFactory.javaParser().create(options, roots, classpath);
            };
    try (LspSession session = LspSession.inProcess(failingOnce)) {
      session.initialize(workspace);
      session.open(file, 1, text);
      assertEquals(List.of(), session.awaitDiagnostics(file, p -> version(p, 1)).getDiagnostics());
      session.client.awaitLog(
          m -> m.getType() == MessageType.Error && m.getMessage().contains("made up for the test"));
      session.change(file, 2, text);
      assertEquals(3, session.awaitDiagnostics(file, p -> version(p, 2)).getDiagnostics().size());
      assertEquals(0, session.shutdownAndExit());
    }
  }

  @Test
  void aFailureInsideTheAnalyzerIsLoggedNotPublished(@TempDir Path workspace) throws Exception {
    Path file = workspace.resolve("Crash.java");
    Files.writeString(file, "class Crash {}\n");
    try (LspSession session = LspSession.inProcess(FakeAnalyzer::factory)) {
      session.initialize(workspace);
      session.open(file, 1, "class Crash { /* CRASH */ }\n");
      assertEquals(List.of(), session.awaitDiagnostics(file, p -> version(p, 1)).getDiagnostics());
      session.client.awaitLog(
          m -> m.getType() == MessageType.Error && m.getMessage().contains("mapvet failed on this file"));
      session.change(file, 2, "class Crash {\n  // FAKE(GuardedMapEscape): escapes\n}\n");
      assertEquals(1, session.awaitDiagnostics(file, p -> version(p, 2)).getDiagnostics().size());
      assertEquals(0, session.shutdownAndExit());
    }
  }

  @Test
  void exitWithoutShutdownIsExitCodeOne(@TempDir Path workspace) throws Exception {
    try (LspSession session = LspSession.inProcess(REAL)) {
      session.initialize(workspace);
      session.server.exit();
      assertEquals(1, session.awaitExit());
    }
  }

  @Test
  void theInputEndingWithoutShutdownIsExitCodeOne(@TempDir Path workspace) throws Exception {
    try (LspSession session = LspSession.inProcess(REAL)) {
      session.initialize(workspace);
      session.closeInput();
      assertEquals(1, session.awaitExit());
    }
  }

  @Test
  void requestsAfterShutdownAreRefused(@TempDir Path workspace) throws Exception {
    Path file = demoIn(workspace);
    try (LspSession session = LspSession.inProcess(REAL)) {
      session.initialize(workspace);
      session.server.shutdown().get(LspSession.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      ExecutionException refused =
          assertThrows(
              ExecutionException.class,
              () -> session.codeActions(file, new Range(new Position(0, 0), new Position(0, 0))));
      assertTrue(refused.getCause() instanceof ResponseErrorException, refused.toString());
      session.server.exit();
      assertEquals(0, session.awaitExit());
    }
  }

  @Test
  void usageErrorsAndHelp() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stream = new java.io.PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(
        2,
        LanguageServerMain.run(
            new String[] {"--debounce", "soon"}, java.io.InputStream.nullInputStream(),
            java.io.OutputStream.nullOutputStream(), stream, REAL, false));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--debounce takes a number"));
    assertEquals(
        0,
        LanguageServerMain.run(
            new String[] {"--help"}, java.io.InputStream.nullInputStream(),
            java.io.OutputStream.nullOutputStream(), stream, REAL, false));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: mapvet lsp"));
    assertFalse(err.toString(StandardCharsets.UTF_8).isEmpty());
  }
}

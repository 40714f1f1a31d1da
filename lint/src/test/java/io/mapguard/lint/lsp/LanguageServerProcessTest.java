package io.mapguard.lint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mapvet lsp} as editors run it: a process of its own, through {@code MapVet.main}, talked to
 * over its stdin and stdout, by an LSP4J client and by Neovim's built-in client.
 */
class LanguageServerProcessTest {
  private static final Pattern HEADER = Pattern.compile("Content-Length: (\\d+)\r\n\r\n");

  static List<String> serverCommand() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        "io.mapguard.lint.MapVet",
        "lsp");
  }

  @Test
  void servesAnLsp4jClientOverStdio(@TempDir Path workspace) throws Exception {
    Path file = LanguageServerTest.demoIn(workspace);
    String text = LspSession.read(file);
    Path stderr = workspace.resolve("server.err");
    try (LspSession session = LspSession.process(serverCommand(), stderr)) {
      session.initialize(workspace);
      session.open(file, 1, text);
      PublishDiagnosticsParams published =
          session.awaitDiagnostics(file, p -> LanguageServerTest.version(p, 1));
      assertEquals(3, published.getDiagnostics().size(), published.toString());
      Diagnostic escape = LanguageServerTest.withCode(published, "GuardedMapEscape", 31);
      assertTrue(escape.getCodeDescription().getHref().endsWith("/docs/rules/GuardedMapEscape.md"));
      Diagnostic hits = LanguageServerTest.withCode(published, "UnsynchronizedSharedMap", 16);
      assertEquals(36, hits.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());
      List<CodeAction> actions = session.codeActions(file, hits.getRange());
      assertEquals(List.of("Create 'hits' as a ConcurrentHashMap."), actions.stream().map(CodeAction::getTitle).toList());

      String fixed = LspSession.apply(text, LspSession.editsOf(actions.get(0)));
      session.change(file, 2, fixed);
      PublishDiagnosticsParams after = session.awaitDiagnostics(file, p -> LanguageServerTest.version(p, 2));
      assertEquals(2, after.getDiagnostics().size(), after.toString());
      assertEquals(0, session.shutdownAndExit(), Files.readString(stderr));
      assertOnlyJsonRpc(session.rawOutput());
    }
  }

  /** stdout carries LSP's frames and nothing else: each a Content-Length header and that much JSON. */
  static void assertOnlyJsonRpc(byte[] output) {
    // one char per byte, so that indices are byte offsets (Content-Length counts bytes)
    String text = new String(output, StandardCharsets.ISO_8859_1);
    int at = 0;
    int frames = 0;
    while (at < output.length) {
      Matcher header = HEADER.matcher(text.substring(at, Math.min(text.length(), at + 64)));
      if (!header.lookingAt()) {
        fail("not a JSON-RPC frame at byte " + at + ": " + text.substring(at, Math.min(text.length(), at + 80)));
      }
      int length = Integer.parseInt(header.group(1));
      int body = at + header.end();
      String json = new String(output, body, length, StandardCharsets.UTF_8);
      assertTrue(json.startsWith("{") && json.endsWith("}"), json);
      at = body + length;
      frames++;
    }
    assertTrue(frames >= 3, "frames: " + frames);
  }

  /**
   * Neovim's built-in LSP client, headless (lint/src/test/nvim/check-lsp.lua): diagnostics, the
   * quick fix applied, the finding gone. Skipped where Neovim is not installed; CI installs it.
   */
  @Test
  void servesNeovimsBuiltInClient(@TempDir Path workspace) throws Exception {
    Assumptions.assumeTrue(onPath("nvim"), "nvim is not installed");
    Path file = LanguageServerTest.demoIn(workspace);
    String command =
        "[" + String.join(",", serverCommand().stream().map(LanguageServerProcessTest::json).toList()) + "]";
    List<String> nvim =
        List.of(
            "nvim", "--headless", "--clean", "-u", "NONE", "-i", "NONE", "-n",
            "-c", "luafile " + Path.of("src/test/nvim/check-lsp.lua").toAbsolutePath());
    ProcessBuilder builder = new ProcessBuilder(nvim).redirectErrorStream(true);
    builder.environment().put("MAPVET_LSP_CMD", command);
    builder.environment().put("MAPVET_ROOT", workspace.toString());
    builder.environment().put("MAPVET_FILE", file.toString());
    Path log = workspace.resolve("nvim.log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("nvim did not finish: " + Files.readString(log));
    }
    String output = Files.readString(log);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("nvim-lsp-check: passed"), output);
    assertTrue(output.contains("SessionRegistry.java:27:12: mapvet: 'sessions' is read without 'lock' here"), output);
    assertTrue(output.contains("code action: Wrap the statement in synchronized (lock) { … }."), output);
  }

  private static boolean onPath(String program) {
    List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    return directories.stream().anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
  }

  private static String json(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

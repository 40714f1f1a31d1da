package io.mapguard.lint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which files a project question reads when the scan's parse told the types of its calls'
 * receivers ({@link ReceiverKeys}, {@link ReceiverTypes}): only those whose calls of the method's
 * name and arity may run it, and never one the question's own reading would find a call in.
 */
class ReceiverTypesTest {
  private static final Map<String, String> SOURCES = new LinkedHashMap<>();

  static {
    SOURCES.put("p/Lifecycle.java", "package p; public interface Lifecycle { void start(); }");
    SOURCES.put(
        "p/Base.java",
        "package p; public abstract class Base implements Lifecycle {"
            + " public void start() { startInternal(); } protected abstract void startInternal(); }");
    SOURCES.put("p/Engine.java", "package p; public class Engine extends Base { protected void startInternal() {} }");
    SOURCES.put("p/Listener.java", "package p; public class Listener { public void start() {} }");
    // its package's Process, not java.lang's: named without an import
    SOURCES.put("p/Process.java", "package p; public class Process extends Listener {}");
    SOURCES.put("p/Processes.java", "package p; class Processes { void run(Process p) { p.start(); } }");
    SOURCES.put(
        "p/Other.java",
        "package p; public class Other extends Listener {"
            + " public void start() { super.start(); } protected void startInternal() {} }");
    SOURCES.put("p/Threads.java", "package p; class Threads { void run(Thread t) { t.start(); } }");
    SOURCES.put("p/Wiring.java", "package p; class Wiring { void run(Listener l) { l.start(); } }");
    SOURCES.put("p/Components.java", "package p; class Components { void run(Lifecycle c) { c.start(); } }");
    SOURCES.put("p/Engines.java", "package p; class Engines { void run(Engine e) { e.start(); } }");
    SOURCES.put("p/Chains.java", "package p; class Chains { Object make() { return null; } void run() { ((Listener) make()).start(); pick().start(); } Lifecycle pick() { return null; } }");
    SOURCES.put("p/Results.java", "package p; class Results { java.util.List<Listener> all; void run() { all.get(0).start(); } }");
    SOURCES.put(
        "p/Inferred.java",
        "package p; class Inferred { java.util.List<Listener> all; void run() { var first = all.get(0); first.start(); } }");
    SOURCES.put("p/Refs.java", "package p; class Refs { Runnable of(Listener listener) { return listener::start; } }");
    SOURCES.put("p/Library.java", "package p; import com.lib.Widget; class Library { void run(Widget w) { w.start(); } }");
    SOURCES.put("p/Subclass.java", "package p; class Subclass extends com.lib.Part { void run() { start(); } }");
  }

  private static final ProjectMethod LISTENER_START = new ProjectMethod(List.of("p.Listener", "java.lang.Object"), "start", 0);
  private static final ProjectMethod BASE_START =
      new ProjectMethod(List.of("p.Base", "p.Lifecycle", "java.lang.Object"), "start", 0);
  private static final ProjectMethod ENGINE_START_INTERNAL =
      new ProjectMethod(List.of("p.Engine", "p.Base", "p.Lifecycle", "java.lang.Object"), "startInternal", 0);
  /** A start() overriding Thread's. */
  private static final ProjectMethod JOB_START =
      new ProjectMethod(List.of("p.Job", "java.lang.Thread", "java.lang.Object", "java.lang.Runnable"), "start", 0);

  /** Records the files a question parses, and answers with what the real reader finds there. */
  private static final class RecordingAnalyzer implements FileAnalyzer {
    final SourceAnalyzer reader;

    /** With the files written under a source root, as a scan reads them: the solver then resolves calls. */
    RecordingAnalyzer() {
      try {
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("receiver-types");
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
          java.nio.file.Path file = root.resolve(source.getKey());
          java.nio.file.Files.createDirectories(file.getParent());
          java.nio.file.Files.writeString(file, source.getValue());
        }
        reader = new SourceAnalyzer(AnalysisOptions.defaults(), List.of(root), List.of());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    final List<String> parsed = new ArrayList<>();

    @Override
    public FileResult analyze(String file, String source) {
      return reader.analyze(file, source);
    }

    @Override
    public List<ProjectCall> callsOf(ProjectMethod method, String file, String source) {
      parsed.add(file);
      return reader.callsOf(method, file, source);
    }

    @Override
    public ReceiverKeys receiverKeysOf(String file, String source) {
      return reader.receiverKeysOf(file, source);
    }
  }

  private static List<LintProjectCalls.ProjectFile> scanned(SourceAnalyzer analyzer) {
    List<LintProjectCalls.ProjectFile> files = new ArrayList<>();
    SOURCES.forEach(
        (path, text) -> {
          CallKeys keys = analyzer.analyze(path, text).callKeys();
          assertNotNull(keys.receivers(), path);
          files.add(new LintProjectCalls.ProjectFile(path, () -> text, keys));
        });
    return files;
  }

  /** The files calling or referencing a {@code start} (by their parse: a declaration is no call). */
  private static List<String> filesCallingStart() {
    List<String> calling = new ArrayList<>();
    SOURCES.forEach(
        (path, text) -> {
          if (CallKeys.of(com.github.javaparser.StaticJavaParser.parse(text)).calledNames().contains("start")) {
            calling.add(path);
          }
        });
    return calling;
  }

  private static List<String> filesRead(ProjectMethod method) {
    RecordingAnalyzer analyzer = new RecordingAnalyzer();
    new LintProjectCalls(scanned(analyzer.reader), analyzer).callsOf(method);
    return analyzer.parsed;
  }

  @Test
  void aClassesMethodIsLookedForOnReceiversThatMayBeOfItsTypes() {
    assertEquals(
        List.of(
            "p/Processes.java", "p/Other.java", "p/Wiring.java", "p/Chains.java", "p/Results.java", "p/Inferred.java", "p/Refs.java",
            "p/Library.java", "p/Subclass.java"),
        filesRead(LISTENER_START),
        "not a Thread's, a Lifecycle's or an Engine's start(); super.start() in a subclass, a cast, a"
            + " call's result (also through a var), a method reference and a library's types may be its");
  }

  @Test
  void aMethodAnInterfaceDeclaresIsLookedForOnTheInterfaceAndOnSubtypesInheritingIt() {
    assertEquals(
        List.of(
            "p/Components.java", "p/Engines.java", "p/Chains.java", "p/Results.java", "p/Inferred.java", "p/Refs.java",
            "p/Library.java", "p/Subclass.java"),
        filesRead(BASE_START),
        "Lifecycle declares it, Engine inherits Base's; Listener and Other declare their own");
  }

  @Test
  void aHookIsLookedForWhereItsSuperclassCallsIt() {
    assertEquals(List.of("p/Base.java"), filesRead(ENGINE_START_INTERNAL), "Other's own startInternal is not Engine's");
  }

  @Test
  void aMethodTheJdkDeclaresIsLookedForInEveryFileCallingItsName() {
    assertEquals(filesCallingStart(), filesRead(JOB_START), "any receiver may be a Thread");
  }

  /**
   * Files the scan indexed by their text (under a source root, outside the paths scanned) are
   * parsed for their receivers when a question needs them; their own classes stay unknown (a
   * receiver of one of their types may be anything's).
   */
  @Test
  void aFileIndexedByItsTextIsParsedForItsReceivers() {
    RecordingAnalyzer analyzer = new RecordingAnalyzer();
    // the scan covered the package's classes; the files using them are indexed by their text
    List<String> scanned = List.of("p/Lifecycle.java", "p/Base.java", "p/Engine.java", "p/Listener.java");
    List<LintProjectCalls.ProjectFile> files = new ArrayList<>();
    SOURCES.forEach(
        (path, text) ->
            files.add(
                scanned.contains(path)
                    ? new LintProjectCalls.ProjectFile(path, () -> text, analyzer.reader.analyze(path, text).callKeys())
                    : new LintProjectCalls.ProjectFile(path, () -> text)));
    List<String> callingStart = filesCallingStart();
    callingStart.removeAll(List.of("p/Threads.java", "p/Components.java", "p/Engines.java"));
    new LintProjectCalls(files, analyzer).callsOf(LISTENER_START);
    assertEquals(
        callingStart,
        analyzer.parsed,
        "a Thread's, a Lifecycle's or an Engine's start() is not Listener's; Process (a class of the"
            + " package, not java.lang's) and Other (of a file read by its text) may be");
  }

  /**
   * A scan of part of a tree answers what a question reading by name answered before: more text
   * files than one method's limit call the name, all on a Thread, and are parsed to leave them out.
   */
  @Test
  void aScanOfPartOfATreeParsesAsManyTextFilesAsAQuestionReadByName() {
    RecordingAnalyzer analyzer = new RecordingAnalyzer();
    String listener = SOURCES.get("p/Listener.java");
    List<LintProjectCalls.ProjectFile> files = new ArrayList<>();
    files.add(new LintProjectCalls.ProjectFile("p/Listener.java", () -> listener, analyzer.reader.analyze("p/Listener.java", listener).callKeys()));
    int threads = io.mapguard.engine.project.ProjectCalls.MAX_FILES_PER_METHOD + 8;
    for (int i = 0; i < threads; i++) {
      String text = "package p; class Starter" + i + " { void run(Thread t) { t.start(); } }";
      files.add(new LintProjectCalls.ProjectFile("p/Starter" + i + ".java", () -> text));
    }
    assertEquals(0, new LintProjectCalls(files, analyzer).filesToRead(LISTENER_START));
  }

  /**
   * A file left out holds no call the question's reading resolves to the method, or to a supertype's
   * method it overrides; only calls the reading cannot type ({@code super.start()} in {@code Other},
   * whose superclass {@code Listener} declares its own {@code start()}, as javac resolves it).
   */
  @Test
  void noFileLeftOutHasACallTheQuestionResolvesToTheMethod() {
    for (ProjectMethod method : List.of(LISTENER_START, BASE_START, ENGINE_START_INTERNAL)) {
      RecordingAnalyzer analyzer = new RecordingAnalyzer();
      List<ProjectCall> found = new LintProjectCalls(scanned(analyzer.reader), analyzer).callsOf(method);
      List<String> read = analyzer.parsed;
      List<String> untyped = new ArrayList<>();
      for (Map.Entry<String, String> source : SOURCES.entrySet()) {
        if (!read.contains(source.getKey())) {
          for (ProjectCall call : analyzer.reader.callsOf(method, source.getKey(), source.getValue())) {
            assertEquals(ProjectCall.Target.UNKNOWN, call.target(), method.display() + " in " + source.getKey());
            untyped.add(source.getKey());
          }
        }
      }
      assertEquals(method == BASE_START ? List.of("p/Other.java") : List.of(), untyped, method.display());
      assertEquals(found.size(), found.stream().filter(call -> read.contains(call.file())).count());
    }
  }
}

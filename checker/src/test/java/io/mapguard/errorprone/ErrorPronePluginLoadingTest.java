package io.mapguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.bugpatterns.BugChecker;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the checks the way a real build does: Error Prone finds plugin checks with
 * {@link ServiceLoader}, which needs the AutoService entry and a public no-arg constructor.
 * CompilationTestHelper instantiates the class directly and would not notice either missing.
 */
class ErrorPronePluginLoadingTest {
  private static final Set<String> CHECKS =
      Rules.all().stream().map(Rule::ruleName).collect(Collectors.toSet());

  @Test
  void serviceLoaderFindsAndInstantiatesEveryCheck() {
    Set<String> loaded =
        ServiceLoader.load(BugChecker.class).stream()
            .map(ServiceLoader.Provider::get)
            .map(BugChecker::canonicalName)
            .filter(CHECKS::contains)
            .collect(Collectors.toSet());
    assertEquals(CHECKS, loaded);
  }

  private static final String COUNTER =
      String.join(
          "\n",
          "import java.util.HashMap;",
          "import java.util.List;",
          "import java.util.Map;",
          "class Counter {",
          "  private final Map<String, Integer> counts = new HashMap<>();",
          "  void start() { new Thread(() -> counts.merge(\"a\", 1, Integer::sum)).start(); }",
          "  Integer get() { return counts.get(\"a\"); }",
          "  Map<String, String> index(List<String> keys) { return new HashMap<>(keys.size()); }",
          "}");

  @Test
  void xpluginErrorProneRunsOnlyTheSelectedMapguardCheck(@TempDir Path out) throws Exception {
    List<String> warnings =
        mapguardWarnings(
            out,
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:UnsynchronizedSharedMap:WARN"
                + " -XepOpt:MapGuard:ImmediateMethods=com.acme.Pool#runNow");
    // one race, at its write, naming the read
    assertEquals(1, warnings.size(), String.valueOf(warnings));
    assertTrue(warnings.get(0).startsWith("6: [UnsynchronizedSharedMap] 'counts'"), warnings.get(0));
    assertTrue(warnings.get(0).contains("Also unguarded: line 7 (read)."), warnings.get(0));
  }

  /** The generated checks answer to their names in -Xep flags, as the hand-written ones did. */
  @Test
  void xepFlagsTurnTheGeneratedChecksOnAndOff(@TempDir Path out) throws Exception {
    List<String> byDefault = mapguardWarnings(out.resolve("default"), "-Xplugin:ErrorProne");
    assertEquals(List.of("[UnsynchronizedSharedMap]"), rulesOf(byDefault));
    assertEquals(
        List.of("[UnsynchronizedSharedMap]", "[UnsynchronizedSharedMap]"),
        rulesOf(mapguardWarnings(out.resolve("every"), "-Xplugin:ErrorProne -XepOpt:MapGuard:EveryAccess=true")));
    assertEquals(
        List.of(),
        rulesOf(mapguardWarnings(out.resolve("off"), "-Xplugin:ErrorProne -Xep:UnsynchronizedSharedMap:OFF")));
    assertEquals(
        List.of("[MapCapacityHint]", "[UnsynchronizedSharedMap]"),
        rulesOf(mapguardWarnings(out.resolve("hint"), "-Xplugin:ErrorProne -Xep:MapCapacityHint:WARN")));
    assertEquals(
        List.of("[MapCapacityHint]"),
        rulesOf(
            mapguardWarnings(
                out.resolve("disabled"),
                "-Xplugin:ErrorProne -Xep:MapCapacityHint:WARN"
                    + " -XepOpt:MapGuard:Disable=UnsynchronizedSharedMap")));
  }

  /** The rules of {@code warnings}, sorted: Error Prone reports check by check. */
  private static List<String> rulesOf(List<String> warnings) {
    return warnings.stream()
        .map(w -> w.replaceFirst("(?s)^\\d+: (\\[\\w+\\]).*", "$1"))
        .sorted()
        .toList();
  }

  /** "line: message" of mapguard's diagnostics of {@link #COUNTER} compiled with {@code errorProne}. */
  private static List<String> mapguardWarnings(Path out, String errorProne) throws Exception {
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///Counter.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return COUNTER;
          }
        };
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    List<String> options =
        List.of(
            "-d",
            Files.createDirectories(out).toString(),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-processorpath",
            // Surefire runs tests from a manifest-only jar; it passes the real path in this property.
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            errorProne);
    boolean ok = javac.getTask(output, null, diagnostics, options, null, List.of(file)).call();
    assertTrue(ok, output + " " + diagnostics.getDiagnostics());
    List<String> names = Rules.all().stream().map(rule -> "[" + rule.ruleName() + "]").toList();
    return diagnostics.getDiagnostics().stream()
        .map(d -> d.getLineNumber() + ": " + d.getMessage(null))
        .filter(m -> names.stream().anyMatch(m::contains))
        .toList();
  }
}

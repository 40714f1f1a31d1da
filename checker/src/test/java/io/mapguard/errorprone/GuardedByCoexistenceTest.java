package io.mapguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the user guide says about Error Prone's own GuardedBy check beside mapguard ("Error Prone's
 * own GuardedBy check"), checked on the Error Prone of the build: which annotations it reads, that
 * both report the same access, and the settings the guide recommends.
 */
class GuardedByCoexistenceTest {
  @TempDir Path out;

  private static String registry(String annotation, String helperAnnotation) {
    return String.join(
        "\n",
        "import java.util.HashMap;",
        "import java.util.Map;",
        "class Registry {",
        "  private final Object lock = new Object();",
        "  @" + annotation + "(\"lock\")",
        "  private final Map<String, Integer> m = new HashMap<>();",
        "  void start() { new Thread(() -> { synchronized (lock) { putLocked(); } }).start(); }",
        "  Integer get() { return m.get(\"a\"); }", // line 8: read without the lock
        helperAnnotation.isEmpty() ? "" : "  @" + helperAnnotation + "(\"lock\")", // line 9
        "  private void putLocked() { m.put(\"a\", 1); }", // line 10: callers hold the lock
        "}");
  }

  @ParameterizedTest
  @CsvSource({
    "javax.annotation.concurrent.GuardedBy, '8 ERROR [GuardedBy], 8 WARNING [InconsistentMapLocking], 10 ERROR [GuardedBy]'",
    "com.google.errorprone.annotations.concurrent.GuardedBy, '8 ERROR [GuardedBy], 8 WARNING [InconsistentMapLocking], 10 ERROR [GuardedBy]'",
    "io.mapguard.annotations.GuardedBy, '8 WARNING [InconsistentMapLocking]'",
    "net.jcip.annotations.GuardedBy, '8 WARNING [InconsistentMapLocking]'",
    "org.checkerframework.checker.lock.qual.GuardedBy, '8 WARNING [InconsistentMapLocking]'",
  })
  void errorPronesCheckReadsTwoFlavoursAndReportsTheSameAccess(String annotation, String expected)
      throws Exception {
    assertEquals(List.of(expected.split(", ")), diagnostics(registry(annotation, ""), ""));
  }

  @Test
  void guardedByOnThePrivateHelperSatisfiesBoth() throws Exception {
    String annotation = "javax.annotation.concurrent.GuardedBy";
    assertEquals(
        List.of("8 ERROR [GuardedBy]", "8 WARNING [InconsistentMapLocking]"),
        diagnostics(registry(annotation, annotation), ""));
  }

  @Test
  void guardedByOffLeavesMapguardAlone() throws Exception {
    assertEquals(
        List.of("8 WARNING [InconsistentMapLocking]"),
        diagnostics(registry("javax.annotation.concurrent.GuardedBy", ""), "-Xep:GuardedBy:OFF"));
  }

  @Test
  void guardedByWarnMakesBothWarnings() throws Exception {
    assertEquals(
        List.of(
            "8 WARNING [GuardedBy]", "8 WARNING [InconsistentMapLocking]", "10 WARNING [GuardedBy]"),
        diagnostics(registry("javax.annotation.concurrent.GuardedBy", ""), "-Xep:GuardedBy:WARN"));
  }

  /** Error Prone's default checks plus mapguard's, as a build runs them: "line KIND [Check]". */
  private List<String> diagnostics(String source, String flags) throws Exception {
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///Registry.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-d",
            Files.createDirectories(out).toString(),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-classpath",
            classPath,
            "-processorpath",
            classPath,
            "-Xplugin:ErrorProne -Xep:DefaultPackage:OFF " + flags);
    ToolProvider.getSystemJavaCompiler()
        .getTask(new StringWriter(), null, collector, options, null, List.of(file))
        .call();
    Pattern check = Pattern.compile("^\\[(\\w+)\\]");
    List<String> seen = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
      Matcher m = check.matcher(d.getMessage(null));
      if (m.find()) {
        seen.add(d.getLineNumber() + " " + d.getKind() + " [" + m.group(1) + "]");
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        seen.add(d.getLineNumber() + " " + d.getKind() + " " + d.getMessage(null)); // e.g. a missing jar
      }
    }
    // by line, then text: the checks' order within a line is Error Prone's business
    seen.sort(
        Comparator.comparingInt((String d) -> Integer.parseInt(d.substring(0, d.indexOf(' '))))
            .thenComparing(d -> d));
    return seen;
  }
}

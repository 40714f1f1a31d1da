package io.mapguard.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The warnings a rule page shows are what mapguard prints: every example class on the page is
 * compiled with {@code -Xplugin:MapGuard}, and its warnings must be exactly the ones the page lists
 * for that file (text included, the docs link left out).
 */
class RuleExamplesTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern WARNING = Pattern.compile("^(\\w+)\\.java:(\\d+): warning: (.*)$", Pattern.MULTILINE);
  private static final Pattern CLASS = Pattern.compile("^public (?:final )?class (\\w+)", Pattern.MULTILINE);

  @ParameterizedTest
  @MethodSource("io.mapguard.engine.rules.Rules#all")
  void examplesPrintTheWarningsThePageShows(Rule rule, @TempDir Path out) throws IOException {
    String page = Files.readString(Path.of("rules", rule.ruleName() + ".md"));
    Map<String, String> examples = new TreeMap<>();
    Matcher block = JAVA_BLOCK.matcher(page);
    while (block.find()) {
      Matcher declared = CLASS.matcher(block.group(1));
      if (block.group(1).contains("import ") && declared.find()) {
        examples.putIfAbsent(declared.group(1), block.group(1));
      }
    }
    Map<String, TreeSet<String>> documented = new TreeMap<>();
    Matcher warning = WARNING.matcher(page);
    while (warning.find()) {
      documented.computeIfAbsent(warning.group(1), k -> new TreeSet<>()).add(warning.group(2) + ": " + warning.group(3));
    }
    assertFalse(documented.isEmpty(), rule + ": the page shows no warning");
    for (Map.Entry<String, TreeSet<String>> file : documented.entrySet()) {
      String source = examples.get(file.getKey());
      assertNotNull(source, rule + ": no complete example declares public class " + file.getKey());
      assertEquals(
          String.join("\n", file.getValue()),
          String.join("\n", compile(file.getKey(), source, out)),
          rule + ": warnings of " + file.getKey() + ".java (page vs. compiler)");
    }
  }

  private static List<String> compile(String className, String source, Path out) throws IOException {
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> options =
        List.of(
            "-d",
            Files.createDirectories(out.resolve(className)).toString(),
            "-classpath",
            classpath,
            "-processorpath",
            classpath,
            // every rule on, those off by default too
            "-Xplugin:MapGuard -enable="
                + Rules.all().stream().map(Rule::ruleName).collect(Collectors.joining(",")));
    javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
    TreeSet<String> warnings = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        warnings.add("ERROR " + d.getLineNumber() + ": " + d.getMessage(null));
      } else if (d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(null).startsWith("[")) {
        String message = d.getMessage(null);
        int link = message.indexOf("\n");
        warnings.add(d.getLineNumber() + ": " + (link < 0 ? message : message.substring(0, link)).strip());
      }
    }
    return new ArrayList<>(warnings);
  }
}

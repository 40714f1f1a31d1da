import io.mapguard.fixtures.Fixture;
import io.mapguard.fixtures.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Every finding of the javac plugin, one line each ({@code path:line:col: [Rule] message}, sorted),
 * for the behaviour snapshot of benchmarks/findings-snapshot. Compiles through javax.tools in this
 * JVM, so the 300 fixtures take seconds, not one javac process each.
 *
 * <ul>
 *   <li>{@code fixtures PLUGIN_JAR CLASSPATH}: each fixture (with the stubs) as its own compilation
 *       on CLASSPATH (the annotations the fixtures import), as the fixture tests compile them, every
 *       rule on;
 *   <li>{@code corpus PLUGIN_JAR DIR}: DIR/files.txt compiled with DIR/deps.txt as the classpath.
 * </ul>
 */
public final class FindingsSnapshot {
  private static String pluginOption;

  public static void main(String[] args) throws IOException {
    String pluginJar = args[1];
    pluginOption = "-Xplugin:MapGuard -enable=" + String.join(",", ruleNames(pluginJar));
    TreeSet<String> lines = new TreeSet<>();
    if (args[0].equals("fixtures")) {
      List<JavaFileObject> stubs = new ArrayList<>();
      for (Fixtures.Source stub : Fixtures.stubs()) {
        stubs.add(new StringSource("stubs/" + stub.relativePath(), stub.text()));
      }
      for (Fixture fixture : Fixtures.all()) {
        List<JavaFileObject> sources = new ArrayList<>(stubs);
        for (Fixtures.Source source : fixture.sources()) {
          sources.add(new StringSource(fixture.pathOf(source), source.text()));
        }
        compile(pluginJar, List.of("-cp", args[2]), sources, lines);
      }
    } else {
      Path dir = Path.of(args[2]);
      String classpath = Files.readString(dir.resolve("deps.txt")).strip();
      // a corpus whose build compiles another encoding says so (benchmarks/fetch-corpora)
      Path encodingFile = dir.resolve("encoding.txt");
      String encoding = Files.exists(encodingFile) ? Files.readString(encodingFile).strip() : "UTF-8";
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String file : Files.readAllLines(dir.resolve("files.txt"))) {
          for (JavaFileObject source : files.getJavaFileObjects(dir.resolve(file))) {
            sources.add(source);
          }
        }
        compile(pluginJar, List.of("-cp", classpath, "-encoding", encoding), sources, lines);
      }
    }
    lines.forEach(System.out::println);
  }

  /** Every rule of the plugin's catalogue, so that the rules that are off by default run too. */
  private static List<String> ruleNames(String pluginJar) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(pluginJar).toUri().toURL()}, null)) {
      Class<?> rules = loader.loadClass("io.mapguard.engine.rules.Rules");
      List<String> names = new ArrayList<>();
      for (Object rule : (List<?>) rules.getMethod("all").invoke(null)) {
        names.add((String) rule.getClass().getMethod("ruleName").invoke(rule));
      }
      return names;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no rule catalogue in " + pluginJar, e);
    }
  }

  private static void compile(
      String pluginJar, List<String> extraOptions, List<JavaFileObject> sources, TreeSet<String> lines)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("findings-snapshot");
    List<String> options = new ArrayList<>(List.of("-proc:none", "-processorpath", pluginJar, "-d", out.toString(), pluginOption, "-Xmaxwarns", "1000000"));
    options.addAll(extraOptions);
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      javac.getTask(null, files, diagnostics, options, null, sources).call();
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      boolean finding = d.getKind() == Diagnostic.Kind.WARNING && message.startsWith("[");
      // a compile error would silently take a fixture's findings away: record those too
      boolean error = d.getKind() == Diagnostic.Kind.ERROR;
      boolean mapguardNote = message.contains("mapguard");
      if (finding || error || mapguardNote) {
        String path = d.getSource() == null ? "-" : d.getSource().getName();
        lines.add(path + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
            + (finding ? "" : d.getKind() + " ") + message.replace("\n", "\\n"));
      }
    }
  }

  /** A fixture's text under its corpus path, so findings name the fixture as the tests do. */
  private static final class StringSource extends SimpleJavaFileObject {
    private final String path;
    private final String text;

    StringSource(String path, String text) {
      super(URI.create("string:///" + path), Kind.SOURCE);
      this.path = path;
      this.text = text;
    }

    @Override
    public String getName() {
      return path;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}

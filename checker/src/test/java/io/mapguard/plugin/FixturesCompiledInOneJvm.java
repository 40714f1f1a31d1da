package io.mapguard.plugin;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.fixtures.Fixture;
import io.mapguard.fixtures.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles every fixture with {@code -Xplugin:MapGuard} (every rule on, one finding per race), one
 * compilation per fixture, all in this JVM; prints how many findings were reported. Run in a JVM of
 * its own by {@link RecordMethodLinkageTest}, which watches what the JVM links.
 */
public final class FixturesCompiledInOneJvm {
  private FixturesCompiledInOneJvm() {}

  public static void main(String[] args) throws IOException {
    Path out = Files.createTempDirectory("mapguard-fixtures");
    String plugin =
        "-Xplugin:MapGuard -enable=" + Rules.all().stream().map(Rule::ruleName).collect(Collectors.joining(","));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int findings = 0;
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      for (Fixture fixture : Fixtures.all()) {
        List<String> warnings = new ArrayList<>();
        javac
            .getTask(
                null,
                files,
                d -> warnings.add(d.getMessage(null)),
                List.of("-proc:none", "-d", out.toString(), plugin),
                null,
                sources(fixture))
            .call();
        findings += (int) warnings.stream().filter(w -> w.startsWith("[")).count();
      }
    } finally {
      deleteTree(out);
    }
    System.out.println("mapguard findings: " + findings);
  }

  private static List<JavaFileObject> sources(Fixture fixture) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Fixtures.Source stub : Fixtures.stubs()) {
      sources.add(source(stub.relativePath().replace(".java", "").replace('/', '.'), stub.text()));
    }
    for (Fixtures.Source source : fixture.sources()) {
      sources.add(source(Fixture.className(source), source.text()));
    }
    return sources;
  }

  private static JavaFileObject source(String className, String text) {
    URI uri = URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
    return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(FixturesCompiledInOneJvm::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

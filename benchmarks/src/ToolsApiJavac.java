import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac as build tools run it in process (maven-compiler-plugin through plexus-compiler, Gradle):
 * through the javax.tools API with a diagnostic listener. With a listener, javac records end
 * positions for every tree whether or not a plugin is there, so the plugins' share of a build
 * differs from the command line's. Usage: the command line's javac arguments, {@code @file} lists
 * included; arguments ending in {@code .java} are the sources.
 */
public final class ToolsApiJavac {
  public static void main(String[] args) throws IOException {
    List<String> options = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    for (String argument : expand(args)) {
      if (argument.endsWith(".java")) {
        sources.add(Path.of(argument));
      } else {
        options.add(argument);
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      compiled =
          javac
              .getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
              .call();
    }
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      System.err.println(diagnostic);
    }
    System.exit(compiled ? 0 : 1);
  }

  private static List<String> expand(String[] args) throws IOException {
    List<String> expanded = new ArrayList<>();
    for (String argument : args) {
      if (argument.startsWith("@")) {
        for (String line : Files.readAllLines(Path.of(argument.substring(1)))) {
          if (!line.isBlank()) {
            expanded.add(line.strip());
          }
        }
      } else {
        expanded.add(argument);
      }
    }
    return expanded;
  }
}

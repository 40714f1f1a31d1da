package io.mapguard.lint;

import io.mapguard.lint.cli.Environment;
import io.mapguard.lint.scan.AnalyzerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The run the {@code mapvet} launcher records its class-data archive from: mapvet on the bundled
 * demo, once per output format, with all rules, so that the archive holds the classes of a real
 * scan whatever command first ran without an archive (a {@code --version} would leave out the
 * parser, the engine and the reporters). Prints nothing; any failure only means a smaller archive.
 */
public final class ClassDataTraining {
  /** Where the build puts the demo's sources in the jar. */
  static final String SOURCES = "io/mapguard/lint/training/";

  private ClassDataTraining() {}

  public static void main(String[] args) throws IOException, URISyntaxException {
    Path location = Path.of(ClassDataTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path directory = Files.createTempDirectory("mapvet-training");
    try {
      extractSources(location, directory);
      train(directory, new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
    } finally {
      deleteRecursively(directory);
    }
  }

  /** Scans {@code directory} once per output format, writing the reports and messages to {@code out}. */
  static void train(Path directory, PrintStream out) {
    Environment environment = new Environment(new ByteArrayInputStream(new byte[0]), out, out, directory, false);
    for (String format : List.of("text", "json", "sarif")) {
      MapVet.run(
          new String[] {"--checks", "all", "--fail-on", "none", "--format", format, "."},
          environment,
          AnalyzerFactory.javaParser());
    }
  }

  /** Copies the training sources out of {@code location}: mapvet's jar, or its classes directory. */
  static void extractSources(Path location, Path directory) throws IOException {
    if (Files.isDirectory(location)) {
      try (Stream<Path> sources = Files.list(location.resolve(SOURCES))) {
        for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
          Files.copy(source, directory.resolve(source.getFileName().toString()));
        }
      }
      return;
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith(SOURCES) && name.endsWith(".java") && name.indexOf('/', SOURCES.length()) < 0) {
          try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, directory.resolve(name.substring(SOURCES.length())));
          }
        }
      }
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

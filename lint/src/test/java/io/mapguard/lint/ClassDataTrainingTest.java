package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataTrainingTest {
  @TempDir Path directory;

  @Test
  void trainsOnTheBundledDemoInEveryOutputFormat() throws IOException, URISyntaxException {
    Path classes = Path.of(ClassDataTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ClassDataTraining.extractSources(classes, directory);
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    ClassDataTraining.train(directory, new PrintStream(output, true, StandardCharsets.UTF_8));

    assertTrue(Files.exists(directory.resolve("SessionRegistry.java")));
    String reports = output.toString(StandardCharsets.UTF_8);
    // the demo's findings, once as text, once as JSON lines, once in SARIF
    assertTrue(reports.contains("[UnsynchronizedSharedMap]"), reports);
    assertTrue(reports.contains("\"rule\":\"UnsynchronizedSharedMap\""), reports);
    assertTrue(reports.contains("\"ruleId\" : \"UnsynchronizedSharedMap\""), reports);
  }
}

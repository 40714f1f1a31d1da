package io.mapguard.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preloading loads the analysis's classes of a jar first, initialising none of them, then
 * initialises them.
 */
class ClassPreloadingTest {
  private static final String INITIALISED = "mapguard.test.preloadedClassInitialised";

  @TempDir Path dir;

  @Test
  void loadsTheAnalysisClassesOfTheJarWithoutInitialisingThem() throws Exception {
    File jar = jarOf(
        "io/mapguard/engine/Table.java",
        "package io.mapguard.engine; public class Table { static { System.setProperty(\"" + INITIALISED + "\", \"yes\"); } }",
        "io/mapguard/errorprone/Check.java",
        "package io.mapguard.errorprone; public class Check {}");

    assertEquals(List.of("io.mapguard.engine.Table"), ClassPreloading.classNames(jar));
    try (Loader loader = new Loader(jar)) {
      ClassPreloading.load(ClassPreloading.classNames(jar), loader);

      assertNotNull(loader.loaded("io.mapguard.engine.Table"));
      assertNull(loader.loaded("io.mapguard.errorprone.Check"));
      assertNull(System.getProperty(INITIALISED));
    }
  }

  @Test
  void thenInitialisesThem() throws Exception {
    File jar = jarOf(
        "io/mapguard/compiler/Table.java",
        "package io.mapguard.compiler; public class Table { static { System.setProperty(\"" + INITIALISED + "\", \"yes\"); } }");
    try (Loader loader = new Loader(jar)) {
      List<String> names = ClassPreloading.classNames(jar);
      assertTrue(ClassPreloading.load(names, loader));
      ClassPreloading.initialise(names, loader);

      assertEquals("yes", System.getProperty(INITIALISED));
    } finally {
      System.clearProperty(INITIALISED);
    }
  }

  @Test
  void aClassTheLoaderCannotFindEndsThePreloadingQuietly() throws Exception {
    File jar = jarOf("io/mapguard/javac/A.java", "package io.mapguard.javac; public class A {}");
    try (Loader loader = new Loader(jar)) {
      assertFalse(ClassPreloading.load(List.of("io.mapguard.javac.Missing", "io.mapguard.javac.A"), loader));

      assertNull(loader.loaded("io.mapguard.javac.A"));
    }
  }

  /** Compiles each (path, source) pair and jars the classes. */
  private File jarOf(String... pathsAndSources) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String[] args = new String[pathsAndSources.length / 2 + 2];
    args[0] = "-d";
    args[1] = classes.toString();
    for (int i = 0; i < pathsAndSources.length; i += 2) {
      Path source = sources.resolve(pathsAndSources[i]);
      Files.createDirectories(source.getParent());
      Files.writeString(source, pathsAndSources[i + 1]);
      args[2 + i / 2] = source.toString();
    }
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args));
    File jar = dir.resolve("analysis.jar").toFile();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar.toPath()));
        var files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** A jar's loader that tells which classes it has loaded. */
  private static final class Loader extends URLClassLoader {
    Loader(File jar) throws IOException {
      super(new URL[] {jar.toURI().toURL()}, ClassPreloadingTest.class.getClassLoader());
    }

    Class<?> loaded(String name) {
      return findLoadedClass(name);
    }
  }
}

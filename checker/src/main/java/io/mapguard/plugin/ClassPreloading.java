package io.mapguard.plugin;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Gives the analysis a head start: while javac parses and attributes, a background thread loads the
 * analysis's classes from the plugin's jar (the engine's, the javac front end's, the compiler
 * glue's: some 290, of which a compile of guava uses 240), which the first analysed classes would
 * otherwise load one at a time on javac's thread: about a fifth of the plugin's own time there on
 * guava (JFR's class-load events). Classes are loaded, not initialised: their static initialisers
 * still run on javac's thread, in the order the analysis reaches them, so no initialiser can wait on
 * another thread's. A class loader that loads in parallel (javac's processor path is a {@code
 * URLClassLoader}) lets javac's thread load any class the preloading has not reached yet; one that
 * does not merely takes the two in turn. Nothing here may fail a compile: any problem ends the
 * preloading, and the classes load when used, as without it.
 */
final class ClassPreloading {
  /** The jar's folders whose classes the analysis uses; Error Prone's checks and the report writers are not preloaded. */
  static final List<String> FOLDERS = List.of("io/mapguard/engine/", "io/mapguard/javac/", "io/mapguard/compiler/");

  private ClassPreloading() {}

  /** Starts the preloading of the classes of the jar this class came from, if it came from one. */
  static void start() {
    try {
      Thread thread = new Thread(ClassPreloading::preloadOwnJar, "mapguard-class-preloading");
      thread.setDaemon(true); // never keeps a JVM alive
      thread.start();
    } catch (RuntimeException | Error e) {
      // no thread (a security manager, the JVM's limits): the classes load when used
    }
  }

  /**
   * A record of the preloading's own: its first {@code equals}, {@code hashCode} and {@code toString}
   * link the JDK's bootstrap for every record's (ObjectMethods, about 70 classes that javac itself
   * does not use), which the analysis's records would otherwise link on javac's thread. Only this
   * thread initialises it.
   */
  private record Probe(String name, int line) {}

  private static void preloadOwnJar() {
    try {
      Probe probe = new Probe("probe", 1);
      probe.equals(new Probe(probe.toString(), probe.hashCode()));
      CodeSource source = ClassPreloading.class.getProtectionDomain().getCodeSource();
      File jar = source == null ? null : new File(source.getLocation().toURI());
      if (jar != null && jar.isFile()) {
        load(classNames(jar), ClassPreloading.class.getClassLoader());
      }
    } catch (IOException | URISyntaxException | RuntimeException | LinkageError e) {
      // a head start only
    }
  }

  /** The binary names of the classes of {@link #FOLDERS} in {@code jar}. */
  static List<String> classNames(File jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar)) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        String entry = entries.nextElement().getName();
        if (entry.endsWith(".class") && FOLDERS.stream().anyMatch(entry::startsWith)) {
          names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
      }
    }
    return names;
  }

  /** Loads each class without initialising it; stops at the first that cannot be loaded. */
  static void load(List<String> names, ClassLoader loader) {
    for (String name : names) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return; // the loader is closed (the compile has ended) or the jar is not what it was
      }
    }
  }
}

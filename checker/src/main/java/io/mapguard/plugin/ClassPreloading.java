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
 * Gives the analysis a head start: while javac parses and attributes, a background thread loads and
 * initialises the analysis's classes from the plugin's jar (the engine's, the javac front end's,
 * the compiler glue's: some 290, of which a compile of guava uses 240), which the first analysed
 * classes would otherwise load and initialise one at a time on javac's thread (the knowledge
 * tables' initialisers among them): about a fifth of the plugin's own time there on guava. The
 * listener waits for the thread before its first class ({@link #awaitDone}; javac's {@code simple}
 * policy attributes every class first, so it has long ended), so no static initialiser of these
 * classes runs on two threads at once, and none can wait on the other thread's. Nothing here may
 * fail or stop a compile: any problem ends the preloading, the wait is bounded, and classes not
 * reached load when used, as without it.
 */
final class ClassPreloading {
  /** The jar's folders whose classes the analysis uses; Error Prone's checks and the report writers are not preloaded. */
  static final List<String> FOLDERS = List.of("io/mapguard/engine/", "io/mapguard/javac/", "io/mapguard/compiler/");
  /** The longest wait for the preloading: far beyond what it takes, short of a stuck build. */
  private static final long MAX_WAIT_MILLIS = 30_000;

  /** The preloading's thread, or null when none could be started. */
  private final Thread thread;

  private ClassPreloading(Thread thread) {
    this.thread = thread;
  }

  /** Starts the preloading of the classes of the jar this class came from, if it came from one. */
  static ClassPreloading start() {
    try {
      Thread thread = new Thread(ClassPreloading::preloadOwnJar, "mapguard-class-preloading");
      thread.setDaemon(true); // never keeps a JVM alive
      thread.start();
      return new ClassPreloading(thread);
    } catch (RuntimeException | Error e) {
      // no thread (a security manager, the JVM's limits): the classes load when used
      return new ClassPreloading(null);
    }
  }

  /** Waits for the preloading to end, before the analysis runs on javac's thread. */
  void awaitDone() {
    if (thread == null) {
      return;
    }
    try {
      thread.join(MAX_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the compile is being cancelled: let javac see it
    }
  }

  private static void preloadOwnJar() {
    try {
      CodeSource source = ClassPreloading.class.getProtectionDomain().getCodeSource();
      File jar = source == null ? null : new File(source.getLocation().toURI());
      if (jar != null && jar.isFile()) {
        List<String> names = classNames(jar);
        ClassLoader loader = ClassPreloading.class.getClassLoader();
        if (load(names, loader)) {
          initialise(names, loader);
        }
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

  /**
   * Loads each class without initialising it; stops at the first that cannot be loaded, and says
   * whether all were.
   */
  static boolean load(List<String> names, ClassLoader loader) {
    for (String name : names) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return false; // the loader is closed (the compile has ended) or the jar is not what it was
      }
    }
    return true;
  }

  /** Runs each class's static initialiser; one that fails fails again where the analysis uses it. */
  static void initialise(List<String> names, ClassLoader loader) {
    for (String name : names) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // as without the preloading
      }
    }
  }
}

import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compile overhead in one warm JVM, as in a Gradle daemon or Maven's in-process compiler: the same
 * sources compiled again and again, alternating plain javac and javac with the MapGuard plugin
 * (initialised on the task directly, so its classes stay loaded and JIT-compiled). Alternating in
 * one process cancels most of the machine's drift; the first rounds only warm up.
 *
 * <p>Usage: java -cp mapguard-checker.jar:classes WarmCompileOverhead files.txt deps.txt rounds out.tsv
 */
public final class WarmCompileOverhead {
  public static void main(String[] args) throws Exception {
    List<Path> files = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.isBlank()) {
        files.add(Path.of(args[0]).resolveSibling(line.trim()));
      }
    }
    String classpath = Files.readString(Path.of(args[1])).trim();
    int rounds = Integer.parseInt(args[2]);
    plugin = ServiceLoader.load(Plugin.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.getName().equals("MapGuard"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("MapGuard plugin not on the class path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = Files.createTempDirectory("warm-compile");
    try (Writer tsv = Files.newBufferedWriter(Path.of(args[3]))) {
      tsv.write("round\tconfig\twall_s\n");
      for (int round = 1; round <= rounds; round++) {
        List<String> configs = new ArrayList<>(List.of("javac", "noop-listener", "plugin"));
        java.util.Collections.rotate(configs, round); // each config takes each slot in turn
        for (String config : configs) {
          long start = System.nanoTime();
          compile(javac, files, classpath, out, config);
          double seconds = (System.nanoTime() - start) / 1e9;
          String row = round + "\t" + config + "\t" + String.format("%.3f", seconds);
          System.out.println(row);
          tsv.write(row + "\n");
          tsv.flush();
        }
      }
    }
  }

  private static Plugin plugin;

  private static void compile(JavaCompiler javac, List<Path> files, String classpath, Path out, String config)
      throws IOException {
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
      List<String> options =
          List.of("-proc:none", "-encoding", "UTF-8", "-nowarn", "-Xmaxwarns", "1", "-cp", classpath,
              "-d", out.toString());
      JavacTask task = (JavacTask) javac.getTask(Writer.nullWriter(), fileManager, d -> {}, options, null, units);
      if (config.equals("plugin")) {
        plugin.init(task);
      } else if (config.equals("noop-listener")) {
        // javac's own price for any plugin: with a listener it keeps doc comments and end positions
        task.addTaskListener(new com.sun.source.util.TaskListener() {});
      }
      if (!task.call()) {
        throw new IllegalStateException("compilation failed");
      }
    }
  }
}

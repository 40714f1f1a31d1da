import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import io.mapguard.lint.analysis.SourceAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The baseline mapvet is measured against: JavaParser parsing the same files on the same number of
 * threads, one parser per thread. Usage: ParseOnly <standard|mapvet> <threads> <dir>...
 *
 * <ul>
 *   <li>{@code standard}: JavaParser's Java 25 configuration as a JavaParser user gets it (token
 *       positions, comment attribution, the language-level validators);
 *   <li>{@code mapvet}: the configuration mapvet parses the files it reports on with (the same
 *       grammar and positions, without the post-parse steps mapvet does not need).
 * </ul>
 */
public final class ParseOnly {
  public static void main(String[] args) throws Exception {
    boolean mapvetConfiguration = args[0].equals("mapvet");
    int threads = Integer.parseInt(args[1]);
    List<Path> files;
    try (Stream<Path> walk = Stream.of(args).skip(2).map(Path::of).flatMap(ParseOnly::walk)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers =
        Stream.generate(
                () ->
                    pool.submit(
                        () -> {
                          JavaParser parser =
                              new JavaParser(
                                  mapvetConfiguration
                                      ? SourceAnalyzer.parserConfiguration(true)
                                      : new ParserConfiguration()
                                          .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
                                          .setStoreTokens(true));
                          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                            try {
                              String source = Files.readString(files.get(i));
                              boolean parsed =
                                  mapvetConfiguration
                                      ? SourceAnalyzer.parse(parser, source).isSuccessful()
                                      : parser.parse(source).isSuccessful();
                              if (!parsed) {
                                failed.incrementAndGet();
                              }
                            } catch (IOException e) {
                              failed.incrementAndGet();
                            }
                          }
                        }))
            .limit(threads)
            .collect(Collectors.toList());
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    System.out.println(files.size() + " files parsed, " + failed.get() + " failed");
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

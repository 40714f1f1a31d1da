package io.mapguard.errorprone;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.fixtures.Expectation;
import io.mapguard.fixtures.Fixture;
import io.mapguard.fixtures.Fixtures;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture through every Error Prone check: a check must report exactly the fixture's expected
 * lines for its rule (with the expected words in the message), and nothing else.
 */
class FixtureErrorProneTest {
  /**
   * The stubs, compiled once for the run, then this JVM's class path: each case's compilation finds
   * them there. Added as sources to each of the some 6,000 compilations, they were most of this
   * test's time (and of CI's, which runs it on two JDKs).
   */
  private static final String CLASS_PATH_WITH_STUBS = compileStubs();

  private static String compileStubs() {
    try {
      Path root = Files.createDirectories(Path.of("target", "fixture-stubs")); // the module's build output
      List<String> args = new ArrayList<>(List.of("-parameters", "-proc:none", "-d", root.resolve("classes").toString()));
      for (Fixtures.Source stub : Fixtures.stubs()) {
        Path file = root.resolve("src").resolve(stub.relativePath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, stub.text());
        args.add(file.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
        throw new IllegalStateException("the fixtures' stubs do not compile");
      }
      return root.resolve("classes") + File.pathSeparator + System.getProperty("java.class.path");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Error Prone check of {@code rule}: generated in this package, named as the rule. */
  static Class<? extends BugChecker> checkOf(Rule rule) {
    try {
      return Class.forName(FixtureErrorProneTest.class.getPackageName() + "." + rule.ruleName())
          .asSubclass(BugChecker.class);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no Error Prone check for " + rule.ruleName(), e);
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Fixture fixture : Fixtures.all()) {
      for (Rule rule : Rules.all()) {
        cases.add(Arguments.of(fixture, rule));
      }
    }
    return cases.stream();
  }

  /**
   * A keyword naming "line N" of the fixture names a line the inserted {@code // BUG:} comments may
   * have moved down: one line for every marker inserted at or above it.
   */
  static String shiftLineNumbers(String keyword, List<Expectation> inserted) {
    Matcher m = LINE.matcher(keyword);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int line = Integer.parseInt(m.group(1));
      long shift = inserted.stream().filter(x -> x.line() <= line).count();
      m.appendReplacement(out, "line " + (line + shift));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static final Pattern LINE = Pattern.compile("line (\\d+)");

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedLines(Fixture fixture, Rule rule) {
    CompilationTestHelper helper = CompilationTestHelper.newInstance(checkOf(rule), getClass());
    // fixtures mark every access of a race
    if (rule.enabledByDefault()) {
      helper.setArgs("-classpath", CLASS_PATH_WITH_STUBS, "-XepOpt:MapGuard:EveryAccess=true");
    } else {
      helper.setArgs(
          "-classpath", CLASS_PATH_WITH_STUBS, "-Xep:" + rule.ruleName() + ":WARN", "-XepOpt:MapGuard:EveryAccess=true");
    }
    List<Expectation> expected =
        fixture.expectations().stream().filter(e -> e.rule().equals(rule.ruleName())).toList();
    for (Fixtures.Source source : fixture.sources()) {
      List<String> lines = new ArrayList<>(List.of(source.text().split("\r\n|\r|\n", -1)));
      List<Expectation> here = expected.stream().filter(e -> e.file().equals(source.relativePath())).toList();
      // Insert from the bottom so earlier line numbers stay valid.
      for (int i = here.size() - 1; i >= 0; i--) {
        Expectation e = here.get(i);
        String key = "L" + expected.indexOf(e);
        lines.add(e.line() - 1, "// BUG: Diagnostic matches: " + key);
        List<String> keywords = e.keywords().stream().map(k -> shiftLineNumbers(k, here)).toList();
        helper.expectErrorMessage(
            key,
            message ->
                message.contains("[" + rule.ruleName() + "]")
                    && keywords.stream().allMatch(message::contains));
      }
      String path = fixture.isSingleFile() ? fixture.fileName() : Fixture.className(source).replace('.', '/') + ".java";
      helper.addSourceLines(path, lines.toArray(String[]::new));
    }
    if (expected.isEmpty()) {
      helper.expectNoDiagnostics();
    }
    helper.doTest();
  }
}

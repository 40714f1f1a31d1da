package io.mapguard.lint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {
  private static final List<String> GLOBS =
      List.of(
          "*.java",
          "*Generated.java",
          "Proto?.java",
          "src/gen/**",
          "**/target/**",
          "**.java",
          "src/*/A.java",
          "{A,B}.java",
          "src/{main,test}/**",
          "[A-C]*.java",
          "[!A-C]*.java",
          "[-_]x.java",
          "a\\*b.java",
          "**/gen/*.java",
          "*");

  private static final List<String> PATHS =
      List.of(
          "A.java",
          "B.java",
          "D.java",
          "-x.java",
          "_x.java",
          "a*b.java",
          "axb.java",
          "FooGenerated.java",
          "Proto1.java",
          "Proto12.java",
          "src/gen/a/B.java",
          "src/gen",
          "src/main/A.java",
          "src/test/A.java",
          "src/main/deep/A.java",
          "module/target/generated/C.java",
          "target/C.java",
          "x/gen/Y.java",
          "x/gen/z/Y.java",
          "");

  /** The syntax and meaning users know from the JDK's glob: PathMatcher is the reference. */
  @Test
  void matchesWhatTheJdkGlobMatches() {
    for (String glob : GLOBS) {
      var jdk = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      Glob ours = Glob.compile(glob);
      for (String path : PATHS) {
        assertEquals(jdk.matches(Path.of(path)), ours.matches(path), glob + " on '" + path + "'");
      }
    }
  }

  /**
   * The JDK's regular expression backtracks through every way of splitting the name among the
   * stars; the automaton follows each state once per character. Counted, not timed.
   */
  @Test
  void matchingTakesTimeLinearInTheText() {
    Glob glob = Glob.compile("*a".repeat(30) + "*b");
    String name = "a".repeat(5_000);

    assertFalse(glob.matches(name));
    assertTrue(glob.stepsOfLastMatch() <= (long) glob.size() * name.length(), "too many steps");
    assertTrue(glob.matches(name + "b"));
  }

  @Test
  void malformedGlobsAreRejected() {
    for (String bad : List.of("[abc", "{a,b", "{a,{b}}", "x\\", "[a/b]", "[z-a]")) {
      assertThrows(IllegalArgumentException.class, () -> Glob.compile(bad), bad);
    }
  }
}

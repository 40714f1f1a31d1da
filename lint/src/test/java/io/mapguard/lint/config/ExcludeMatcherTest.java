package io.mapguard.lint.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ExcludeMatcherTest {
  @Test
  void globsWithSlashMatchTheRelativePath() throws ConfigException {
    ExcludeMatcher exclude = ExcludeMatcher.parse("src/gen/**, **/target/**");

    assertTrue(exclude.excludes("src/gen/a/B.java"));
    assertTrue(exclude.excludes("module/target/generated/C.java"));
    assertFalse(exclude.excludes("src/main/B.java"));
    assertFalse(exclude.excludes("target/C.java"));
  }

  @Test
  void globsWithoutSlashMatchTheFileName() throws ConfigException {
    ExcludeMatcher exclude = ExcludeMatcher.parse("*Generated.java,Proto?.java");

    assertTrue(exclude.excludes("deep/dir/FooGenerated.java"));
    assertTrue(exclude.excludes("Proto1.java"));
    assertFalse(exclude.excludes("Generated/Foo.java"));
  }

  /**
   * As the JDK matched it, this glob on this name backtracked for hours. A guard, not a measure:
   * the match takes microseconds; in its own thread, so that a hang fails instead of blocking.
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aPathologicalGlobDoesNotHang() throws ConfigException {
    ExcludeMatcher exclude = ExcludeMatcher.parse("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b");

    assertFalse(exclude.excludes("src/" + "a".repeat(200) + ".java"));
  }

  @Test
  void aGroupsCommasDoNotSplitTheList() throws ConfigException {
    ExcludeMatcher exclude = ExcludeMatcher.parse("{A,B}.java, src/gen/**");

    assertTrue(exclude.excludes("x/B.java"));
    assertTrue(exclude.excludes("src/gen/C.java"));
    assertFalse(exclude.excludes("C.java"));
  }

  @Test
  void noGlobsExcludeNothing() throws ConfigException {
    assertFalse(ExcludeMatcher.parse("").excludes("A.java"));
    assertFalse(ExcludeMatcher.none().excludes("A.java"));
  }
}

package io.mapguard.lint.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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

  @Test
  void noGlobsExcludeNothing() throws ConfigException {
    assertFalse(ExcludeMatcher.parse("").excludes("A.java"));
    assertFalse(ExcludeMatcher.none().excludes("A.java"));
  }
}

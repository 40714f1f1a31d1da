package io.mapguard.lint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.lint.source.JavaLexicalScanner;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text indexes that choose which files a project-wide question parses (on code-only text). */
class LintProjectCallsTest {
  @Test
  void namesCalledOrReferenced() {
    Set<String> names = LintProjectCalls.calledNames("a.rows (); b.put(k, v); Runnable r = this :: sweep;");
    assertTrue(names.containsAll(Set.of("rows", "put", "sweep")), names.toString());
  }

  @Test
  void callsWithANullArgumentByNameArityAndPosition() {
    assertEquals(
        Set.of("register/2/1", "of/1/0"),
        LintProjectCalls.callsWithNullArguments(
            JavaLexicalScanner.codeOnly(
                "registry.register(\"a, (b\", null); x = nullable(y); Optional.of(null); f(g(1, 2), h[0]); // m(null)")));
  }

  @Test
  void nestedCallsAndBracketsDoNotSplitTheArguments() {
    assertEquals(
        Set.of("put/3/2"),
        LintProjectCalls.callsWithNullArguments("m.put(f(a, b), new int[] {1, 2}, null);"));
  }
}

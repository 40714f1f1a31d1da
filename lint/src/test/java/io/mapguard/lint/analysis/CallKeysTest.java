package io.mapguard.lint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import io.mapguard.lint.source.JavaLexicalScanner;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The keys that choose which files a project-wide question parses: from code-only text, and from a
 * parsed tree, which must never have a key the text lacks nor miss a call the question looks at.
 */
class CallKeysTest {
  @Test
  void namesCalledOrReferenced() {
    Set<String> names = CallKeys.calledNames("a.rows (); b.put(k, v); Runnable r = this :: sweep;");
    assertTrue(names.containsAll(Set.of("rows", "put", "sweep")), names.toString());
  }

  @Test
  void callsWithANullArgumentByNameArityAndPosition() {
    assertEquals(
        Set.of("register/2/1", "of/1/0"),
        CallKeys.callsWithNullArguments(
            JavaLexicalScanner.codeOnly(
                "registry.register(\"a, (b\", null); x = nullable(y); Optional.of(null); f(g(1, 2), h[0]); // m(null)")));
  }

  @Test
  void nestedCallsAndBracketsDoNotSplitTheArguments() {
    assertEquals(
        Set.of("put/3/2"),
        CallKeys.callsWithNullArguments("m.put(f(a, b), new int[] {1, 2}, null);"));
  }

  private static final String SOURCE =
      """
      package p;
      import java.util.function.Supplier;
      class Caller {
        // registry.register(ignored, null) in a comment
        void run(Registry registry, Cache cache) {
          registry.register("a, (b", null);
          cache.put(key(1, 2), null, new int[] {1, null == cache ? 2 : 3});
          Supplier<Object> s = cache::sweep;
          Runnable r = () -> registry.unregister(null);
          new Thread(this::run).start();
          cache.evict((null));
        }
        int key(int a, int b) { return a + b; }
      }
      """;

  @Test
  void aParsedTreeHasTheKeysOfItsCallsAndReferences() {
    CallKeys keys = CallKeys.of(StaticJavaParser.parse(SOURCE));
    assertEquals(
        Set.of("register", "put", "key", "sweep", "unregister", "run", "start", "evict"), keys.calledNames());
    // the literal null as an argument, not in parentheses (the text reads it so too)
    assertEquals(Set.of("register/2/1", "put/3/1", "unregister/1/0"), keys.nullArgumentCalls());
  }

  @Test
  void theTextHasEveryKeyOfTheTree() {
    CallKeys fromTree = CallKeys.of(StaticJavaParser.parse(SOURCE));
    CallKeys fromText = CallKeys.ofText(SOURCE);
    assertTrue(fromText.calledNames().containsAll(fromTree.calledNames()), fromText.calledNames().toString());
    assertEquals(fromTree.nullArgumentCalls(), fromText.nullArgumentCalls());
  }
}

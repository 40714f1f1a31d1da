package io.mapguard.lint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import io.mapguard.engine.report.FixHint;
import io.mapguard.lint.analysis.SourceAnalyzer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The edits of each kind of suggested fix, and the shapes they are not offered for. */
class FixEditsTest {
  /** The edits on a tree of the text of its own, as mapvet parses it, or empty when it does not parse. */
  private static Optional<FixEdits> editsOn(SourceText text) {
    ParseResult<CompilationUnit> parsed =
        new JavaParser(SourceAnalyzer.parserConfiguration(true)).parse(text.text());
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FixEdits(text, parsed.getResult().get()));
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  /** The text after the fix of a finding at {@code line}:{@code column}–{@code endColumn}, or null. */
  private static String fixed(String source, int line, int column, int endColumn, FixHint hint, String subject) {
    SourceText text = new SourceText(source);
    Optional<List<Edit>> edits = editsOn(text).orElseThrow().edits(line, column, line, endColumn, hint, subject);
    return edits.map(e -> Edit.apply(source, e)).orElse(null);
  }

  private static final FixHint WRAP = new FixHint(FixHint.Kind.WRAP_SYNCHRONIZED, "lock");

  @Test
  void wrapsALoneStatementInABlockOfItsOwn() {
    String source = lines("class A {", "  void f() {", "    m.put(1, 2);", "  }", "}");
    assertEquals(
        lines("class A {", "  void f() {", "    synchronized (lock) {", "      m.put(1, 2);", "    }", "  }", "}"),
        fixed(source, 3, 5, 5, WRAP, "m"));
  }

  @Test
  void wrapsNoDeclarationAndNoLambdaBody() {
    assertNull(fixed(lines("class A {", "  void f() {", "    int x = m.get(1);", "  }", "}"), 3, 13, 13, WRAP, "m"));
    assertNull(fixed(lines("class A {", "  void f() {", "    run(() -> m.put(1, 2));", "  }", "}"), 3, 15, 15, WRAP, "m"));
  }

  @Test
  void movesTheStatementIntoTheEarlierSynchronizedBlock() {
    FixHint extend = new FixHint(FixHint.Kind.EXTEND_SYNCHRONIZED, "lock", "3");
    String source =
        lines(
            "class A {",
            "  void f() {",
            "    synchronized (lock) {",
            "      m.get(1);",
            "    }",
            "    other();",
            "    m.put(1, 2);",
            "  }",
            "}");
    assertEquals(
        lines(
            "class A {",
            "  void f() {",
            "    synchronized (lock) {",
            "      m.get(1);",
            "      m.put(1, 2);",
            "    }",
            "    other();",
            "  }",
            "}"),
        fixed(source, 7, 5, 5, extend, "m"));
    assertNull(fixed(source.replace("other()", "other(m)"), 7, 5, 5, extend, "m"));
  }

  @Test
  void movesTheStatementIntoTheLaterSynchronizedBlock() {
    FixHint extend = new FixHint(FixHint.Kind.EXTEND_SYNCHRONIZED, "lock", "5");
    String source =
        lines(
            "class A {",
            "  void f() {",
            "    m.clear();",
            "    other();",
            "    synchronized (lock) {",
            "      m.putAll(loaded);",
            "    }",
            "  }",
            "}");
    assertEquals(
        lines(
            "class A {",
            "  void f() {",
            "    other();",
            "    synchronized (lock) {",
            "      m.clear();",
            "      m.putAll(loaded);",
            "    }",
            "  }",
            "}"),
        fixed(source, 3, 5, 5, extend, "m"));
    assertNull(fixed(source.replace("other()", "other(m)"), 3, 5, 5, extend, "m"));
  }

  @Test
  void annotatesTheFieldWithMapguardsGuardedByOrTheOneTheFileImports() {
    FixHint guard = new FixHint(FixHint.Kind.ADD_GUARDED_BY, "lock");
    String source =
        lines(
            "package p;",
            "",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "",
            "class A {",
            "  private final Map<String, Integer> counts = new HashMap<>();",
            "  int f() { return counts.size(); }",
            "}");
    assertEquals(
        lines(
            "package p;",
            "",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "import io.mapguard.annotations.GuardedBy;",
            "",
            "class A {",
            "  @GuardedBy(\"lock\")",
            "  private final Map<String, Integer> counts = new HashMap<>();",
            "  int f() { return counts.size(); }",
            "}"),
        fixed(source, 8, 20, 25, guard, "counts"));
    String jsr305 = source.replace("import java.util.Map;", "import java.util.Map;\nimport javax.annotation.concurrent.GuardedBy;");
    assertEquals(
        jsr305.replace("  private final Map", "  @GuardedBy(\"lock\")\n  private final Map"),
        fixed(jsr305, 9, 20, 25, guard, "counts"));
  }

  @Test
  void createsTheMapAsAConcurrentHashMap() {
    FixHint concurrent = new FixHint(FixHint.Kind.USE_CONCURRENT_HASH_MAP, null);
    String source =
        lines(
            "import java.util.HashMap;",
            "import java.util.Map;",
            "class A {",
            "  private final Map<String, Integer> hits = new HashMap<>();",
            "  private final HashMap<String, Integer> misses = new java.util.HashMap<>(16);",
            "}");
    assertEquals(
        lines(
            "import java.util.HashMap;",
            "import java.util.Map;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class A {",
            "  private final Map<String, Integer> hits = new ConcurrentHashMap<>();",
            "  private final HashMap<String, Integer> misses = new java.util.HashMap<>(16);",
            "}"),
        fixed(source, 4, 3, 3, concurrent, "hits"));
    assertEquals(
        lines(
            "import java.util.HashMap;",
            "import java.util.Map;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class A {",
            "  private final Map<String, Integer> hits = new HashMap<>();",
            "  private final ConcurrentHashMap<String, Integer> misses = new ConcurrentHashMap<>(16);",
            "}"),
        fixed(source, 5, 3, 3, concurrent, "misses"));
  }

  @Test
  void replacesTheCheckAndThePutByComputeIfAbsent() {
    FixHint compute = new FixHint(FixHint.Kind.COMPUTE_IF_ABSENT, null);
    String source =
        lines(
            "class A {",
            "  void f(String k) {",
            "    if (!m.containsKey(k)) {",
            "      m.put(k, new java.util.ArrayList<>());",
            "    }",
            "  }",
            "}");
    assertEquals(
        lines("class A {", "  void f(String k) {", "    m.computeIfAbsent(k, absentKey -> new java.util.ArrayList<>());", "  }", "}"),
        fixed(source, 4, 7, 7, compute, "m"));
    String changing =
        lines(
            "class A {",
            "  void f(String k, int n) {",
            "    n++;",
            "    if (m.get(k) == null) m.put(k, n);",
            "  }",
            "}");
    assertNull(fixed(changing, 4, 27, 27, compute, "m"));
    assertEquals(
        changing.replace("if (m.get(k) == null) m.put(k, n);", "m.computeIfAbsent(k, absentKey -> n);").replace("    n++;\n", ""),
        fixed(changing.replace("    n++;\n", ""), 3, 27, 27, compute, "m"));
  }

  @Test
  void replacesTheReadAndThePutByMerge() {
    FixHint merge = new FixHint(FixHint.Kind.MERGE, "Integer::sum");
    String source = lines("class A {", "  void f(String k) {", "    m.put(k, m.getOrDefault(k, 0) + 1);", "  }", "}");
    assertEquals(
        lines("class A {", "  void f(String k) {", "    m.merge(k, 1, Integer::sum);", "  }", "}"),
        fixed(source, 3, 5, 5, merge, "m"));
    assertNull(fixed(source.replace(", 0)", ", 1)"), 3, 5, 5, merge, "m"));
  }

  @Test
  void createsTheMapWithTheSizedFactory() {
    FixHint sized = new FixHint(FixHint.Kind.USE_SIZED_FACTORY, "HashMap.newHashMap");
    String source = lines("class A {", "  java.util.Map<String, Integer> m = new HashMap<String, Integer>(16);", "}");
    assertEquals(
        lines("class A {", "  java.util.Map<String, Integer> m = HashMap.<String, Integer>newHashMap(16);", "}"),
        fixed(source, 2, 38, 38, sized, null));
  }

  @Test
  void aFileThatDoesNotParseHasNoEdits() {
    assertEquals(Optional.empty(), editsOn(new SourceText("class A {")));
  }
}

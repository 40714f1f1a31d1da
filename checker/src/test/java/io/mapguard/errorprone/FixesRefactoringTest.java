package io.mapguard.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.FixChoosers;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

/** The suggested fixes, applied and compared with the expected source. */
class FixesRefactoringTest {
  private static final String[] INCONSISTENT = {
    "import java.util.HashMap;",
    "import java.util.Map;",
    "class Registry {",
    "  private final Object lock = new Object();",
    "  private final Map<String, Integer> counts = new HashMap<>();",
    "  void add(String k) { synchronized (lock) { counts.merge(k, 1, Integer::sum); } }",
    "  int get(String k) { synchronized (lock) { return counts.getOrDefault(k, 0); } }",
    "  void reset(String k) {",
    "    counts.remove(k);",
    "  }",
    "}"
  };

  /** A HashMap written in a task; {@code reader} is the class's other method. */
  private static String[] prices(String reader) {
    return new String[] {
      "import java.util.HashMap;",
      "import java.util.Map;",
      "import java.util.concurrent.ExecutorService;",
      "class Prices {",
      "  private final Map<String, Double> prices = new HashMap<>();",
      "  void refresh(ExecutorService pool) { pool.submit(() -> prices.put(\"EUR\", 1.0)); }",
      "  " + reader,
      "}"
    };
  }

  @Test
  void wrapsTheLoneUnguardedAccessInSynchronized() {
    BugCheckerRefactoringTestHelper.newInstance(InconsistentMapLocking.class, getClass())
        .addInputLines("Registry.java", INCONSISTENT)
        .addOutputLines(
            "Registry.java",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "class Registry {",
            "  private final Object lock = new Object();",
            "  private final Map<String, Integer> counts = new HashMap<>();",
            "  void add(String k) { synchronized (lock) { counts.merge(k, 1, Integer::sum); } }",
            "  int get(String k) { synchronized (lock) { return counts.getOrDefault(k, 0); } }",
            "  void reset(String k) {",
            "    synchronized (lock) { counts.remove(k); }",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void addsTheInferredGuardedByWithMapguardsFlavor() {
    BugCheckerRefactoringTestHelper.newInstance(InconsistentMapLocking.class, getClass())
        .setFixChooser(FixChoosers.SECOND)
        .addInputLines("Registry.java", INCONSISTENT)
        .addOutputLines(
            "Registry.java",
            "import io.mapguard.annotations.GuardedBy;",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "class Registry {",
            "  private final Object lock = new Object();",
            "  @GuardedBy(\"lock\") private final Map<String, Integer> counts = new HashMap<>();",
            "  void add(String k) { synchronized (lock) { counts.merge(k, 1, Integer::sum); } }",
            "  int get(String k) { synchronized (lock) { return counts.getOrDefault(k, 0); } }",
            "  void reset(String k) {",
            "    counts.remove(k);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void addsTheGuardedByFlavorTheFileAlreadyImports() {
    BugCheckerRefactoringTestHelper.newInstance(InconsistentMapLocking.class, getClass())
        .setFixChooser(FixChoosers.SECOND)
        .addInputLines(
            "Registry.java",
            "import com.google.errorprone.annotations.concurrent.GuardedBy;",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "class Registry {",
            "  @GuardedBy(\"this\") private int unrelated;",
            "  private final Map<String, Integer> counts = new HashMap<>();",
            "  synchronized void add(String k) { counts.merge(k, 1, Integer::sum); }",
            "  synchronized int get(String k) { return counts.getOrDefault(k, 0); }",
            "  void reset(String k) { counts.remove(k); }",
            "}")
        .addOutputLines(
            "Registry.java",
            "import com.google.errorprone.annotations.concurrent.GuardedBy;",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "class Registry {",
            "  @GuardedBy(\"this\") private int unrelated;",
            "  @GuardedBy(\"this\") private final Map<String, Integer> counts = new HashMap<>();",
            "  synchronized void add(String k) { counts.merge(k, 1, Integer::sum); }",
            "  synchronized int get(String k) { return counts.getOrDefault(k, 0); }",
            "  void reset(String k) { counts.remove(k); }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacesHashMapByConcurrentHashMapWhenEveryUseKeepsItsMeaning() {
    BugCheckerRefactoringTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .addInputLines("Prices.java", prices("Double price(String k) { return prices.get(k); }"))
        .addOutputLines(
            "Prices.java",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "import java.util.concurrent.ExecutorService;",
            "class Prices {",
            "  private final Map<String, Double> prices = new ConcurrentHashMap<>();",
            "  void refresh(ExecutorService pool) { pool.submit(() -> prices.put(\"EUR\", 1.0)); }",
            "  Double price(String k) { return prices.get(k); }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void offersNoConcurrentHashMapWhenTheMapIsIterated() {
    BugCheckerRefactoringTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .addInputLines("Prices.java", prices("String dump() { return prices.toString(); }"))
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  /** A ConcurrentHashMap checked then filled from pool tasks; {@code body} is load(String)'s body. */
  private static String[] loader(String... body) {
    java.util.List<String> lines =
        new java.util.ArrayList<>(
            java.util.List.of(
                "import java.util.Map;",
                "import java.util.concurrent.ConcurrentHashMap;",
                "import java.util.concurrent.ExecutorService;",
                "class Loader {",
                "  private final Map<String, String> cache = new ConcurrentHashMap<>();",
                "  void prefetch(ExecutorService pool, String k) { pool.submit(() -> load(k)); }",
                "  String load(String k) {"));
    lines.addAll(java.util.List.of(body));
    lines.add("  }");
    lines.add("}");
    return lines.toArray(String[]::new);
  }

  @Test
  void turnsContainsKeyThenPutIntoComputeIfAbsent() {
    BugCheckerRefactoringTestHelper.newInstance(ConcurrentMapCheckThenAct.class, getClass())
        .addInputLines(
            "Loader.java",
            loader(
                "    if (!cache.containsKey(k)) {",
                "      cache.put(k, k.toUpperCase());",
                "    }",
                "    return cache.get(k);"))
        .addOutputLines(
            "Loader.java",
            loader(
                "    cache.computeIfAbsent(k, absentKey -> k.toUpperCase());",
                "    return cache.get(k);"))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void turnsGetNullThenPutIntoComputeIfAbsent() {
    BugCheckerRefactoringTestHelper.newInstance(ConcurrentMapCheckThenAct.class, getClass())
        .addInputLines(
            "Loader.java",
            loader(
                "    String absentKey = \"x\";",
                "    if (cache.get(k) == null) cache.put(k, absentKey + k);",
                "    return cache.get(k);"))
        .addOutputLines(
            "Loader.java",
            loader(
                "    String absentKey = \"x\";",
                "    cache.computeIfAbsent(k, missingKey -> absentKey + k);",
                "    return cache.get(k);"))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void offersNoComputeIfAbsentWhenTheBranchDoesMore() {
    BugCheckerRefactoringTestHelper.newInstance(ConcurrentMapCheckThenAct.class, getClass())
        .addInputLines(
            "Loader.java",
            loader(
                "    if (!cache.containsKey(k)) {",
                "      System.out.println(\"miss \" + k);",
                "      cache.put(k, k.toUpperCase());",
                "    }",
                "    return cache.get(k);"))
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void offersNoComputeIfAbsentWhenTheValueUsesAReassignedLocal() {
    BugCheckerRefactoringTestHelper.newInstance(ConcurrentMapCheckThenAct.class, getClass())
        .addInputLines(
            "Loader.java",
            loader(
                "    String value = k;",
                "    value = value.trim();",
                "    if (!cache.containsKey(k)) {",
                "      cache.put(k, value);",
                "    }",
                "    return cache.get(k);"))
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void wrapsTheForEachLoopOverASynchronizedMapInSynchronized() {
    BugCheckerRefactoringTestHelper.newInstance(SynchronizedMapIteration.class, getClass())
        .addInputLines(
            "Sessions.java",
            "import java.util.Collections;",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "class Sessions {",
            "  private final Map<String, Long> sessions = Collections.synchronizedMap(new HashMap<>());",
            "  void touch(String id) { sessions.put(id, 1L); }",
            "  void print() {",
            "    for (String id : sessions.keySet()) System.out.println(id);",
            "  }",
            "}")
        .addOutputLines(
            "Sessions.java",
            "import java.util.Collections;",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "class Sessions {",
            "  private final Map<String, Long> sessions = Collections.synchronizedMap(new HashMap<>());",
            "  void touch(String id) { sessions.put(id, 1L); }",
            "  void print() {",
            "    synchronized (sessions) { for (String id : sessions.keySet()) System.out.println(id); }",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  /** The factory exists from JDK 19: on the JDK 17 leg the finding comes without a fix. */
  @Test
  void replacesSizedHashMapConstructorByTheFactoryWhereTheJdkHasIt() {
    BugCheckerRefactoringTestHelper.ExpectOutput input =
        BugCheckerRefactoringTestHelper.newInstance(MapCapacityHint.class, getClass())
            .setArgs("-Xep:MapCapacityHint:WARN")
            .addInputLines(
                "Index.java",
                "import java.util.HashMap;",
                "import java.util.LinkedHashMap;",
                "import java.util.List;",
                "import java.util.Map;",
                "class Index {",
                "  Map<String, Integer> byName(List<String> names) {",
                "    Map<String, Integer> m = new HashMap<>(names.size());",
                "    Map<String, Integer> o = new LinkedHashMap<String, Integer>(names.size());",
                "    names.forEach(n -> m.put(n, n.length()));",
                "    o.putAll(m);",
                "    return o;",
                "  }",
                "}");
    if (Runtime.version().feature() < 19) {
      input.expectUnchanged().doTest(TestMode.TEXT_MATCH);
      return;
    }
    input
        .addOutputLines(
            "Index.java",
            "import java.util.HashMap;",
            "import java.util.LinkedHashMap;",
            "import java.util.List;",
            "import java.util.Map;",
            "class Index {",
            "  Map<String, Integer> byName(List<String> names) {",
            "    Map<String, Integer> m = HashMap.newHashMap(names.size());",
            "    Map<String, Integer> o = LinkedHashMap.<String, Integer>newLinkedHashMap(names.size());",
            "    names.forEach(n -> m.put(n, n.length()));",
            "    o.putAll(m);",
            "    return o;",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  /** Words counted in a ConcurrentHashMap from pool tasks; {@code update} is count(String)'s body. */
  private static String[] counter(String update) {
    return new String[] {
      "import java.util.Map;",
      "import java.util.concurrent.ConcurrentHashMap;",
      "import java.util.concurrent.ExecutorService;",
      "class Words {",
      "  private final Map<String, Integer> counts = new ConcurrentHashMap<>();",
      "  void countLater(ExecutorService pool, String w) { pool.submit(() -> count(w)); }",
      "  void count(String w) {",
      "    " + update,
      "  }",
      "}"
    };
  }

  @Test
  void turnsGetOrDefaultPlusPutIntoMerge() {
    BugCheckerRefactoringTestHelper.newInstance(ConcurrentMapCheckThenAct.class, getClass())
        .addInputLines("Words.java", counter("counts.put(w, counts.getOrDefault(w, 0) + 1);"))
        .addOutputLines("Words.java", counter("counts.merge(w, 1, Integer::sum);"))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void offersNoMergeWhenTheDefaultIsNotZero() {
    BugCheckerRefactoringTestHelper.newInstance(ConcurrentMapCheckThenAct.class, getClass())
        .addInputLines("Words.java", counter("counts.put(w, counts.getOrDefault(w, 5) + 1);"))
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}

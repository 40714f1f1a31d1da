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
            "public class Registry {",
            "  @GuardedBy(\"this\") private int unrelated;",
            "  private final Map<String, Integer> counts = new HashMap<>();",
            "  synchronized void add(String k) { counts.merge(k, 1, Integer::sum); }",
            "  synchronized int get(String k) { return counts.getOrDefault(k, 0); }",
            "  public void reset(String k) { counts.remove(k); }",
            "}")
        .addOutputLines(
            "Registry.java",
            "import com.google.errorprone.annotations.concurrent.GuardedBy;",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "public class Registry {",
            "  @GuardedBy(\"this\") private int unrelated;",
            "  @GuardedBy(\"this\") private final Map<String, Integer> counts = new HashMap<>();",
            "  synchronized void add(String k) { counts.merge(k, 1, Integer::sum); }",
            "  synchronized int get(String k) { return counts.getOrDefault(k, 0); }",
            "  public void reset(String k) { counts.remove(k); }",
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

  // ---------------------------------------------------------------- issue 15, items 15 to 17

  /** Every mapguard check that is on by default, to re-run on a fixed source. */
  private static final com.google.errorprone.scanner.ScannerSupplier ALL_CHECKS =
      com.google.errorprone.scanner.ScannerSupplier.fromBugCheckerClasses(
          io.mapguard.engine.rules.Rules.all().stream()
              .filter(io.mapguard.engine.report.Rule::enabledByDefault)
              .map(FixtureErrorProneTest::checkOf)
              .toList());

  /** The fixed source compiles and no mapguard check reports anything in it. */
  private void nothingReportedIn(String file, String... lines) {
    com.google.errorprone.CompilationTestHelper.newInstance(ALL_CHECKS, getClass())
        .addSourceLines(file, lines)
        .expectNoDiagnostics()
        .doTest();
  }

  /** A HashMap shared by a pool task and callers; {@code methods} are the class's other members. */
  private static String[] shared(String map, String... methods) {
    java.util.List<String> lines =
        new java.util.ArrayList<>(
            java.util.List.of(
                "import java.util.HashMap;",
                "import java.util.Map;",
                "import java.util.TreeMap;",
                "import java.util.concurrent.ConcurrentHashMap;",
                "import java.util.concurrent.ExecutorService;",
                "import java.util.concurrent.Executors;",
                "class Shared {",
                "  private final ExecutorService pool = Executors.newCachedThreadPool();",
                "  " + map));
    lines.addAll(java.util.List.of(methods));
    lines.add("}");
    return lines.toArray(String[]::new);
  }

  private static final String HASH_MAP = "private final Map<String, Integer> counts = new HashMap<>();";
  private static final String CONCURRENT = "private final Map<String, Integer> counts = new ConcurrentHashMap<>();";

  /**
   * Item 15: where the map is only used through single calls, the offered ConcurrentHashMap fix is
   * applied and the result is checked again: nothing is reported.
   */
  @Test
  void concurrentHashMapFixLeavesNothingToReport() {
    String[] uses = {
      "  void record(String k) { pool.submit(() -> counts.put(k, k.length())); }",
      "  Integer lengthOf(String k) { return counts.get(k); }",
      "  void forget(String k) { counts.remove(k); }"
    };
    BugCheckerRefactoringTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .addInputLines("Shared.java", shared(HASH_MAP, uses))
        .addOutputLines("Shared.java", shared(CONCURRENT, uses))
        .doTest(TestMode.TEXT_MATCH);
    nothingReportedIn("Shared.java", shared(CONCURRENT, uses));
  }

  /**
   * Item 15: getOrDefault then put of a value computed from it stays a lost update on a
   * ConcurrentHashMap (ConcurrentMapCheckThenAct reports the changed code): no such fix, and the
   * message says why.
   */
  @Test
  void noConcurrentHashMapForAReadModifyWrite() {
    String[] uses = {
      "  void record(String k) { pool.submit(() -> bump(k)); }",
      "  void bump(String k) {",
      "    int n = counts.getOrDefault(k, 0);",
      "    counts.put(k, n + 1);",
      "  }"
    };
    BugCheckerRefactoringTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .addInputLines("Shared.java", shared(HASH_MAP, uses))
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
    // what the fix would have produced is reported again: that is why it is not offered
    com.google.errorprone.CompilationTestHelper.newInstance(ConcurrentMapCheckThenAct.class, getClass())
        .addSourceLines(
            "Shared.java",
            shared(
                CONCURRENT,
                "  void record(String k) { pool.submit(() -> bump(k)); }",
                "  void bump(String k) {",
                "    int n = counts.getOrDefault(k, 0);",
                "    // BUG: Diagnostic contains: ConcurrentMapCheckThenAct",
                "    counts.put(k, n + 1);",
                "  }"))
        .doTest();
    com.google.errorprone.CompilationTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .addSourceLines(
            "Shared.java",
            shared(
                HASH_MAP,
                "  void record(String k) { pool.submit(() -> bump(k)); }",
                "  void bump(String k) {",
                "    int n = counts.getOrDefault(k, 0);",
                "    // BUG: Diagnostic contains: Guard every access with one lock (a ConcurrentHashMap alone would not do",
                "    counts.put(k, n + 1);",
                "  }"))
        .doTest();
  }

  /** Item 15: a key that may be null (a @Nullable parameter) would throw on a ConcurrentHashMap. */
  @Test
  void noConcurrentHashMapWhenAKeyMayBeNull() {
    String[] uses = {
      "  void record(String k) { pool.submit(() -> counts.put(k, 1)); }",
      "  Integer find(@javax.annotation.Nullable String k) { return counts.get(k); }"
    };
    BugCheckerRefactoringTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .addInputLines("Shared.java", shared(HASH_MAP, uses))
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  /** Item 15: a value taken from another map's get may be null. */
  @Test
  void noConcurrentHashMapWhenAValueMayBeNull() {
    String[] uses = {
      "  private final Map<String, Integer> defaults = Map.of(\"a\", 1);",
      "  void record(String k) { pool.submit(() -> counts.put(k, defaults.get(k))); }",
      "  Integer find(String k) { return counts.get(k); }"
    };
    BugCheckerRefactoringTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .addInputLines("Shared.java", shared(HASH_MAP, uses))
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  /** Item 15: a TreeMap's order would be lost: no ConcurrentHashMap, in either rule's message. */
  @Test
  void noConcurrentHashMapForAnOrderedMap() {
    String[] uses = {
      "  private final Object lock = new Object();",
      "  void record(String k) { pool.submit(() -> { synchronized (lock) { counts.put(k, 1); } }); }",
      "  void again(String k) { synchronized (lock) { counts.put(k, 2); } }",
      "  String first() {",
      "    // BUG: Diagnostic contains: Hold 'lock' (synchronized).",
      "    return counts.firstKey();",
      "  }"
    };
    com.google.errorprone.CompilationTestHelper.newInstance(InconsistentMapLocking.class, getClass())
        .addSourceLines(
            "Shared.java",
            shared("private final TreeMap<String, Integer> counts = new TreeMap<>();", uses))
        .doTest();
  }

  /** The flush of a buffer: copied under the lock, sent, then cleared; {@code last} ends flush(). */
  private static String[] buffer(String... flush) {
    java.util.List<String> lines =
        new java.util.ArrayList<>(
            java.util.List.of(
                "import java.util.HashMap;",
                "import java.util.Map;",
                "class Buffer {",
                "  private final Object lock = new Object();",
                "  private final Map<String, Integer> pending = new HashMap<>();",
                "  void add(String k) { synchronized (lock) { pending.put(k, 1); } }",
                "  void flush() {",
                "    Map<String, Integer> copy;"));
    lines.addAll(java.util.List.of(flush));
    lines.add("  }");
    lines.add("  void send(Map<String, Integer> batch) {}");
    lines.add("}");
    return lines.toArray(String[]::new);
  }

  /**
   * Item 16: the clear goes into the block that copied the map, not into a block of its own (which
   * would clear the entries added between the two blocks); the result is checked again.
   */
  @Test
  void movesALoneClearIntoTheBlockThatCopiedTheMap() {
    String[] fixed =
        buffer(
            "    synchronized (lock) { copy = new HashMap<>(pending); pending.clear(); }",
            "    send(copy);",
            "    ");
    BugCheckerRefactoringTestHelper.newInstance(InconsistentMapLocking.class, getClass())
        .addInputLines(
            "Buffer.java",
            buffer(
                "    synchronized (lock) { copy = new HashMap<>(pending); }",
                "    send(copy);",
                "    pending.clear();"))
        .addOutputLines("Buffer.java", fixed)
        .doTest(TestMode.TEXT_MATCH);
    nothingReportedIn("Buffer.java", fixed);
  }

  /**
   * Item 16: when the map is used unguarded between the two, no lock fix at all: the first fix
   * offered is the @GuardedBy annotation.
   */
  @Test
  void noLockFixWhenTheMapIsUsedBetweenTheBlockAndTheWrite() {
    String[] flush = {
      "    synchronized (lock) { copy = new HashMap<>(pending); }",
      "    if (pending.isEmpty()) return;",
      "    send(copy);",
      "    pending.clear();"
    };
    String[] annotated = buffer(flush);
    annotated[4] = "  @GuardedBy(\"lock\") " + annotated[4].trim();
    java.util.List<String> expected = new java.util.ArrayList<>(java.util.List.of(annotated));
    expected.add(0, "import io.mapguard.annotations.GuardedBy;");
    BugCheckerRefactoringTestHelper.newInstance(InconsistentMapLocking.class, getClass())
        .addInputLines("Buffer.java", buffer(flush))
        .addOutputLines("Buffer.java", expected.toArray(String[]::new))
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * Item 16 the other way: a clear with no guarded use before it goes into the block that refills
   * the map after it, not into a block of its own (other threads would see the map empty between
   * the two blocks); the result is checked again.
   */
  @Test
  void movesALoneClearIntoTheBlockThatRefillsTheMap() {
    String[] fixed =
        buffer(
            "    copy = new HashMap<>();",
            "    ",
            "    synchronized (lock) { pending.clear(); pending.putAll(copy); }");
    BugCheckerRefactoringTestHelper.newInstance(InconsistentMapLocking.class, getClass())
        .addInputLines(
            "Buffer.java",
            buffer(
                "    copy = new HashMap<>();",
                "    pending.clear();",
                "    synchronized (lock) { pending.putAll(copy); }"))
        .addOutputLines("Buffer.java", fixed)
        .doTest(TestMode.TEXT_MATCH);
    nothingReportedIn("Buffer.java", fixed);
  }
}

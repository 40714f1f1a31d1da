package io.mapguard.plugin;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.mapguard.fixtures.OptionSources;
import io.mapguard.testing.RacySource;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginBehaviourTest {
  private static final JavaFileObject RACY =
      JavaFileObjects.forSourceLines(RacySource.NAME, RacySource.LINES);

  @AfterEach
  void clearHook() {
    System.clearProperty("mapguard.internal.failOnClass");
  }

  @Test
  void reportsWithRuleNameLineAndEvidence() {
    Compilation compilation = javac().withOptions("-Xplugin:MapGuard").compile(RACY);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[UnsynchronizedSharedMap] 'm' is written here without a lock")
        .inFile(RACY)
        .onLine(5);
    // one race, one warning at its write, naming its other access
    assertThat(compilation)
        .hadWarningContaining("it is read by callers of get() (line 6). Guard every access with one lock or use"
            + " ConcurrentHashMap. Also unguarded: line 6 (read).")
        .inFile(RACY)
        .onLine(5);
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void everyAccessOnRequest() {
    Compilation compilation = javac().withOptions("-Xplugin:MapGuard -everyAccess").compile(RACY);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("it is written in the thread created at line 5")
        .inFile(RACY)
        .onLine(6);
    assertThat(compilation).hadWarningCount(2);
  }

  /**
   * A template method that holds 'this' around a hook, a second one that does not, and a subclass
   * whose map the hook writes: the hook's write races only through the second (another class).
   */
  private static final JavaFileObject LEDGER =
      JavaFileObjects.forSourceLines(
          "t.Ledger",
          "package t;",
          "public abstract class Ledger {",
          "  public synchronized void post(String a) { record(a); }",
          "  public void postNow(String a) { record(a); }",
          "  protected abstract void record(String a);",
          "}");

  private static final JavaFileObject AUDITED =
      JavaFileObjects.forSourceLines(
          "t.Audited",
          "package t;",
          "import java.util.HashMap;",
          "import java.util.Map;",
          "public class Audited extends Ledger {",
          "  private final Map<String, Integer> totals = new HashMap<>();",
          "  @Override protected void record(String a) { totals.merge(a, 1, Integer::sum); }",
          "  public synchronized void reset() { totals.clear(); }",
          "  public synchronized int total(String a) { return totals.getOrDefault(a, 0); }",
          "  public int peek(String a) { return totals.getOrDefault(a, 0); }",
          "}");

  @Test
  void aRaceNamesItsAccessesThatRaceThroughOtherClassesAmongItsOthers() {
    Compilation compilation = javac().withOptions("-Xplugin:MapGuard").compile(LEDGER, AUDITED);
    assertThat(compilation).succeeded();
    // at the access that races whatever other classes do; the hook's write is one of the others
    assertThat(compilation)
        .hadWarningContaining(
            "[InconsistentMapLocking] 'totals' is read without 'this' here; it is guarded by 'this' at 2"
                + " of 4 accesses (e.g. line 7). Hold 'this' (synchronized) or use ConcurrentHashMap."
                + " Also unguarded: line 6 (written, unless every caller holds 'this').")
        .inFile(AUDITED)
        .onLine(9);
    assertThat(compilation).hadWarningCount(1);

    // without the unguarded second way in the hook holds 'this' wherever it runs: the race is the
    // read's, which does not wait for the answer, and the listing says what the write depends on
    JavaFileObject lockedOnly =
        JavaFileObjects.forSourceLines(
            "t.Ledger",
            "package t;",
            "public abstract class Ledger {",
            "  public synchronized void post(String a) { record(a); }",
            "  protected abstract void record(String a);",
            "}");
    Compilation locked = javac().withOptions("-Xplugin:MapGuard").compile(lockedOnly, AUDITED);
    assertThat(locked)
        .hadWarningContaining("'totals' is read without 'this' here")
        .inFile(AUDITED)
        .onLine(9);
    assertThat(locked)
        .hadWarningContaining("Also unguarded: line 6 (written, unless every caller holds 'this').")
        .inFile(AUDITED)
        .onLine(9);
    assertThat(locked).hadWarningCount(1);
  }

  /** A library's static cache: filled lazily by a public method, no lock, no thread in view. */
  private static final JavaFileObject STATIC_CACHE =
      JavaFileObjects.forSourceLines("c.Names", OptionSources.STATIC_CACHE);

  @Test
  void staticCachesAreSharedOnlyOnRequest() {
    assertThat(javac().withOptions("-Xplugin:MapGuard").compile(STATIC_CACHE)).hadWarningCount(0);
    Compilation compilation =
        javac().withOptions("-Xplugin:MapGuard -staticCachesShared").compile(STATIC_CACHE);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "'CANONICAL' is written here without a lock, but it is shared: it is a static map that"
                + " Names.canonical() writes on the thread of whoever calls it, and static caches"
                + " count as shared (option staticCachesShared). Guard every access with one lock (a"
                + " ConcurrentHashMap alone would not do: the two-step update at line 10 would still"
                + " race; on a ConcurrentHashMap use compute, merge or computeIfAbsent). Also"
                + " unguarded: line 7 (read).")
        .inFile(STATIC_CACHE)
        .onLine(OptionSources.STATIC_CACHE_PUT_LINE);
    assertThat(compilation).hadWarningCount(1);
  }

  /** A helper that runs its callback holding the lock it is given, and a class that uses it. */
  private static final JavaFileObject LOCKS = JavaFileObjects.forSourceLines("l.Locks", OptionSources.LOCKS);

  private static final JavaFileObject USERS = JavaFileObjects.forSourceLines("l.Users", OptionSources.USERS);

  @Test
  void lockingCallbackMethodsHoldTheirLockInTheCallback() {
    Compilation without = javac().withOptions("-Xplugin:MapGuard").compile(LOCKS, USERS);
    assertThat(without)
        .hadWarningContaining("'names' is written here without a lock, but it is shared")
        .inFile(USERS)
        .onLine(OptionSources.USERS_RENAME_LINE);
    Compilation with =
        javac()
            .withOptions("-Xplugin:MapGuard -lockingCallbackMethods=l.Locks#withLock,l.Locks#locked")
            .compile(LOCKS, USERS);
    assertThat(with).succeeded();
    assertThat(with).hadWarningCount(0);
  }

  /** A map guarded by 'this' whose package-private getter only one other class calls, locking it. */
  private static final JavaFileObject TABLE =
      JavaFileObjects.forSourceLines(
          "t.Table",
          "package t;",
          "import java.util.HashMap;",
          "import java.util.Map;",
          "public class Table {",
          "  private final Map<String, String> rows = new HashMap<>();",
          "  public void put(String k, String v) { synchronized (rows) { rows.put(k, v); } }",
          "  public void remove(String k) { synchronized (rows) { rows.remove(k); } }",
          "  Map<String, String> rows() {",
          "    return rows;",
          "  }",
          "}");

  private static final JavaFileObject READER =
      JavaFileObjects.forSourceLines(
          "t.Reader",
          "package t;",
          "import java.util.Map;",
          "class Reader {",
          "  int count(Table table) {",
          "    Map<String, String> rows = table.rows();",
          "    synchronized (rows) {",
          "      return rows.size();",
          "    }",
          "  }",
          "}");

  @Test
  void decidesAFindingAgainstTheCallsOfTheWholeCompilation() {
    // the plugin asks javac to attribute every class first, so Reader's call is seen from Table
    assertThat(javac().withOptions("-Xplugin:MapGuard").compile(TABLE, READER)).succeededWithoutWarnings();
    assertThat(javac().withOptions("-Xplugin:MapGuard").compile(READER, TABLE)).succeededWithoutWarnings();
  }

  @Test
  void underAPolicyTheBuildChoseTheFindingStands() {
    // by file, Reader is not attributed when Table is analysed: nothing is concluded from it
    Compilation compilation =
        javac().withOptions("-Xplugin:MapGuard", "-XDcompilePolicy=byfile").compile(TABLE, READER);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[GuardedMapEscape] 'rows' (guarded by 'rows') escapes its lock")
        .inFile(TABLE)
        .onLine(9);
  }

  @Test
  void disableOptionTurnsARuleOff() {
    Compilation compilation =
        javac().withOptions("-Xplugin:MapGuard -disable=UnsynchronizedSharedMap").compile(RACY);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void internalErrorIsOneNoteAndTheCompileSucceeds() {
    System.setProperty("mapguard.internal.failOnClass", "Racy");
    Compilation compilation = javac().withOptions("-Xplugin:MapGuard").compile(RACY);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("mapguard: internal error");
    assertThat(compilation).hadNoteContaining("while analysing Racy");
    assertThat(compilation).hadNoteContaining("please report");
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void codeThatDoesNotCompileGetsNoExtraDiagnostics() {
    JavaFileObject broken =
        JavaFileObjects.forSourceLines(
            "Broken",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "class Broken {",
            "  private final Map<String, Integer> m = new HashMap<>();",
            "  void start() { new Thread(() -> m.put(\"a\", 1)).start(); }",
            "  Integer get() { return m.get(\"a\") + undefined; }",
            "}");
    Compilation compilation = javac().withOptions("-Xplugin:MapGuard").compile(broken);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
  }
}

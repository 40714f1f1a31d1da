package io.mapguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The engine on hand-written facts: sharing, guard inference and the report, with no front end. */
class AnalyzerTest {
  private static final LockRef LOCK = LockRef.monitor("lock");

  /** Every access a finding of its own: most tests here look at one access's message. */
  private static List<Finding> analyze(ClassFacts facts) {
    return new Analyzer(AnalysisOptions.builder().everyAccess(true).build()).analyze(facts);
  }

  private static List<String> rulesAndLines(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.rule().ruleName() + ":" + f.site().line())
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void mapWrittenInTaskAndReadByCallersIsUnsynchronizedSharedMap() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Hits");
    MapField hits = b.hashMapField("hits", 3);
    CodeUnit record = b.publicMethod("record(String)");
    CodeUnit task = b.submittedTask(17, record);
    b.call(record, task, 17);
    b.access(hits, Effect.WRITE, "merge", task, 17);
    CodeUnit read = b.publicMethod("hitsOf(String)");
    b.access(hits, Effect.READ, "get", read, 37);

    List<Finding> findings = analyze(b.build());

    assertEquals(List.of("UnsynchronizedSharedMap:17", "UnsynchronizedSharedMap:37"), rulesAndLines(findings));
    Finding read37 = findings.stream().filter(f -> f.site().line() == 37).findFirst().orElseThrow();
    assertTrue(read37.message().contains("'hits' is read here without a lock"), read37.message());
    assertTrue(read37.message().contains("written in the task submitted at line 17"), read37.message());
    // the place the message cites, for SARIF's related locations
    assertEquals(List.of(new Evidence(17, 0, "the task submitted at line 17")), read37.evidence());
  }

  @Test
  void byDefaultARaceIsOneFindingAtItsWriteNamingTheOtherAccesses() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Hits");
    MapField hits = b.hashMapField("hits", 3);
    CodeUnit read = b.publicMethod("hitsOf(String)");
    b.access(hits, Effect.READ, "get", read, 12);
    CodeUnit dump = b.publicMethod("dump()");
    b.access(hits, Effect.ITERATE, "entrySet", dump, 14);
    CodeUnit record = b.publicMethod("record(String)");
    CodeUnit task = b.submittedTask(17, record);
    b.call(record, task, 17);
    b.access(hits, Effect.WRITE, "merge", task, 17);

    List<Finding> findings = new Analyzer(AnalysisOptions.defaults()).analyze(b.build());

    assertEquals(List.of("UnsynchronizedSharedMap:17"), rulesAndLines(findings));
    Finding race = findings.get(0);
    assertTrue(race.message().startsWith("'hits' is written here without a lock"), race.message());
    assertTrue(race.message().endsWith(" Also unguarded: line 12 (read), line 14 (iterated)."), race.message());
    // the places cited (SARIF's related locations): the message's evidence, then the other accesses
    // not cited yet
    assertEquals(
        List.of(
            new Evidence(12, 5, "read by callers of hitsOf(String)"),
            new Evidence(14, 5, "also iterated here, unguarded")),
        race.evidence());
    assertEquals(List.of(17, 12, 14), race.places().stream().map(f -> f.site().line()).toList());
    // the fingerprint of the access it is reported at: a baseline of every access still matches it
    assertEquals(race.places().get(0).fingerprint(), race.fingerprint());
  }

  @Test
  void everyAccessUnderOneLockIsQuiet() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Hits");
    MapField hits = b.hashMapField("hits", 3);
    CodeUnit record = b.publicMethod("record(String)");
    CodeUnit task = b.submittedTask(17, record);
    b.call(record, task, 17);
    b.access(hits, Effect.WRITE, "merge", task, 17, LOCK);
    b.access(hits, Effect.READ, "get", b.publicMethod("hitsOf(String)"), 37, LOCK);

    assertEquals(List.of(), analyze(b.build()));
  }

  @Test
  void accessMissingTheInferredGuardIsInconsistentMapLocking() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("SessionRegistry");
    MapField sessions = b.hashMapField("sessions", 5);
    b.access(sessions, Effect.WRITE, "put", b.publicMethod("login(String)"), 15, LOCK);
    b.access(sessions, Effect.WRITE, "remove", b.publicMethod("logout(String)"), 19, LOCK);
    b.access(sessions, Effect.READ, "containsKey", b.publicMethod("isLoggedIn(String)"), 27);

    List<Finding> findings = analyze(b.build());

    assertEquals(List.of("InconsistentMapLocking:27"), rulesAndLines(findings));
    String message = findings.get(0).message();
    assertTrue(message.contains("'sessions' is read without 'lock' here"), message);
    assertTrue(message.contains("guarded by 'lock' at 2 of 3 accesses (e.g. line 15)"), message);
    assertEquals(Rules.INCONSISTENT_MAP_LOCKING, findings.get(0).rule());
    assertEquals(List.of(new Evidence(15, 0, "'lock' is held here")), findings.get(0).evidence());
  }

  @Test
  void mapFilledDuringConstructionAndOnlyReadAfterwardsIsQuiet() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Codes");
    MapField codes = b.hashMapField("codes", 3);
    b.access(codes, Effect.WRITE, "put", b.constructor(), 6);
    CodeUnit lookup = b.publicMethod("lookup(String)");
    CodeUnit task = b.submittedTask(12, lookup);
    b.call(lookup, task, 12);
    b.access(codes, Effect.READ, "get", task, 12);
    b.access(codes, Effect.READ, "get", lookup, 14);

    assertEquals(List.of(), analyze(b.build()));
  }

  @Test
  void writeUnderTheReadLockOfAReadWriteLockIsMapWriteUnderReadLock() {
    LockRef read = new LockRef("rw", LockRef.Mode.READ, LockRef.Kind.READ_WRITE_LOCK);
    LockRef write = new LockRef("rw", LockRef.Mode.WRITE, LockRef.Kind.READ_WRITE_LOCK);
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Index");
    MapField index = b.hashMapField("index", 4);
    b.access(index, Effect.WRITE, "put", b.publicMethod("add(String)"), 10, write);
    b.access(index, Effect.READ, "get", b.publicMethod("find(String)"), 16, read);
    b.access(index, Effect.WRITE, "remove", b.publicMethod("evict(String)"), 22, read);

    assertEquals(List.of("MapWriteUnderReadLock:22"), rulesAndLines(analyze(b.build())));
  }

  @Test
  void disabledRuleReportsNothing() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("SessionRegistry");
    MapField sessions = b.hashMapField("sessions", 5);
    b.access(sessions, Effect.WRITE, "put", b.publicMethod("login(String)"), 15, LOCK);
    b.access(sessions, Effect.WRITE, "remove", b.publicMethod("logout(String)"), 19, LOCK);
    b.access(sessions, Effect.READ, "containsKey", b.publicMethod("isLoggedIn(String)"), 27);

    AnalysisOptions options = AnalysisOptions.builder().disable("InconsistentMapLocking").build();
    assertEquals(List.of(), new Analyzer(options).analyze(b.build()));
  }

  // ------------------------------------------------ messages and fixes (issue 15, item 17)

  private static Finding at(List<Finding> findings, Rule rule, int line) {
    return findings.stream()
        .filter(f -> f.rule() == rule && f.site().line() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError(rule + ":" + line + " not in " + findings));
  }

  @Test
  void callerEvidenceNamesTheMethodAroundAnInlineLambda() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Hits");
    MapField hits = b.hashMapField("hits", 3);
    CodeUnit start = b.publicMethod("start()");
    CodeUnit task = b.submittedTask(10, start);
    b.call(start, task, 10);
    b.access(hits, Effect.READ, "get", task, 11);
    CodeUnit record = b.publicMethod("record(List)");
    b.access(hits, Effect.WRITE, "put", b.inlineLambda(record, 13), 13);

    String message = at(analyze(b.build()), Rules.UNSYNCHRONIZED_SHARED_MAP, 11).message();

    assertTrue(message.contains("it is written by callers of record(List) (line 13)"), message);
    assertTrue(!message.contains("lambda at line 13"), message);
  }

  @Test
  void callerEvidenceCitesAWriteWhenItSaysWritten() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Log");
    MapField entries = b.hashMapField("entries", 3);
    CodeUnit start = b.publicMethod("start()");
    CodeUnit task = b.submittedTask(10, start);
    b.call(start, task, 10);
    b.access(entries, Effect.WRITE, "remove", task, 11);
    b.access(entries, Effect.READ, "get", b.publicMethod("last()"), 20);
    b.access(entries, Effect.WRITE, "put", b.publicMethod("add(String)"), 25);

    String message = at(analyze(b.build()), Rules.UNSYNCHRONIZED_SHARED_MAP, 11).message();

    assertTrue(message.contains("it is written by callers of add(String) (line 25)"), message);
  }

  @Test
  void callerEvidenceNamesTheHelperOnTheWay() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Log");
    MapField entries = b.hashMapField("entries", 3);
    CodeUnit start = b.publicMethod("start()");
    CodeUnit task = b.submittedTask(10, start);
    b.call(start, task, 10);
    b.access(entries, Effect.READ, "get", task, 11);
    CodeUnit add = b.publicMethod("add(String)");
    CodeUnit store = b.privateMethod("store(String)");
    b.call(add, store, 20);
    b.access(entries, Effect.WRITE, "put", store, 25);

    String message = at(analyze(b.build()), Rules.UNSYNCHRONIZED_SHARED_MAP, 11).message();

    assertTrue(
        message.contains("it is written by callers of add(String), through store(String) (line 25)"),
        message);
  }

  @Test
  void findingInAPrivateHelperNamesTheCallThatLacksTheLock() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Registry");
    MapField sessions = b.hashMapField("sessions", 5);
    b.access(sessions, Effect.WRITE, "put", b.publicMethod("login(String)"), 15, LOCK);
    b.access(sessions, Effect.READ, "get", b.publicMethod("find(String)"), 19, LOCK);
    CodeUnit store = b.privateMethod("store(String)");
    b.call(b.publicMethod("add(String)"), store, 30, LOCK);
    b.call(b.publicMethod("reset()"), store, 40);
    b.access(sessions, Effect.WRITE, "remove", store, 50);

    String message = at(analyze(b.build()), Rules.INCONSISTENT_MAP_LOCKING, 50).message();

    assertTrue(
        message.contains(
            "'sessions' is written without 'lock' here, in store(String), which reset() calls"
                + " without it at line 40;"),
        message);
  }

  @Test
  void escapeAdviceCopiesIntoTheFieldsOwnMapType() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Ranking");
    MapField ranks =
        b.field(
            "ranks",
            5,
            List.of("java.util.TreeMap", "java.util.NavigableMap", "java.util.SortedMap", "java.util.Map"),
            List.of("new:java.util.TreeMap"),
            "io.mapguard.annotations.GuardedBy");
    CodeUnit getter = b.publicMethod("ranks()");
    b.access(ranks, Effect.WRITE, "put", b.publicMethod("add(String)"), 10, LOCK);
    b.escape(ranks, io.mapguard.engine.model.Escape.Kind.RETURNED, "ranks()", getter, 14);

    String message = at(analyze(b.build()), Rules.GUARDED_MAP_ESCAPE, 14).message();

    assertTrue(message.contains("Hand out a copy made under the lock (new TreeMap<>(ranks))"), message);
    assertTrue(!message.contains("HashMap"), message);
  }

  @Test
  void bypassNamesTheWrapperFactoryUsed() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Index");
    MapField backing =
        b.field("backing", 4, List.of("java.util.TreeMap", "java.util.Map"), List.of("new:java.util.TreeMap"), null);
    b.field(
        "sorted",
        5,
        List.of("java.util.SortedMap", "java.util.Map"),
        List.of("call:java.util.Collections.synchronizedSortedMap"),
        null);
    b.wrap(backing, "sorted", b.constructor(), 5);
    b.access(backing, Effect.WRITE, "put", b.publicMethod("add(String)"), 12);

    String message = at(analyze(b.build()), Rules.SYNCHRONIZED_MAP_BYPASS, 12).message();

    assertTrue(message.contains("wrapped by Collections.synchronizedSortedMap at line 5"), message);
  }

  @Test
  void guardedByFixSaysWhichAnnotationAndDependency() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("SessionRegistry");
    MapField sessions = b.hashMapField("sessions", 5);
    b.access(sessions, Effect.WRITE, "put", b.publicMethod("login(String)"), 15, LOCK);
    b.access(sessions, Effect.WRITE, "remove", b.publicMethod("logout(String)"), 19, LOCK);
    b.access(sessions, Effect.READ, "containsKey", b.publicMethod("isLoggedIn(String)"), 27);

    List<String> fixes =
        analyze(b.build()).get(0).fixes().stream().map(f -> f.suggestion("sessions")).toList();

    assertTrue(
        fixes.contains(
            "Annotate 'sessions' with @GuardedBy(\"lock\") (io.mapguard.annotations.GuardedBy, from"
                + " the io.mapguard:mapguard-annotations dependency)."),
        fixes.toString());

    b.field("other", 6, List.of("java.util.Map"), List.of("new:java.util.HashMap"), "net.jcip.annotations.GuardedBy");
    fixes = analyze(b.build()).stream()
        .filter(f -> f.field().name().equals("sessions"))
        .flatMap(f -> f.fixes().stream())
        .map(f -> f.suggestion("sessions"))
        .toList();
    assertTrue(
        fixes.contains(
            "Annotate 'sessions' with @GuardedBy(\"lock\") (net.jcip.annotations.GuardedBy, already"
                + " used in this file)."),
        fixes.toString());
  }

  @Test
  void writeAfterALockedCopyExtendsThatBlock() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Buffer");
    MapField pending = b.hashMapField("pending", 5);
    b.access(pending, Effect.WRITE, "put", b.publicMethod("add(String)"), 8, LOCK);
    CodeUnit flush = b.publicMethod("flush()");
    b.access(pending, Effect.ITERATE, null, flush, 12, LOCK);
    b.access(pending, Effect.WRITE, "clear", flush, 14);

    Finding clear = at(analyze(b.build()), Rules.INCONSISTENT_MAP_LOCKING, 14);

    assertEquals(
        new io.mapguard.engine.report.FixHint(
            io.mapguard.engine.report.FixHint.Kind.EXTEND_SYNCHRONIZED, "lock", "12"),
        clear.fixes().get(0));
    assertEquals(
        "Move the statement into the synchronized (lock) block at line 12, next to the map's use there, so that nothing"
            + " changes the map between the two.",
        clear.fixes().get(0).suggestion("pending"));
  }
}

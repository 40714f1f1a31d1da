package io.mapguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapCreation;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.NullableArgument;
import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each rule's evidence on hand-written facts: every place its message names by line (other than the
 * finding's own), with a description that reads on its own (SARIF related locations).
 * UnsynchronizedSharedMap's and InconsistentMapLocking's are asserted in {@link AnalyzerTest}.
 */
class EvidenceTest {
  private static final LockRef LOCK = LockRef.monitor("lock");
  private static final List<String> HASH_MAP = List.of("java.util.HashMap", "java.util.Map");
  private static final List<String> NEW_HASH_MAP = List.of("new:java.util.HashMap");

  private static List<Finding> analyze(ClassFacts facts, AnalysisOptions options) {
    return new Analyzer(options).analyze(facts);
  }

  private static Finding only(ClassFacts facts, Rule rule) {
    return only(facts, rule, AnalysisOptions.defaults());
  }

  private static Finding only(ClassFacts facts, Rule rule, AnalysisOptions options) {
    List<Finding> findings =
        analyze(facts, options).stream().filter(f -> f.rule() == rule).toList();
    assertEquals(1, findings.size(), () -> rule + " in " + findings);
    return findings.get(0);
  }

  private static void assertCites(Finding finding, String... parts) {
    for (String part : parts) {
      assertTrue(finding.message().contains(part), finding.message());
    }
  }

  private static final List<String> CONCURRENT_HASH_MAP =
      List.of("java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentMap", "java.util.Map");
  private static final List<String> NEW_CONCURRENT_HASH_MAP =
      List.of("new:java.util.concurrent.ConcurrentHashMap");

  // ------------------------------------------------------------------ ConcurrentMapCheckThenAct

  @Test
  void checkThenActCitesTheCheck() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Cache");
    MapField m = b.field("m", 5, CONCURRENT_HASH_MAP, NEW_CONCURRENT_HASH_MAP, true, null);
    CodeUnit add = b.publicMethod("add(String,String)");
    MapCall.Test absent = new MapCall.Test(100, MapCall.Polarity.RESULT_FALSE, true, false);
    b.access(m, Effect.READ, "containsKey", add, 8, call("k", false, absent, List.of()));
    b.access(
        m, Effect.WRITE, "put", add, 9, call("k", true, null, List.of(new MapCall.Branch(100, true))));
    CodeUnit start = b.publicMethod("start()");
    CodeUnit task = b.submittedTask(14, start);
    b.call(start, task, 14);
    b.call(task, add, 14);

    Finding finding = only(b.build(), Rules.CONCURRENT_MAP_CHECK_THEN_ACT);

    assertEquals(9, finding.site().line());
    assertCites(finding, "'m' is checked at line 8 (containsKey) and written at line 9 (put)");
    assertEquals(List.of(new Evidence(8, 5, "checked here (containsKey)")), finding.evidence());
  }

  /** A map call on key {@code key}, tested by {@code test}, in {@code branches}. */
  private static MapCall call(
      String key, boolean resultDiscarded, MapCall.Test test, List<MapCall.Branch> branches) {
    return new MapCall(
        key, null, resultDiscarded, null, test, branches, -1, 0, 2, null, null, false, null, 0,
        MapCall.Variables.NONE, false, false);
  }

  // ------------------------------------------------------------------ ConcurrentMapNullValue

  @Test
  void nullValueCitesWhereItBecomesNull() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Cache");
    MapField m = b.field("m", 5, CONCURRENT_HASH_MAP, NEW_CONCURRENT_HASH_MAP, true, null);
    b.nullableArgument(
        m, "put", false, "v", NullableArgument.Source.ASSIGNED_NULL, "v", 18, b.publicMethod("clear(String)"), 19);

    Finding finding = only(b.build(), Rules.CONCURRENT_MAP_NULL_VALUE);

    assertCites(finding, "'v' is assigned null at line 18");
    assertEquals(List.of(new Evidence(18, 0, "'v' is assigned null here")), finding.evidence());
  }

  // ------------------------------------------------------------------ MapModifiedDuringIteration

  @Test
  void modificationDuringIterationCitesTheLoop() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Sessions");
    MapField sessions = b.hashMapField("sessions", 3);
    MapCall.Loop loop = new MapCall.Loop(10, "for-each", Set.of("id"));
    b.access(
        sessions, Effect.WRITE, "remove", b.publicMethod("expire()"), 12, MapCall.NONE.within(loop, false, null));

    Finding finding = only(b.build(), Rules.MAP_MODIFIED_DURING_ITERATION);

    assertCites(finding, "a for-each loop over it (line 10) is running");
    assertEquals(List.of(new Evidence(10, 0, "the loop over 'sessions' starts here")), finding.evidence());
  }

  // ------------------------------------------------------------------ MapWriteUnderReadLock

  @Test
  void writeUnderReadLockCitesNothing() {
    LockRef read = new LockRef("rw", LockRef.Mode.READ, LockRef.Kind.READ_WRITE_LOCK);
    LockRef write = new LockRef("rw", LockRef.Mode.WRITE, LockRef.Kind.READ_WRITE_LOCK);
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Index");
    MapField index = b.hashMapField("index", 4);
    b.access(index, Effect.WRITE, "put", b.publicMethod("add(String)"), 10, write);
    b.access(index, Effect.READ, "get", b.publicMethod("find(String)"), 16, read);
    b.access(index, Effect.WRITE, "remove", b.publicMethod("evict(String)"), 22, read);

    Finding finding = only(b.build(), Rules.MAP_WRITE_UNDER_READ_LOCK);

    // the message names no other line, and the facts do not say where the read lock was taken
    assertEquals(22, finding.site().line());
    assertEquals(List.of(), finding.evidence());
  }

  // ------------------------------------------------------------------ GuardedMapEscape

  @Test
  void escapeOfAnInferredGuardCitesWhereTheGuardIsHeld() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Registry");
    MapField sessions = b.hashMapField("sessions", 5);
    b.access(sessions, Effect.WRITE, "put", b.publicMethod("login(String)"), 15, LOCK);
    b.access(sessions, Effect.WRITE, "remove", b.publicMethod("logout(String)"), 19, LOCK);
    b.escape(sessions, Escape.Kind.RETURNED, "sessions()", b.publicMethod("sessions()"), 25);

    Finding finding = only(b.build(), Rules.GUARDED_MAP_ESCAPE);

    assertCites(finding, "'sessions' (guarded by 'lock') escapes its lock");
    assertEquals(List.of(new Evidence(15, 0, "'lock' is held here")), finding.evidence());
  }

  @Test
  void escapeOfADeclaredGuardCitesTheDeclaration() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Ranking");
    MapField ranks = b.field("ranks", 5, HASH_MAP, NEW_HASH_MAP, "io.mapguard.annotations.GuardedBy");
    b.access(ranks, Effect.WRITE, "put", b.publicMethod("add(String)"), 10, LOCK);
    b.escape(ranks, Escape.Kind.PASSED, "listener.onUpdate", b.publicMethod("publish()"), 14);

    Finding finding = only(b.build(), Rules.GUARDED_MAP_ESCAPE);

    assertEquals(List.of(new Evidence(5, 5, "declared @GuardedBy(\"lock\")")), finding.evidence());
  }

  // ------------------------------------------------------------------ UnsafeMapPublication

  @Test
  void lazyInitializationCitesTheUnlockedCheck() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Settings");
    MapField config = b.field("config", 3, HASH_MAP, NEW_HASH_MAP, false, null);
    b.lazyInit(config, b.publicMethod("config()"), 12, 9);

    Finding finding = only(b.build(), Rules.UNSAFE_MAP_PUBLICATION);

    assertCites(finding, "the unlocked check at line 9");
    assertEquals(List.of(new Evidence(9, 0, "the unlocked check of 'config'")), finding.evidence());
  }

  @Test
  void publicationBeforeFillingCitesTheFillTheReadAndTheTask() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Catalog");
    MapField cache = b.field("cache", 3, HASH_MAP, NEW_HASH_MAP, false, null);
    CodeUnit reload = b.publicMethod("reload()");
    b.assignFresh(cache, reload, 20);
    b.access(cache, Effect.WRITE, "put", reload, 21);
    CodeUnit start = b.publicMethod("start()");
    CodeUnit task = b.submittedTask(30, start);
    b.call(start, task, 30);
    b.access(cache, Effect.READ, "get", task, 31);

    Finding finding = only(b.build(), Rules.UNSAFE_MAP_PUBLICATION);

    assertEquals(20, finding.site().line());
    assertCites(
        finding, "(the put at line 21)", "it is read in the task submitted at line 30 (line 31)");
    assertEquals(
        List.of(
            new Evidence(21, 5, "the first put into 'cache', after it is published"),
            new Evidence(31, 5, "'cache' is read here, in the task submitted at line 30"),
            new Evidence(30, 0, "the task submitted at line 30")),
        finding.evidence());
  }

  @Test
  void replacementReadByCallersCitesTheRead() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Catalog");
    MapField cache = b.field("cache", 3, HASH_MAP, NEW_HASH_MAP, false, null);
    b.access(cache, Effect.READ, "get", b.publicMethod("get(String)"), 25);
    CodeUnit start = b.publicMethod("start()");
    CodeUnit task = b.submittedTask(40, start);
    b.call(start, task, 40);
    b.assignFresh(cache, task, 41);

    Finding finding = only(b.build(), Rules.UNSAFE_MAP_PUBLICATION);

    assertEquals(41, finding.site().line());
    assertCites(finding, "is replaced here without synchronization while callers read it in get(String) (line 25)");
    assertEquals(
        List.of(new Evidence(25, 5, "callers read 'cache' here, in get(String)")), finding.evidence());
  }

  // ------------------------------------------------------------------ MutableValueInConcurrentMap

  @Test
  void mutatedValueCitesWhereItIsCreatedTakenAndTheThreads() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Groups");
    MapField index =
        b.field(
            "index",
            4,
            CONCURRENT_HASH_MAP,
            NEW_CONCURRENT_HASH_MAP,
            true,
            "java.util.List");
    CodeUnit collect = b.publicMethod("collect(List)");
    CodeUnit callback = b.parallelStreamCallback(20, collect);
    b.call(collect, callback, 20);
    b.access(index, Effect.WRITE, "computeIfAbsent", callback, 21, MapCall.NONE);
    b.storedValue(index, "new:java.util.ArrayList", 21);
    b.valueMutation(index, "computeIfAbsent", 21, "add", "names", callback, 22);

    Finding finding = only(b.build(), Rules.MUTABLE_VALUE_IN_CONCURRENT_MAP);

    assertEquals(22, finding.site().line());
    assertCites(
        finding,
        "created as ArrayList (line 21)",
        "taken from it at line 21 (computeIfAbsent)",
        "the parallel stream callback at line 20 runs on several threads at once");
    assertEquals(
        List.of(
            new Evidence(21, 0, "a value created as ArrayList is stored in 'index' here"),
            new Evidence(21, 5, "'names' is taken from 'index' here (computeIfAbsent)"),
            new Evidence(20, 0, "the parallel stream callback at line 20")),
        finding.evidence());
  }

  // ------------------------------------------------------------------ SynchronizedMapIteration

  private static MapField synchronizedMap(ClassFactsBuilder b, String name, int line) {
    return b.field(
        name, line, List.of("java.util.Map"), List.of("call:java.util.Collections.synchronizedMap"), true, null);
  }

  @Test
  void unlockedIterationCitesTheWrite() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Sessions");
    MapField sessions = synchronizedMap(b, "sessions", 3);
    b.access(sessions, Effect.WRITE, "put", b.publicMethod("add(String)"), 10);
    b.access(sessions, Effect.ITERATE, null, b.publicMethod("dump()"), 15, MapCall.traversal("for-each"));

    Finding finding = only(b.build(), Rules.SYNCHRONIZED_MAP_ITERATION);

    assertCites(finding, "while it is written at line 10");
    assertEquals(List.of(new Evidence(10, 5, "'sessions' is written here (put)")), finding.evidence());
  }

  @Test
  void unlockedIterationOfAMapThatLeavesTheClassCitesTheEscape() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Sessions");
    MapField sessions = synchronizedMap(b, "sessions", 3);
    b.escape(sessions, Escape.Kind.PASSED, "registry.register", b.publicMethod("publish()"), 12);
    b.access(sessions, Effect.ITERATE, null, b.publicMethod("dump()"), 15, MapCall.traversal("for-each"));

    Finding finding = only(b.build(), Rules.SYNCHRONIZED_MAP_ITERATION);

    assertCites(finding, "while the map leaves the class at line 12");
    assertEquals(List.of(new Evidence(12, 5, "'sessions' leaves the class here")), finding.evidence());
  }

  // ------------------------------------------------------------------ SynchronizedMapBypass

  @Test
  void bypassCitesTheWrapping() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Index");
    MapField backing = b.field("backing", 4, HASH_MAP, NEW_HASH_MAP, null);
    b.field("index", 5, List.of("java.util.Map"), List.of("call:java.util.Collections.synchronizedMap"), null);
    b.wrap(backing, "index", b.constructor(), 5);
    b.access(backing, Effect.WRITE, "put", b.publicMethod("add(String)"), 12);

    Finding finding = only(b.build(), Rules.SYNCHRONIZED_MAP_BYPASS);

    assertCites(finding, "wrapped by Collections.synchronizedMap at line 5");
    assertEquals(List.of(new Evidence(5, 5, "'backing' is wrapped here")), finding.evidence());
  }

  // ------------------------------------------------------------------ RecursiveMapUpdate

  @Test
  void recursiveUpdateCitesTheUpdate() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Memo");
    MapField memo = b.hashMapField("memo", 3);
    MapCall.Update update = new MapCall.Update(11, "computeIfAbsent");
    b.access(memo, Effect.WRITE, "put", b.publicMethod("fill(int)"), 12, MapCall.NONE.within(null, false, update));

    Finding finding = only(b.build(), Rules.RECURSIVE_MAP_UPDATE);

    assertCites(finding, "inside the function of its computeIfAbsent at line 11");
    assertEquals(
        List.of(new Evidence(11, 0, "the computeIfAbsent on 'memo' whose function modifies it")),
        finding.evidence());
  }

  @Test
  void recursiveUpdateThroughAMethodCitesTheUpdateAndTheCall() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Fib");
    MapField memo = b.hashMapField("memo", 3);
    MapCall.Update update = new MapCall.Update(10, "computeIfAbsent");
    CodeUnit fib = b.publicMethod("fib(int)");
    CodeUnit function = b.inlineLambda(fib, 10);
    CodeUnit store = b.privateMethod("store(int)");
    b.callInUpdate(function, store, 11, memo, update);
    b.access(memo, Effect.WRITE, "put", store, 20);

    Finding finding = only(b.build(), Rules.RECURSIVE_MAP_UPDATE);

    assertCites(finding, "which the function of its computeIfAbsent at line 10 calls (line 11)");
    assertEquals(
        List.of(
            new Evidence(10, 0, "the computeIfAbsent on 'memo' whose function modifies it"),
            new Evidence(11, 0, "the function of computeIfAbsent calls store(int) here")),
        finding.evidence());
  }

  @Test
  void memoizedRecursionCitesTheCallNotItsOwnUpdateAgain() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Fib");
    MapField memo = b.hashMapField("memo", 5);
    MapCall.Update update = new MapCall.Update(11, "computeIfAbsent");
    CodeUnit fib = b.publicMethod("fib(int)");
    CodeUnit function = b.inlineLambda(fib, 11);
    b.callInUpdate(function, fib, 12, memo, update);
    b.access(memo, Effect.WRITE, "computeIfAbsent", fib, 11);

    Finding finding = only(b.build(), Rules.RECURSIVE_MAP_UPDATE);

    // the update the message names at line 11 is the finding itself, reached again by the call
    assertEquals(11, finding.site().line());
    assertCites(finding, "which the function of its computeIfAbsent at line 11 calls (line 12)");
    assertEquals(
        List.of(new Evidence(12, 0, "the function of computeIfAbsent calls fib(int) here")),
        finding.evidence());
  }

  // ------------------------------------------------------------------ MapCapacityHint

  @Test
  void capacityHintCitesOnlyItsOwnLine() {
    ClassFactsBuilder b = ClassFactsBuilder.forClass("Sizes");
    b.creation(
        "java.util.HashMap", "names.size()", MapCreation.SizeArgument.SIZE_CALL, b.publicMethod("index(List)"), 7);

    Finding finding =
        only(b.build(), Rules.MAP_CAPACITY_HINT, AnalysisOptions.builder().enable("MapCapacityHint").build());

    assertCites(finding, "at line 7");
    assertEquals(List.of(), finding.evidence());
  }
}

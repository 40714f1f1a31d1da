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
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The engine on hand-written facts: sharing, guard inference and the report, with no front end. */
class AnalyzerTest {
  private static final LockRef LOCK = LockRef.monitor("lock");

  private static List<Finding> analyze(ClassFacts facts) {
    return new Analyzer(AnalysisOptions.defaults()).analyze(facts);
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
    assertEquals(Rule.INCONSISTENT_MAP_LOCKING, findings.get(0).rule());
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
}

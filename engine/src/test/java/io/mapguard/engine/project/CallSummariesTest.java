package io.mapguard.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallSummariesTest {
  private static final ProjectMethod RESERVE = new ProjectMethod(List.of("com.acme.Stock", "java.lang.Object"), "reserve", 2);
  private static final ProjectMethod CALLER =
      new ProjectMethod(List.of("com.acme.Inventory", "java.lang.Object"), "restock", 1);

  private static CallSite site(String owner, boolean onThis, boolean selfHeld, boolean receiverHeld, String thread) {
    return new CallSite(
        "reserve", 2, owner, CALLER, true, ResultUse.DISCARDED, "src/com/acme/Inventory.java", 42, onThis,
        selfHeld, receiverHeld, Set.of("Inventory"), Set.of(1), thread, Set.of(), "com.acme.Restocker#inventory",
        thread == null ? null : "com.acme.Inventory#serial",
        thread == null ? null : "Inventory.restock hands one to 'pool', an executor of several threads, on every call");
  }

  private static CallSummaries.ClassCalls roundTrip(CallSummaries.ClassCalls calls) throws Exception {
    return CallSummaries.read(CallSummaries.write(calls));
  }

  @Test
  void aSummaryReadsBackAsWritten() throws Exception {
    CallSite resolved = site("com.acme.Stock", false, false, true, "the task submitted at Inventory.java:30");
    CallSite unresolved =
        new CallSite(
            "reserve", 2, null, null, true, ResultUse.OTHER, "src/com/acme/Inventory.java", 50, true, false, false,
            Set.of(), Set.of(), null, Set.of("add", "[]="), null, null, null);
    CallSite reference = CallSite.reference("reserve", "src/com/acme/Inventory.java", 57);
    CallSummaries.ClassCalls calls =
        new CallSummaries.ClassCalls(
            "com.acme.Inventory",
            "src/com/acme/Inventory.java",
            List.of(resolved, unresolved, reference),
            List.of(
                new FieldUse(
                    "com.acme.Shelf#onHand", "src/com/acme/Inventory.java", 61, true, false,
                    "the task submitted at Inventory.java:60", null, null),
                new FieldUse(
                    "com.acme.Shelf#onHand", "src/com/acme/Inventory.java", 70, false, true,
                    "the task submitted at Inventory.java:69", "com.acme.Inventory#serial",
                    "it is started in a loop")));
    assertEquals(calls, roundTrip(calls));
  }

  @Test
  void textThatLooksLikeTheFormatIsEscaped() throws Exception {
    CallSite odd =
        new CallSite(
            "reserve", 2, "com.acme.Stock", CALLER, false, ResultUse.RETURNED, "dir\twith\ttabs\\and\nnewline.java", 3,
            false, true, false, Set.of(), Set.of(0, 1), "-", Set.of("put"), "odd.Class#field\twith\ttabs", null, null);
    CallSummaries.ClassCalls calls =
        new CallSummaries.ClassCalls("com.acme.Odd", "dir\twith\ttabs\\and\nnewline.java", List.of(odd), List.of());
    assertEquals(calls, roundTrip(calls));
  }

  @Test
  void pendingFindingsReadBackWithTheirConditionsOfEveryKind() throws Exception {
    ProjectMethod getter = new ProjectMethod(List.of("com.acme.Sessions", "java.lang.Object"), "tags", 0);
    List<ProjectCondition> conditions =
        List.of(
            new NullPassedByCaller(RESERVE, 1),
            new NullPassedByCaller(null, 0),
            new WrittenByTaskElsewhere(List.of(RESERVE, CALLER), List.of(RESERVE, CALLER), List.of(CALLER), "Guard it,\tplease."),
            new WrittenThroughSharedFieldByTask(List.of(RESERVE), List.of(RESERVE, getter), "Use a ConcurrentHashMap."),
            new ResultUsedByCallers(
                getter, java.util.Map.of("add", " changes it (add)", "walk:for-each", " walks it, a, b"), ": at once.", "Copy it."),
            new CalledWithoutGuard(CALLER, null, "this"),
            new CalledWithoutGuard(CALLER, "Inventory", "Inventory.class"),
            new ReturnedPastGuard(getter, true),
            new UsedBySubclassTask("com.acme.Shelf#onHand", List.of(getter, RESERVE), List.of(RESERVE), List.of(), "Lock it."),
            new EitherCondition(
                new WrittenThroughSharedFieldByTask(List.of(RESERVE), List.of(RESERVE, getter), "Use a ConcurrentHashMap."),
                new UsedBySubclassTask(
                    "com.acme.Shelf#onHand", List.of(getter, RESERVE), List.of(RESERVE), List.of(getter), "Use a\tlock.")));
    List<PendingFinding> pending = new java.util.ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      pending.add(
          new PendingFinding(
              "UnsynchronizedSharedMap", "src/com/acme/Inventory.java", 10 + i, i, i == 1 ? null : "fp-" + i,
              "Field 'stock'\tis -\nwritten", conditions.get(i)));
    }
    CallSummaries.ClassCalls calls =
        new CallSummaries.ClassCalls(
            "com.acme.Inventory", "src/com/acme/Inventory.java",
            List.of(site("com.acme.Stock", false, false, true, null)), List.of(), pending);
    assertEquals(calls, roundTrip(calls));
  }

  @Test
  void aPendingFindingStandsWhereTheCallsOfALaterCompilationUpholdIt() throws Exception {
    // the library's compilation saw no task call its writer; the application's has one
    PendingFinding pending =
        new PendingFinding(
            "UnsynchronizedSharedMap", "lib/src/com/acme/Stock.java", 12, 5, "fp", "Field 'levels' is written without a lock.",
            new WrittenByTaskElsewhere(List.of(RESERVE), List.of(RESERVE), List.of(), "Guard it."));
    CallSummaries.ClassCalls library =
        roundTrip(
            new CallSummaries.ClassCalls("com.acme.Stock", "lib/src/com/acme/Stock.java", List.of(), List.of(), List.of(pending)));
    ProjectCall inTask =
        new ProjectCall(
            null, false, ResultUse.DISCARDED, "app/src/com/acme/Worker.java", 9, false, false, Set.of(), ProjectCall.Target.RESOLVED, Set.of(),
            "the task submitted at Worker.java:9", Set.of(), false, null, null, null);
    ProjectCalls application = method -> method.equals(RESERVE) ? List.of(inTask) : List.of();
    List<PendingFinding> standing =
        io.mapguard.engine.Analyzer.decide(
            library.pending(), PendingFinding::condition, PendingFinding::standing, application);
    assertEquals(1, standing.size());
    assertEquals(
        "Field 'levels' is written without a lock. it is written in the task submitted at Worker.java:9, which calls"
            + " Stock.reserve (Worker.java:9). Guard it.",
        standing.get(0).message());
    assertEquals("Stock.java:12", standing.get(0).place());
    assertNull(standing.get(0).condition());
    assertEquals(
        List.of(), io.mapguard.engine.Analyzer.decide(library.pending(), PendingFinding::condition, PendingFinding::standing, m -> List.of()));
  }

  @Test
  void anotherVersionOrAnotherFileIsRefused() {
    CallSummaries.UnreadableSummary version =
        assertThrows(
            CallSummaries.UnreadableSummary.class, () -> CallSummaries.read("mapguard-summary\t1\nclass\tA\tA.java\n"));
    assertEquals("summary version 1, this mapguard reads version " + CallSummaries.VERSION, version.getMessage());
    assertThrows(CallSummaries.UnreadableSummary.class, () -> CallSummaries.read("PK\u0003\u0004"));
    CallSummaries.UnreadableSummary line =
        assertThrows(
            CallSummaries.UnreadableSummary.class,
            () -> CallSummaries.read("mapguard-summary\t" + CallSummaries.VERSION + "\nclass\tA\tA.java\ncall\treserve\ttwo\n"));
    assertTrue(line.getMessage().startsWith("line 3: "), line.getMessage());
  }

  @Test
  void aSiteIsACallOfTheMethodItWasResolvedToOrOfItsOverrides() {
    CallSite onStock = site("com.acme.Stock", false, false, true, null);
    ProjectCall call = onStock.asCallOf(RESERVE, type -> type.equals("com.acme.Stock"));
    assertTrue(call.resolved());
    assertTrue(call.receiverMonitorHeld(), "the receiver's monitor as written");
    assertEquals(Set.of(1), call.nullArguments());
    // a call resolved to a supertype may reach the override in a subclass
    ProjectMethod override = new ProjectMethod(List.of("com.acme.ColdStock", "com.acme.Stock"), "reserve", 2);
    ProjectCall viaSupertype = onStock.asCallOf(override, type -> false);
    assertEquals(ProjectCall.Target.SUPERTYPE, viaSupertype.target());
    assertTrue(!viaSupertype.resolved() && viaSupertype.mayDispatchToMethod());
    // a call the front end could not type may run any method of the name
    ProjectCall untyped = site(null, false, false, false, null).asCallOf(override, type -> false);
    assertEquals(ProjectCall.Target.UNKNOWN, untyped.target());
    assertTrue(!untyped.mayDispatchToMethod());
    // resolved to an unrelated class, another arity or name: not a call of it
    ProjectMethod other = new ProjectMethod(List.of("com.acme.Ledger"), "reserve", 2);
    assertNull(onStock.asCallOf(other, type -> false));
    assertNull(onStock.asCallOf(new ProjectMethod(List.of("com.acme.Stock"), "reserve", 1), type -> true));
    assertNull(onStock.asCallOf(new ProjectMethod(List.of("com.acme.Stock"), "release", 2), type -> true));
  }

  @Test
  void aCallOnTheCallersOwnObjectHoldsWhatTheCallerHolds() {
    ProjectMethod ownMethod = new ProjectMethod(List.of("com.acme.Inventory", "java.lang.Object"), "reserve", 2);
    ProjectCall call = site("com.acme.Inventory", true, true, false, null).asCallOf(ownMethod, type -> true);
    assertTrue(call.receiverIsThis());
    assertTrue(call.receiverMonitorHeld(), "synchronized (this) is the receiver's monitor");
  }

  @Test
  void aSuperclassMethodCallingAHookOnItsOwnObjectRunsOnAnObjectOfTheHooksClass() {
    // Inventory's template method calls reserve(), which ColdInventory overrides
    ProjectMethod hook =
        new ProjectMethod(List.of("com.acme.ColdInventory", "com.acme.Inventory", "com.acme.Stocked", "java.lang.Object"), "reserve", 2);
    ProjectCall call = site("com.acme.Inventory", true, true, false, null).asCallOf(hook, type -> false);
    assertEquals(ProjectCall.Target.SUPERTYPE, call.target());
    assertTrue(call.receiverIsThis());
    assertTrue(call.receiverMonitorHeld(), "the template's synchronized (this) is the hook's object's monitor");
    ProjectMethod template = call.caller().onObjectOf(hook);
    assertEquals(CALLER.owner(), template.owner());
    assertEquals(
        List.of("com.acme.Inventory", "java.lang.Object", "com.acme.ColdInventory", "com.acme.Stocked"),
        template.ownerTypes());
    assertEquals(CALLER, CALLER.onObjectOf(CALLER), "its own object's class adds nothing");
  }

  @Test
  void summarizedCallsJoinTheCallsOfTheSourcesReadNow() {
    ProjectCall found = new ProjectCall(null, true, ResultUse.OTHER, "Other.java", 9);
    ProjectCalls current = method -> List.of(found);
    CallSummaries.ClassCalls summarized =
        new CallSummaries.ClassCalls(
            "com.acme.Inventory",
            "src/com/acme/Inventory.java",
            List.of(site("com.acme.Stock", false, false, false, null)),
            List.of(
                new FieldUse(
                    "com.acme.Shelf#onHand", "src/com/acme/Inventory.java", 50, true, false,
                    "the task submitted at Inventory.java:49", null, null)));
    SummarizedCalls calls = new SummarizedCalls(current, () -> List.of(summarized), String::equals);
    assertEquals(List.of("Other.java:9", "Inventory.java:42"), calls.callsOf(RESERVE).stream().map(ProjectCall::place).toList());
    assertEquals(List.of("Inventory.java:42"), calls.callsPassingNull(RESERVE, 1).stream().map(ProjectCall::place).toList());
    assertEquals(List.of(), calls.callsPassingNull(RESERVE, 0));
    FieldUse current1 = new FieldUse("com.acme.Shelf#onHand", "Other.java", 3, false, false, "the task submitted at Other.java:2", null, null);
    SummarizedCalls withUses =
        new SummarizedCalls(
            new ProjectCalls() {
              @Override
              public List<ProjectCall> callsOf(ProjectMethod method) {
                return List.of();
              }

              @Override
              public List<FieldUse> inheritedFieldUsesInTasks(String field) {
                return List.of(current1);
              }
            },
            () -> List.of(summarized),
            String::equals);
    assertEquals(
        List.of("Other.java:3", "Inventory.java:50"),
        withUses.inheritedFieldUsesInTasks("com.acme.Shelf#onHand").stream().map(FieldUse::place).toList());
    assertEquals(List.of(current1), withUses.inheritedFieldUsesInTasks("com.acme.Shelf#other"));
    // sources that cannot be listed decide nothing, whatever the summaries say
    assertNull(new SummarizedCalls(ProjectCalls.UNKNOWN, () -> List.of(summarized), String::equals).callsOf(RESERVE));
    assertNull(
        new SummarizedCalls(ProjectCalls.UNKNOWN, () -> List.of(summarized), String::equals)
            .inheritedFieldUsesInTasks("com.acme.Shelf#onHand"));
  }
}

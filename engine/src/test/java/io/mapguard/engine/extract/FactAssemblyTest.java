package io.mapguard.engine.extract;

import io.mapguard.engine.knowledge.ImmediateCallbacks;
import io.mapguard.engine.knowledge.ThreadStartApis;

import static io.mapguard.engine.extract.CallShapesTest.call;
import static io.mapguard.engine.extract.CallShapesTest.id;
import static io.mapguard.engine.extract.CallShapesTest.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The assembly of pending uses into facts, on a tree written by hand; positions are the nodes themselves. */
class FactAssemblyTest {
  private static final MapField CACHE =
      CallShapesTest.hashMapField("cache");
  private static final LockRef LOCK = LockRef.monitor("lock");

  @Test
  void pendingUsesBecomeFactsWithTheirLocksAndLoops() {
    // for (String key : cache.keySet()) { helper(key); }   and   cache.put(k, v);
    Node helperCall = call(null, "helper", id("key"));
    Node loop =
        new Node(Kind.FOR_EACH, "key", call(id("cache"), "keySet"), new Node(Kind.BLOCK, null, stmt(helperCall)));
    Node put = call(id("cache"), "put", id("k"), id("v"));
    Node method = new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, loop, stmt(put)));
    CodeUnit caller = new CodeUnit(0, CodeUnit.Kind.METHOD, "m()", false, Set.of(), null);
    CodeUnit helper = new CodeUnit(1, CodeUnit.Kind.METHOD, "helper(String)", true, Set.of(), null);
    UnitScan<Node, Node> callerScan = new UnitScan<>(caller, method);
    callerScan.accesses.add(new UnitScan.PendingAccess<>(CACHE, Effect.WRITE, "put", put, false, false));
    callerScan.edges.add(new UnitScan.PendingEdge<>(helper, helperCall));
    UnitScan<Node, Node> helperScan = new UnitScan<>(helper, null);
    ClassFacts facts = ClassFacts.empty("A", "A.java");

    new FactAssembly<>(
            new CallShapes<>(new TreePort()),
            new KnownApis(CallShapesTest.CALLEES, ImmediateCallbacks.defaults(), ThreadStartApis.defaults()),
            positions(method))
        .assemble(
            facts,
            List.of(callerScan, helperScan),
            List.of(CACHE),
            n -> n.kind == Kind.IDENTIFIER && n.text.equals("cache") ? CACHE : null,
            true);

    assertEquals(List.of(caller, helper), facts.units());
    Access access = facts.accesses().get(0);
    assertEquals(Set.of(LOCK), access.locksHeld(), "the held locks the front end gives for the caller");
    assertEquals(put.id, access.order());
    assertEquals(put.id, access.site().line());
    CallEdge edge = facts.calls().get(0);
    assertEquals(CACHE, edge.loopedMap(), "the call runs inside a loop over cache's key set");
    assertEquals(new MapCall.Loop(loop.id, "for-each", Set.of("key")), edge.loop());
    assertEquals(helperCall.id, edge.line());

    assertEquals(
        Set.of(caller),
        FactAssembly.lockSensitiveUnits(List.of(callerScan, helperScan)),
        "the caller touches cache; the helper touches nothing and calls nothing");
  }

  /** Paths found from the method; the method's unit holds LOCK everywhere, others nothing. */
  private static FactAssembly.Positions<Node, Node> positions(Node method) {
    return new FactAssembly.Positions<>(
        at -> CallShapesTest.pathTo(method, at),
        at -> new Site(at.id, 1, "A#m()", "", Set.of(), at),
        unit -> unit.body == method ? at -> Set.of(LOCK) : null,
        edge -> null);
  }
}

package io.mapguard.engine.extract;

import static io.mapguard.engine.extract.CallShapesTest.call;
import static io.mapguard.engine.extract.CallShapesTest.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Annotation;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.extract.SyntaxPort.Modifier;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.LockRef;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What holds on entry to a method, and what kind of unit it is, on trees written by hand. */
class MethodUnitsTest {
  private final TreePort port = new TreePort();
  private int nextId;
  private final MethodUnits<Node> units =
      new MethodUnits<>(new CallShapes<>(port), new LockNames<>(port), java.util.List.of(), () -> nextId++);
  private final Node owner = new Node(Kind.CLASS, "Cache");

  private static Node method(String name, Node... statements) {
    return new Node(Kind.METHOD, name, new Node(Kind.BLOCK, null, statements));
  }

  @Test
  void aSynchronizedMethodHoldsItsMonitorAndAnAnnotatedOneItsNamedLock() {
    Node put = method("put");
    port.modifiers.put(put, Set.of(Modifier.SYNCHRONIZED));
    Node evict = method("evict");
    port.annotations.put(evict, List.of(new Annotation("io.mapguard.annotations.Holding", List.of("this.lock"))));

    CodeUnit synchronizedUnit = units.unitOf(put, owner);
    assertEquals(Set.of(LockRef.monitor("this")), synchronizedUnit.entryLocks());
    assertEquals(CodeUnit.Kind.METHOD, synchronizedUnit.kind());
    assertEquals("put()", synchronizedUnit.name());
    assertEquals(Set.of(LockRef.monitor("lock")), units.unitOf(evict, owner).entryLocks());
    assertTrue(units.unitOf(evict, owner).id() > synchronizedUnit.id(), "ids are handed out in order");
  }

  @Test
  void anAssertedHoldsLockIsHeldOnEntry() {
    Node holds = call(id("Thread"), "holdsLock", id("lock"));
    Node guarded = method("drain", new Node(Kind.ASSERT, null, holds));

    // every name is a local in the test port: the lock is named as LockNames names a local
    assertEquals(Set.of(new LockNames<>(port).monitor(id("lock"))), units.unitOf(guarded, owner).entryLocks());
  }

  @Test
  void aMethodOfAPrivateClassIsPrivateUnlessItOverridesAndAConstructorIsConstruction() {
    Node helper = method("helper");
    Node overriding = method("toString");
    port.annotations.put(overriding, List.of(new Annotation("java.lang.Override", List.of())));
    port.modifiers.put(owner, Set.of(Modifier.PRIVATE));

    assertTrue(units.unitOf(helper, owner).isPrivate());
    assertFalse(units.unitOf(overriding, owner).isPrivate());
    assertEquals(CodeUnit.Kind.CONSTRUCTOR, units.unitOf(method("<init>"), owner).kind());
  }

  @Test
  void theRunMethodOfAThreadSubclassIsATaskOfItsOwn() {
    port.supertypes.put(owner, List.of("java.lang.Thread"));
    CodeUnit run = units.unitOf(method("run"), owner);

    assertEquals(CodeUnit.Kind.TASK, run.kind());
    assertTrue(run.task().description().endsWith(" Cache"));
    assertNull(units.unitOf(method("stop"), owner).task());
    assertEquals("initializer of Cache", units.initializerUnit(owner).name());
  }
}

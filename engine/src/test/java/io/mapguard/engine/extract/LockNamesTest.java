package io.mapguard.engine.extract;

import static io.mapguard.engine.extract.CallShapesTest.call;
import static io.mapguard.engine.extract.CallShapesTest.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.model.LockOperation;
import io.mapguard.engine.model.LockRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lock names and lock calls on trees written by hand: identifiers named in FIELDS are fields of the class. */
class LockNamesTest {
  private static final Map<String, String> FIELDS =
      Map.of("rw", LockApis.READ_WRITE_LOCK, "lock", LockApis.LOCK, "stamped", LockApis.STAMPED_LOCK);

  /** The hand-written port, with fields and their types. */
  private static final class TypedPort extends TreePort {
    @Override
    public boolean isSubtype(Node e, String type) {
      return type.equals(FIELDS.get(e.text));
    }

    @Override
    public String fieldName(Node e) {
      return e.kind == Kind.IDENTIFIER && FIELDS.containsKey(e.text) ? e.text : null;
    }

    @Override
    public Object localVariable(Node e) {
      return FIELDS.containsKey(skipParens(e).text) ? null : super.localVariable(e);
    }

    @Override
    public boolean returnsBoolean(Node call) {
      return call.text.startsWith("try");
    }

    @Override
    public boolean declaredTypeIsSubtype(Node declaration, String type) {
      return type.equals(LockApis.LOCK);
    }
  }

  private final LockNames<Node> locks = new LockNames<>(new TypedPort());

  @Test
  void namesThisFieldsLocalsClassLiteralsAndCalls() {
    assertEquals("this", locks.canonical(new Node(Kind.THIS, null)));
    assertEquals("lock", locks.canonical(new Node(Kind.PARENS, null, id("lock"))));
    assertEquals("local:guard", locks.canonical(id("guard")));
    assertEquals("Registry.class", locks.canonical(new Node(Kind.CLASS_LITERAL, "Registry")));
    assertEquals("lock()", locks.canonical(call(null, "lock")));
    assertEquals("rw.lock()", locks.canonical(call(id("rw"), "lock")));
    assertNull(locks.canonical(call(id("guard"), "lock")), "a getter on a local may return any object");
    assertNull(locks.canonical(new Node(Kind.OTHER_EXPRESSION, "new Object()")));
  }

  @Test
  void aLockChosenPerUseIsStripedAndNamedAsWritten() {
    LockRef perKey = locks.monitor(call(null, "lockFor", id("key")));
    LockRef local = locks.monitor(id("guard"));
    LockRef getter = locks.monitor(call(null, "getLock"));

    assertEquals("lockFor", perKey.expression(), "the call's text as the port gives it");
    assertTrue(perKey.isStriped());
    assertEquals("guard", local.expression());
    assertTrue(local.isStriped());
    assertFalse(local.sameLock(locks.monitor(id("guard"))), "two uses of a striped lock may differ");
    assertFalse(getter.isStriped());
    assertTrue(getter.sameLock(locks.monitor(call(null, "getLock"))));
  }

  @Test
  void aReadLockViewIsItsOwnerInReadMode() {
    assertEquals(
        new LockRef("rw", LockRef.Mode.READ, LockRef.Kind.READ_WRITE_LOCK),
        locks.lockObject(call(id("rw"), "readLock")));
    assertEquals(new LockRef("lock", LockRef.Mode.EXCLUSIVE, LockRef.Kind.LOCK), locks.lockObject(id("lock")));
  }

  @Test
  void lockCallsTakeOrReleaseTheirLock() {
    LockRef lock = new LockRef("lock", LockRef.Mode.EXCLUSIVE, LockRef.Kind.LOCK);
    assertEquals(new LockOperation(LockOperation.Kind.ACQUIRE, lock), locks.operation(call(id("lock"), "lock")));
    assertEquals(new LockOperation(LockOperation.Kind.TRY_ACQUIRE, lock), locks.operation(call(id("lock"), "tryLock")));
    assertEquals(new LockOperation(LockOperation.Kind.RELEASE, lock), locks.operation(call(id("lock"), "unlock")));
    assertEquals(
        new LockOperation(
            LockOperation.Kind.ACQUIRE, new LockRef("stamped", LockRef.Mode.WRITE, LockRef.Kind.STAMPED_LOCK)),
        locks.operation(call(id("stamped"), "writeLock")));
    assertNull(locks.operation(call(id("guard"), "lock")), "a local of no known lock type");
  }

  @Test
  void aLockVariableInitialisedFromAViewAliasesIt() {
    Node declaration = new Node(Kind.OTHER_STATEMENT, "local:reader", call(id("rw"), "readLock"));
    assertEquals("local:reader", locks.canonical(id("reader")));
    locks.recordAlias(declaration);

    assertEquals(new LockRef("rw", LockRef.Mode.READ, LockRef.Kind.READ_WRITE_LOCK), locks.lockObject(id("reader")));
    assertEquals("rw", locks.canonical(id("reader")));
  }
}

package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.model.LockOperation;
import io.mapguard.engine.model.LockRef;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Canonical names for locks (the spelling the engine uses for {@code @GuardedBy}: {@code this},
 * {@code Outer.this}, {@code Foo.class}, {@code lock}, {@code State.lock}), which calls take or
 * release a lock, and the variables that alias a lock's mode ({@code Lock r = rw.readLock();}).
 * Written once for every front end, against the {@link SyntaxPort}; one instance per class.
 */
public final class LockNames<N> {
  private final SyntaxPort<N> port;
  /** Variables holding {@code rw.readLock()} and the like, resolved to their lock. */
  private final Map<Object, LockRef> aliases = new IdentityHashMap<>();

  public LockNames(SyntaxPort<N> port) {
    this.port = port;
  }

  /**
   * Records {@code Lock r = rw.readLock();} (a {@code Lock}-typed variable initialised from a lock)
   * so that {@code r.lock()} means rw in read mode.
   */
  public void recordAlias(N declaration) {
    N initializer = port.initializer(declaration);
    if (initializer == null || !port.declaredTypeIsSubtype(declaration, LockApis.LOCK)) {
      return;
    }
    N init = port.skipParens(initializer);
    Kind kind = port.kind(init);
    if (kind == Kind.METHOD_CALL || kind == Kind.IDENTIFIER || kind == Kind.FIELD_ACCESS) {
      LockRef lock = lockObject(init);
      if (lock != null && !lock.expression().startsWith("local:")) {
        aliases.put(port.declaredVariable(declaration), lock);
      }
    }
  }

  /** The lock taken by {@code synchronized (expression)}, or null when it has no name. */
  public LockRef monitor(N expression) {
    String name = canonical(expression);
    return name == null ? null : LockRef.monitor(name);
  }

  /** What the call does to a lock, or null when it is not a lock call. */
  public LockOperation operation(N call) {
    String name = port.name(call);
    N receiver = port.receiver(call);
    if (!LockApis.ALL_METHOD_NAMES.contains(name) || receiver == null) {
      return null;
    }
    if (port.isSubtype(receiver, LockApis.STAMPED_LOCK)) {
      String lock = canonical(receiver);
      return lock == null ? null : LockApis.stampedLockOperation(name, lock);
    }
    for (LockApis.ExclusiveLock api : LockApis.EXCLUSIVE_LOCKS) {
      if (!port.isSubtype(receiver, api.owner())) {
        continue;
      }
      LockRef lock = lockObject(receiver);
      if (lock == null) {
        return null;
      }
      if (api.acquire().contains(name)) {
        return new LockOperation(
            port.returnsBoolean(call) ? LockOperation.Kind.TRY_ACQUIRE : LockOperation.Kind.ACQUIRE, lock);
      }
      return api.release().contains(name) ? new LockOperation(LockOperation.Kind.RELEASE, lock) : null;
    }
    return null;
  }

  /** A {@code Lock}-typed expression as a lock: {@code lock}, {@code rw.readLock()}, {@code sl.asWriteLock()}. */
  public LockRef lockObject(N expression) {
    N e = port.skipParens(expression);
    LockRef alias = aliasOf(e);
    if (alias != null) {
      return alias;
    }
    if (port.kind(e) == Kind.METHOD_CALL && port.receiver(e) != null) {
      N owner = port.receiver(e);
      String ownerName = canonical(owner);
      for (LockApis.LockView view : LockApis.LOCK_VIEWS) {
        if (ownerName != null && view.method().equals(port.name(e)) && port.isSubtype(owner, view.owner())) {
          return new LockRef(ownerName, view.mode(), view.kind());
        }
      }
    }
    String name = canonical(e);
    if (name == null) {
      return null;
    }
    for (LockApis.ModeLockClass modeLock : LockApis.MODE_LOCK_CLASSES) {
      if (port.isSubtype(e, modeLock.type())) {
        return new LockRef(name, modeLock.mode(), LockRef.Kind.READ_WRITE_LOCK);
      }
    }
    return new LockRef(name, LockRef.Mode.EXCLUSIVE, LockRef.Kind.LOCK);
  }

  /**
   * {@code this}, {@code Outer.this}, {@code Foo.class}, a field ({@code lock}, {@code State.lock}
   * for a nested class's field), {@code local:name} for a local that aliases nothing known,
   * {@code call:m()} for a call; null for anything else.
   */
  public String canonical(N expression) {
    N e = port.skipParensAndCasts(expression);
    switch (port.kind(e)) {
      case THIS:
      case QUALIFIED_THIS:
        return port.thisName(e);
      case CLASS_LITERAL:
        return port.classLiteralName(e) + ".class";
      case METHOD_CALL:
        return "call:" + port.name(e) + "()";
      case IDENTIFIER:
      case FIELD_ACCESS:
        LockRef alias = aliasOf(e);
        if (alias != null) {
          return alias.expression();
        }
        String field = port.fieldName(e);
        if (field != null) {
          return field;
        }
        return port.localVariable(e) != null ? "local:" + port.name(e) : null;
      default:
        return null;
    }
  }

  private LockRef aliasOf(N expression) {
    Kind kind = port.kind(expression);
    Object variable =
        kind == Kind.IDENTIFIER || kind == Kind.FIELD_ACCESS ? port.variable(expression) : null;
    return variable == null ? null : aliases.get(variable);
  }
}

package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.model.LockOperation;
import io.mapguard.engine.model.LockRef;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical names for locks (the spelling the engine uses for {@code @GuardedBy}: {@code this},
 * {@code Outer.this}, {@code Foo.class}, {@code lock}, {@code State.lock}), which calls take or
 * release a lock, and the variables that alias a lock's mode ({@code Lock r = rw.readLock();}).
 * Written once for every front end, against the {@link SyntaxPort}; one instance per class.
 */
public final class LockNames<N> {
  /** The prefix of {@link #canonical} for a local that aliases nothing known. */
  private static final String LOCAL = "local:";

  private final SyntaxPort<N> port;
  /** Variables holding {@code rw.readLock()} and the like, resolved to their lock. */
  private final Map<Object, LockRef> aliases = new IdentityHashMap<>();
  /**
   * Aliases given another lock later in their method, by where ({@code lock = rw.writeLock();}, the
   * upgrade of a read lock): a use means the lock of the last assignment before it in the source.
   */
  private final Map<Object, List<Reassignment>> reassigned = new IdentityHashMap<>();

  /** {@code lock = value} at {@code order}; {@code lock} null when the value is no known lock. */
  private record Reassignment(int order, LockRef lock) {}

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
      if (lock != null && !lock.isStriped()) {
        aliases.put(port.declaredVariable(declaration), lock);
      }
    }
  }

  /**
   * Records {@code lock = rw.writeLock();} for a variable {@link #recordAlias} knows, so that the
   * uses after it mean the new lock (see {@link #reassigned}); the declaration must be recorded
   * first, as a walk in source order does.
   */
  public void recordReassignment(N assignment) {
    Object variable = port.variable(port.assignTarget(assignment));
    if (variable == null || !aliases.containsKey(variable)) {
      return;
    }
    LockRef lock = lockObject(port.assignedValue(assignment));
    reassigned
        .computeIfAbsent(variable, v -> new ArrayList<>())
        .add(new Reassignment(port.order(assignment), lock == null || lock.isStriped() ? null : lock));
  }

  /**
   * The lock taken by {@code synchronized (expression)}, or null when it has no name: a striped one
   * ({@link LockRef#stripedMonitor}) for a call with arguments or an array element.
   */
  public LockRef monitor(N expression) {
    N e = port.skipParensAndCasts(expression);
    Kind kind = port.kind(e);
    if (kind == Kind.ARRAY_ACCESS || kind == Kind.METHOD_CALL && !port.arguments(e).isEmpty()) {
      return LockRef.stripedMonitor(port.text(e));
    }
    String name = canonical(expression);
    return name == null ? null : named(LockRef.monitor(name));
  }

  /**
   * A lock named by a local that aliases no field ({@code local:name}): a lock chosen per use, as
   * the local may hold another object at each call ({@code Object lock = locks.computeIfAbsent(key,
   * …)}), named by the local as written.
   */
  private static LockRef named(LockRef lock) {
    String name = lock.expression();
    return name.startsWith(LOCAL)
        ? new LockRef(name.substring(LOCAL.length()), lock.mode(), lock.kind()).chosen(LockRef.Choice.PER_CALL)
        : lock;
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
      // a local StampedLock keeps its name: its stamps tie each unlock to its lock
      return lock == null
          ? null
          : LockApis.stampedLockOperation(name, lock.startsWith(LOCAL) ? lock.substring(LOCAL.length()) : lock);
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
          return named(new LockRef(ownerName, view.mode(), view.kind()));
        }
      }
    }
    String name = canonical(e);
    if (name == null) {
      return null;
    }
    for (LockApis.ModeLockClass modeLock : LockApis.MODE_LOCK_CLASSES) {
      if (port.isSubtype(e, modeLock.type())) {
        return named(new LockRef(name, modeLock.mode(), LockRef.Kind.READ_WRITE_LOCK));
      }
    }
    return named(new LockRef(name, LockRef.Mode.EXCLUSIVE, LockRef.Kind.LOCK));
  }

  /**
   * {@code this}, {@code Outer.this}, {@code Foo.class}, a field ({@code lock}, {@code State.lock}
   * for a nested class's field), {@code local:name} for a local that aliases nothing known,
   * {@code m()} or {@code state.m()} for a call without arguments on this object or on a named
   * one; null for anything else (a call with arguments may return another lock each time).
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
        return calledLock(e);
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
        return port.localVariable(e) != null ? LOCAL + port.name(e) : null;
      default:
        return null;
    }
  }

  /** {@code getLock()}, {@code this.getLock()} or {@code state.getLock()}: the call as a lock name. */
  private String calledLock(N call) {
    if (!port.arguments(call).isEmpty()) {
      return null;
    }
    N receiver = port.receiver(call);
    if (receiver == null || port.kind(port.skipParens(receiver)) == Kind.THIS) {
      return port.name(call) + "()";
    }
    String owner = canonical(receiver);
    return owner == null || owner.startsWith(LOCAL) ? null : owner + "." + port.name(call) + "()";
  }

  private LockRef aliasOf(N expression) {
    Kind kind = port.kind(expression);
    Object variable =
        kind == Kind.IDENTIFIER || kind == Kind.FIELD_ACCESS ? port.variable(expression) : null;
    if (variable == null) {
      return null;
    }
    LockRef lock = aliases.get(variable);
    List<Reassignment> later = reassigned.get(variable);
    if (later != null) {
      int at = port.order(expression);
      int latest = Integer.MIN_VALUE;
      for (Reassignment reassignment : later) {
        if (reassignment.order() < at && reassignment.order() > latest) {
          latest = reassignment.order();
          lock = reassignment.lock();
        }
      }
    }
    return lock;
  }
}

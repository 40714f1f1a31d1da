package io.mapguard.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.TreeInfo;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.model.LockOperation;
import io.mapguard.engine.model.LockRef;
import java.util.HashMap;
import java.util.Map;

/**
 * Canonical names for locks and fields (the same spelling the engine uses for {@code @GuardedBy}),
 * and which calls take or release a lock.
 */
final class LockExpressions {
  private static final String READ_WRITE_LOCK = "java.util.concurrent.locks.ReadWriteLock";
  private static final String STAMPED_LOCK = "java.util.concurrent.locks.StampedLock";
  private static final String READ_LOCK_CLASS =
      "java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock";
  private static final String WRITE_LOCK_CLASS =
      "java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock";

  private final JavacTypes types;
  private final ClassSymbol topLevel;
  /** Fields and locals holding {@code rw.readLock()} and the like, resolved to their lock. */
  private final Map<Symbol, LockRef> aliases = new HashMap<>();

  LockExpressions(JavacTypes types, ClassSymbol topLevel) {
    this.types = types;
    this.topLevel = topLevel;
  }

  /** Records {@code Lock r = rw.readLock();} so that {@code r.lock()} means rw in read mode. */
  void recordAlias(VarSymbol variable, JCExpression initializer) {
    if (initializer == null) {
      return;
    }
    JCExpression init = TreeInfo.skipParens(initializer);
    if (init instanceof JCMethodInvocation || init instanceof JCIdent || init instanceof JCFieldAccess) {
      LockRef lock = lockObject(init);
      if (lock != null && !lock.expression().startsWith("local:")) {
        aliases.put(variable, lock);
      }
    }
  }

  /** The lock taken by {@code synchronized (expression)}. */
  LockRef monitor(com.sun.source.tree.Tree expression) {
    String name = canonical((JCExpression) expression);
    return name == null ? null : LockRef.monitor(name);
  }

  /** What the call does to a lock, or null when it is not a lock call. */
  LockOperation operation(MethodInvocationTree call) {
    JCMethodInvocation invocation = (JCMethodInvocation) call;
    Symbol symbol = TreeInfo.symbol(invocation.meth);
    if (!(symbol instanceof MethodSymbol) || !(invocation.meth instanceof JCFieldAccess)) {
      return null;
    }
    String name = symbol.getSimpleName().toString();
    JCExpression receiver = ((JCFieldAccess) invocation.meth).selected;
    Type receiverType = receiver.type;
    if (receiverType == null) {
      return null;
    }
    if (types.isSubtype(receiverType, STAMPED_LOCK)) {
      String lock = canonical(receiver);
      if (lock == null) {
        return null;
      }
      return LockApis.stampedLockOperation(name, lock);
    }
    for (LockApis.ExclusiveLock api : LockApis.EXCLUSIVE_LOCKS) {
      if (!types.isSubtype(receiverType, api.owner())) {
        continue;
      }
      LockRef lock = lockObject(receiver);
      if (lock == null) {
        return null;
      }
      if (api.acquire().contains(name)) {
        boolean conditional = ((MethodSymbol) symbol).getReturnType().getTag() == TypeTag.BOOLEAN;
        return new LockOperation(
            conditional ? LockOperation.Kind.TRY_ACQUIRE : LockOperation.Kind.ACQUIRE, lock);
      }
      return api.release().contains(name) ? new LockOperation(LockOperation.Kind.RELEASE, lock) : null;
    }
    return null;
  }

  /** A {@code Lock}-typed expression as a lock: {@code lock}, {@code rw.readLock()}, {@code sl.asWriteLock()}. */
  LockRef lockObject(JCExpression expression) {
    JCExpression e = TreeInfo.skipParens(expression);
    Symbol symbol = TreeInfo.symbol(e);
    if (symbol != null && aliases.containsKey(symbol)) {
      return aliases.get(symbol);
    }
    if (e instanceof JCMethodInvocation) {
      JCMethodInvocation call = (JCMethodInvocation) e;
      if (call.meth instanceof JCFieldAccess) {
        JCExpression owner = ((JCFieldAccess) call.meth).selected;
        String method = ((JCFieldAccess) call.meth).name.toString();
        String ownerName = canonical(owner);
        if (ownerName != null && owner.type != null) {
          boolean stamped = types.isSubtype(owner.type, STAMPED_LOCK);
          boolean readWrite = types.isSubtype(owner.type, READ_WRITE_LOCK);
          LockRef.Kind kind = stamped ? LockRef.Kind.STAMPED_LOCK : LockRef.Kind.READ_WRITE_LOCK;
          if ((readWrite && method.equals("readLock")) || (stamped && method.equals("asReadLock"))) {
            return new LockRef(ownerName, LockRef.Mode.READ, kind);
          }
          if ((readWrite && method.equals("writeLock")) || (stamped && method.equals("asWriteLock"))) {
            return new LockRef(ownerName, LockRef.Mode.WRITE, kind);
          }
        }
      }
    }
    String name = canonical(e);
    if (name == null) {
      return null;
    }
    if (e.type != null && types.isSubtype(e.type, READ_LOCK_CLASS)) {
      return new LockRef(name, LockRef.Mode.READ, LockRef.Kind.READ_WRITE_LOCK);
    }
    if (e.type != null && types.isSubtype(e.type, WRITE_LOCK_CLASS)) {
      return new LockRef(name, LockRef.Mode.WRITE, LockRef.Kind.READ_WRITE_LOCK);
    }
    return new LockRef(name, LockRef.Mode.EXCLUSIVE, LockRef.Kind.LOCK);
  }

  /**
   * {@code this}, {@code Outer.this}, {@code Foo.class}, a field ({@code lock}, {@code State.lock} for a
   * nested class's field), or {@code local:name} for a local that aliases nothing known.
   */
  String canonical(JCExpression expression) {
    JCExpression e = CallSyntax.skipParensAndCasts(expression);
    if (e instanceof JCIdent && ((JCIdent) e).name.contentEquals("this")) {
      return thisOf(e.type == null ? null : e.type.tsym);
    }
    if (e instanceof JCFieldAccess) {
      JCFieldAccess access = (JCFieldAccess) e;
      if (access.name.contentEquals("this")) {
        return thisOf(access.selected.type == null ? null : access.selected.type.tsym);
      }
      if (access.name.contentEquals("class")) {
        return simpleName(TreeInfo.symbol(access.selected)) + ".class";
      }
    }
    Symbol symbol = TreeInfo.symbol(e);
    if (symbol instanceof VarSymbol) {
      if (aliases.containsKey(symbol)) {
        return aliases.get(symbol).expression();
      }
      if (symbol.owner instanceof ClassSymbol) {
        return fieldName((VarSymbol) symbol);
      }
      return "local:" + symbol.getSimpleName();
    }
    if (e instanceof JCMethodInvocation && symbol != null) {
      return "call:" + symbol.getSimpleName() + "()";
    }
    return null;
  }

  String thisOf(Symbol type) {
    if (type == null || type == topLevel) {
      return "this";
    }
    return simpleName(type) + ".this";
  }

  /** The engine's name for a field: {@code cache}, or {@code State.index} outside the top-level class. */
  String fieldName(VarSymbol field) {
    if (field.owner == topLevel) {
      return field.getSimpleName().toString();
    }
    return simpleName(field.owner) + "." + field.getSimpleName();
  }

  private static String simpleName(Symbol symbol) {
    if (symbol == null) {
      return "?";
    }
    String name = symbol.getSimpleName().toString();
    if (name.isEmpty()) {
      return "anonymous@" + Integer.toHexString(System.identityHashCode(symbol));
    }
    return name;
  }
}

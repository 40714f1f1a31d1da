package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.model.LockOperation;
import io.mapguard.engine.model.LockRef;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Canonical lock names, spelled exactly as the javac front end spells them ({@code this},
 * {@code Outer.this}, {@code Foo.class}, {@code lock}, {@code State.lock}), and which calls take or
 * release a lock.
 */
final class LintLocks {
  private static final String READ_WRITE_LOCK = "java.util.concurrent.locks.ReadWriteLock";
  private static final String STAMPED_LOCK = "java.util.concurrent.locks.StampedLock";
  private static final String READ_LOCK_CLASS = "java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock";
  private static final String WRITE_LOCK_CLASS = "java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock";
  private static final String LOCK = "java.util.concurrent.locks.Lock";

  private final LintSymbols symbols;
  private final TypeDeclaration<?> topLevel;
  /** Variables holding {@code rw.readLock()} and the like, resolved to their lock. */
  private final Map<Node, LockRef> aliases = new IdentityHashMap<>();

  LintLocks(LintSymbols symbols, TypeDeclaration<?> topLevel) {
    this.symbols = symbols;
    this.topLevel = topLevel;
  }

  /** Records {@code Lock r = rw.readLock();} so that {@code r.lock()} means rw in read mode. */
  void recordAlias(VariableDeclarator variable) {
    if (variable.getInitializer().isEmpty()) {
      return;
    }
    Expression init = LintSymbols.skipParens(variable.getInitializer().get());
    if (!(init instanceof MethodCallExpr || init instanceof NameExpr || init instanceof FieldAccessExpr)) {
      return;
    }
    String type = symbols.types().resolve(variable.getType());
    if (!symbols.types().isSubtypeWithoutSolver(type, LOCK)) {
      return;
    }
    LockRef lock = lockObject(init);
    if (lock != null && !lock.expression().startsWith("local:")) {
      aliases.put(variable, lock);
    }
  }

  /** The lock taken by {@code synchronized (expression)}. */
  LockRef monitor(Expression expression) {
    String name = canonical(expression);
    return name == null ? null : LockRef.monitor(name);
  }

  /** What the call does to a lock, or null when it is not a lock call. */
  LockOperation operation(MethodCallExpr call) {
    String name = call.getNameAsString();
    if (!LockApis.ALL_METHOD_NAMES.contains(name) || call.getScope().isEmpty()) {
      return null;
    }
    Expression receiver = call.getScope().get();
    String receiverType = symbols.typeOf(receiver);
    if (receiverType == null) {
      return null;
    }
    LintTypes types = symbols.types();
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
        return new LockOperation(
            returnsBoolean(receiverType, call) ? LockOperation.Kind.TRY_ACQUIRE : LockOperation.Kind.ACQUIRE,
            lock);
      }
      return api.release().contains(name) ? new LockOperation(LockOperation.Kind.RELEASE, lock) : null;
    }
    return null;
  }

  /**
   * Whether an acquire method reports success. Known by reflection for JDK locks; for others (Guava's
   * Monitor without its jar) the API convention decides: {@code try*}, {@code *If*} and timed
   * variants return boolean.
   */
  private boolean returnsBoolean(String receiverType, MethodCallExpr call) {
    String name = call.getNameAsString();
    int arity = call.getArguments().size();
    for (String type : symbols.types().typeAndSupertypes(receiverType)) {
      String returned = LintTypes.jdkReturnType(type, name, arity);
      if (returned != null) {
        return returned.equals("boolean");
      }
    }
    return name.startsWith("try") || name.contains("If") || arity >= 2;
  }


  /** A Lock-typed expression as a lock: {@code lock}, {@code rw.readLock()}, {@code sl.asWriteLock()}. */
  LockRef lockObject(Expression expression) {
    Expression e = LintSymbols.skipParens(expression);
    LintSymbols.Variable variable = symbols.variableOf(e);
    if (variable != null && aliases.containsKey(variable.declaration())) {
      return aliases.get(variable.declaration());
    }
    if (e instanceof MethodCallExpr && ((MethodCallExpr) e).getScope().isPresent()) {
      MethodCallExpr call = (MethodCallExpr) e;
      Expression owner = call.getScope().get();
      String method = call.getNameAsString();
      String ownerName = canonical(owner);
      String ownerType = symbols.typeOf(owner);
      if (ownerName != null && ownerType != null) {
        boolean stamped = symbols.types().isSubtype(ownerType, STAMPED_LOCK);
        boolean readWrite = symbols.types().isSubtype(ownerType, READ_WRITE_LOCK);
        LockRef.Kind kind = stamped ? LockRef.Kind.STAMPED_LOCK : LockRef.Kind.READ_WRITE_LOCK;
        if (readWrite && method.equals("readLock") || stamped && method.equals("asReadLock")) {
          return new LockRef(ownerName, LockRef.Mode.READ, kind);
        }
        if (readWrite && method.equals("writeLock") || stamped && method.equals("asWriteLock")) {
          return new LockRef(ownerName, LockRef.Mode.WRITE, kind);
        }
      }
    }
    String name = canonical(e);
    if (name == null) {
      return null;
    }
    String type = symbols.typeOf(e);
    if (symbols.types().isSubtype(type, READ_LOCK_CLASS)) {
      return new LockRef(name, LockRef.Mode.READ, LockRef.Kind.READ_WRITE_LOCK);
    }
    if (symbols.types().isSubtype(type, WRITE_LOCK_CLASS)) {
      return new LockRef(name, LockRef.Mode.WRITE, LockRef.Kind.READ_WRITE_LOCK);
    }
    return new LockRef(name, LockRef.Mode.EXCLUSIVE, LockRef.Kind.LOCK);
  }

  /**
   * {@code this}, {@code Outer.this}, {@code Foo.class}, a field ({@code lock}, {@code State.lock}),
   * {@code local:name} for a local that aliases nothing known, {@code call:m()} for a call.
   */
  String canonical(Expression expression) {
    Expression e = LintSymbols.skipParensAndCasts(expression);
    if (e instanceof ThisExpr) {
      ThisExpr self = (ThisExpr) e;
      if (self.getTypeName().isPresent()) {
        String qualified = symbols.types().resolveName(self.getTypeName().get().asString(), e);
        return thisOf(symbols.types().declaration(qualified), self.getTypeName().get().getIdentifier());
      }
      return thisOfEnclosing(e);
    }
    if (e instanceof ClassExpr) {
      String written = ((ClassExpr) e).getType().asString();
      return written.substring(written.lastIndexOf('.') + 1) + ".class";
    }
    LintSymbols.Variable variable = symbols.variableOf(e);
    if (variable != null) {
      if (aliases.containsKey(variable.declaration())) {
        return aliases.get(variable.declaration()).expression();
      }
      if (variable.isField()) {
        return fieldName(variable);
      }
      return "local:" + variable.name();
    }
    if (e instanceof MethodCallExpr) {
      return "call:" + ((MethodCallExpr) e).getNameAsString() + "()";
    }
    return null;
  }

  /** {@code this} inside the innermost class body around {@code node}, anonymous ones included. */
  private String thisOfEnclosing(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration) {
        return thisOf((TypeDeclaration<?>) n, ((TypeDeclaration<?>) n).getNameAsString());
      }
      if (n instanceof ObjectCreationExpr && ((ObjectCreationExpr) n).getAnonymousClassBody().isPresent()) {
        return "anonymous@" + Integer.toHexString(System.identityHashCode(n)) + ".this";
      }
    }
    return "this";
  }

  String thisOf(TypeDeclaration<?> type, String simpleName) {
    return type == topLevel ? "this" : simpleName + ".this";
  }

  /** The engine's name for a field: {@code cache}, or {@code State.index} outside the top-level class. */
  String fieldName(LintSymbols.Variable field) {
    if (field.owner() == topLevel || field.owner() == null) {
      return field.name();
    }
    return field.owner().getNameAsString() + "." + field.name();
  }
}

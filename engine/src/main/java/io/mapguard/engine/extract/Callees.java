package io.mapguard.engine.extract;

/**
 * What a front end knows of the method or constructor a call reaches, asked through the handle its
 * {@link SyntaxPort#callee} gave (a javac method symbol, mapvet's owner-and-name record). One
 * instance serves a whole compilation or scan, so answers about a callee can be kept across classes.
 */
public interface Callees {
  /**
   * The qualified name of the class declaring the callee; null when the front end cannot tell (mapvet
   * when the receiver's type is neither in the scanned sources nor in its JDK tables).
   */
  String owner(Object callee);

  /** Whether {@link #owner} is known: asked on every call, so it spells no name. */
  boolean ownerKnown(Object callee);

  /** The callee's simple name, {@code <init>} for a constructor. */
  String name(Object callee);

  /**
   * Whether the callee's declaring class is known and is {@code type} (a qualified name) or a
   * subtype of it.
   */
  boolean ownerIsSubtype(Object callee, String type);

  /**
   * The qualified name of the class declaring the callee when it is an instance method declared
   * {@code synchronized} (the call holds its receiver's monitor while it runs: a map subclass's own
   * {@code synchronized put(…)}); null otherwise, or when the front end cannot tell.
   */
  String synchronizedMethodOwner(Object callee);
}

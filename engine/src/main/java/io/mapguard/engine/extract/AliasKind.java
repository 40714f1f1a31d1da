package io.mapguard.engine.extract;

/** What a local variable stands for when it holds something of a map field ({@link Alias}). */
public enum AliasKind {
  MAP,
  VIEW,
  ENTRY,
  /** An iterator over a view: its {@code remove()} removes from the map. */
  ITERATOR
}

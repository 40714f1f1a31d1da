package io.mapguard.engine.model;

/** What an access does to a map field. */
public enum Effect {
  /** Reads the contents: get, containsKey, size, a view's contains... */
  READ,
  /** Changes the contents: put, remove, clear, compute*, a view's remove, Entry.setValue... */
  WRITE,
  /** Traverses the contents: a loop over a view, forEach, stream, toString, copying it. */
  ITERATE,
  /** Reads only the field's reference ({@code f == null}, {@code Map m = f}). */
  REFERENCE_READ,
  /** Replaces the field's reference ({@code f = new HashMap<>()}). */
  ASSIGN;

  public boolean readsContents() {
    return this == READ || this == ITERATE;
  }

  public boolean touchesContents() {
    return this == READ || this == WRITE || this == ITERATE;
  }

  public String verb() {
    switch (this) {
      case WRITE:
        return "written";
      case ITERATE:
        return "iterated";
      case ASSIGN:
        return "assigned";
      default:
        return "read";
    }
  }
}

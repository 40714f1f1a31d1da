package io.mapguard.engine.model;

import java.util.Set;

/**
 * The map object of a field leaving the class's control.
 *
 * @param detail the method returned from or called, e.g. {@code getCache()} or {@code listener.onUpdate}
 */
public record Escape(
    MapField field, Kind kind, String detail, Site site, CodeUnit unit, Set<LockRef> locksHeld) {
  public enum Kind {
    RETURNED,
    VIEW_RETURNED,
    PASSED,
    STORED
  }
}

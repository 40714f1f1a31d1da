package io.mapguard.engine.model;

import java.util.Set;

/**
 * The map object of a field leaving the class's control.
 *
 * @param detail the method returned from or called, e.g. {@code getCache()} or {@code listener.onUpdate}
 * @param view for {@link Kind#VIEW_RETURNED}, what is handed out, as written after the map: {@code
 *     keySet()}, {@code entrySet().iterator()}; null when not known (a local holding the view)
 */
public record Escape(
    MapField field, Kind kind, String detail, Site site, CodeUnit unit, Set<LockRef> locksHeld, String view) {

  public Escape(MapField field, Kind kind, String detail, Site site, CodeUnit unit, Set<LockRef> locksHeld) {
    this(field, kind, detail, site, unit, locksHeld, null);
  }

  public enum Kind {
    RETURNED,
    VIEW_RETURNED,
    PASSED,
    STORED
  }
}

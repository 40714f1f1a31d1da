package io.mapguard.engine.model;

import io.mapguard.engine.project.ProjectMethod;
import java.util.Set;

/**
 * The map object of a field leaving the class's control.
 *
 * @param detail the method returned from or called, e.g. {@code getCache()} or {@code listener.onUpdate}
 * @param returnedBy for a map returned from a method whose calls are all in the project (see {@link
 *     io.mapguard.engine.extract.ProjectCallShapes#open}): that method, whose callers decide whether
 *     the map leaves its lock; else null
 */
public record Escape(
    MapField field,
    Kind kind,
    String detail,
    Site site,
    CodeUnit unit,
    Set<LockRef> locksHeld,
    ProjectMethod returnedBy) {
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

package io.mapguard.engine.analysis;

import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.MapField;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the analyses concluded about one field.
 *
 * @param afterConstruction every access after construction (all effects)
 * @param raceRelevant content accesses after construction that count for races: without the writes
 *     that fill a freshly published map (reported as publication) or that precede the start of the
 *     only threads that read it (a safe hand-off)
 * @param sharing why the field is shared between threads, or empty
 * @param guard its declared or inferred guard, or empty
 * @param fills writes that fill a map right after it was assigned to the field
 */
public record FieldState(
    MapField field,
    MapKind kind,
    List<ResolvedAccess> afterConstruction,
    List<ResolvedAccess> raceRelevant,
    Optional<Sharing> sharing,
    Optional<Guard> guard,
    Set<Access> fills) {

  /**
   * The field's alone: rules key their tables by state, one per field, and the record's own hash
   * went through every access of the field. Equal states have equal fields, so this agrees with
   * {@code equals}.
   */
  @Override
  public int hashCode() {
    return Objects.hashCode(field);
  }

  public boolean shared() {
    return sharing.isPresent();
  }
}

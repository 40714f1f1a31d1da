package io.mapguard.engine.report;

import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.project.ProjectCondition;
import java.util.List;

/**
 * One reported problem.
 *
 * @param field the field it is about (its declaration anchors field fixes), or null for a finding
 *     about a map created in place ({@code new HashMap<>(n)})
 * @param fingerprint stable across unrelated edits: no line numbers in it
 * @param evidence the places the message cites (same file), in the order it cites them
 * @param condition what must hold in other classes for the finding to stand, decided by {@link
 *     io.mapguard.engine.Analyzer#decide} once the front end sees the whole project; null when the
 *     class alone decides
 */
public record Finding(
    Rule rule,
    String file,
    Site site,
    String message,
    MapField field,
    List<FixHint> fixes,
    String fingerprint,
    List<Evidence> evidence,
    ProjectCondition condition) {
  public Finding(
      Rule rule,
      String file,
      Site site,
      String message,
      MapField field,
      List<FixHint> fixes,
      String fingerprint,
      List<Evidence> evidence) {
    this(rule, file, site, message, field, fixes, fingerprint, evidence, null);
  }

  /** The finding once its condition is decided: it stands, and its message says why. */
  public Finding standing(String reason) {
    return new Finding(
        rule, file, site, reason.isEmpty() ? message : message + " " + reason, field, fixes, fingerprint,
        evidence, null);
  }
}

package io.mapguard.engine.report;

import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.project.PendingFinding;
import io.mapguard.engine.project.ProjectCondition;
import java.util.List;

/**
 * One reported problem.
 *
 * @param field the field it is about (its declaration anchors field fixes), or null for a finding
 *     about a map created in place ({@code new HashMap<>(n)})
 * @param identity what its {@link #fingerprint} is made of
 * @param evidence the places the message cites (same file), in the order it cites them
 * @param condition what must hold in other classes for the finding to stand, decided by {@link
 *     io.mapguard.engine.Analyzer#decide} once the front end sees the whole project; null when the
 *     class alone decides
 * @param places for a race reported once, every access of it as a finding of its own (this one's
 *     place first), each with the fixes that place offers; empty for a finding of one place
 */
public record Finding(
    Rule rule,
    String file,
    Site site,
    String message,
    MapField field,
    List<FixHint> fixes,
    Fingerprint identity,
    List<Evidence> evidence,
    ProjectCondition condition,
    List<Finding> places) {

  /** Stable across unrelated edits: no line numbers in it ({@link Fingerprint}). */
  public String fingerprint() {
    return identity.value();
  }

  /** The finding as a summary keeps it while its condition is undecided (it has one). */
  public PendingFinding pending() {
    return new PendingFinding(
        rule.ruleName(), file, site.line(), site.column(), fingerprint(), message, condition);
  }

  /** The finding once its condition is decided: it stands, and its message says why. */
  public Finding standing(String reason) {
    return new Finding(rule, file, site, withReason(message, reason), field, fixes, identity, evidence, null, places);
  }

  /** What a race reported once adds to its message before naming its other accesses. */
  public static final String ALSO_UNGUARDED = " Also unguarded: ";

  /**
   * {@code message} with the reason its condition stood for: after the finding's own words, before
   * the other accesses of a race reported once ({@link #ALSO_UNGUARDED}), which come last.
   */
  public static String withReason(String message, String reason) {
    if (reason.isEmpty()) {
      return message;
    }
    int others = message.lastIndexOf(ALSO_UNGUARDED);
    return others < 0
        ? message + " " + reason
        : message.substring(0, others) + " " + reason + message.substring(others);
  }

  /**
   * The places where {@code fix} (one of {@link #fixes}) edits the code, each as the finding of that
   * place with that place's own fix of the kind as its only one: this finding alone, unless the fix
   * edits the access and this is a race reported once, whose every access it must repair. Empty when
   * some access of the race has no such fix: repairing the others would leave the race.
   */
  public List<Finding> fixPlaces(FixHint fix) {
    if (!fix.kind().atTheAccess() || places.isEmpty()) {
      return List.of(withFixes(List.of(fix)));
    }
    List<Finding> at = new java.util.ArrayList<>();
    for (Finding place : places) {
      FixHint own = place.fixes().stream().filter(h -> h.kind() == fix.kind()).findFirst().orElse(null);
      if (own == null) {
        return List.of();
      }
      at.add(place.withFixes(List.of(own)));
    }
    return at;
  }

  /**
   * {@code fix} as a sentence ({@link FixHint#suggestion}), saying where else it edits when it
   * repairs every access of a race: "… Likewise at lines 80 and 86."
   */
  public String suggestion(FixHint fix, String subject) {
    List<Finding> at = fixPlaces(fix);
    if (at.size() <= 1) {
      return fix.suggestion(subject);
    }
    List<String> lines = new java.util.ArrayList<>();
    for (Finding place : at.subList(1, at.size())) {
      lines.add(String.valueOf(place.site().line()));
    }
    String last = lines.remove(lines.size() - 1);
    String where = lines.isEmpty() ? "line " + last : "lines " + String.join(", ", lines) + " and " + last;
    return fix.suggestion(subject) + " Likewise at " + where + ".";
  }

  private Finding withFixes(List<FixHint> only) {
    return new Finding(rule, file, site, message, field, only, identity, evidence, condition, places);
  }
}

package io.mapguard.engine.report;

import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import java.util.List;

/**
 * One reported problem.
 *
 * @param field the field it is about (its declaration anchors field fixes), or null for a finding
 *     about a map created in place ({@code new HashMap<>(n)})
 * @param fingerprint stable across unrelated edits: no line numbers in it
 * @param evidence the places the message cites (same file), in the order it cites them
 */
public record Finding(
    Rule rule,
    String file,
    Site site,
    String message,
    MapField field,
    List<FixHint> fixes,
    String fingerprint,
    List<Evidence> evidence) {}

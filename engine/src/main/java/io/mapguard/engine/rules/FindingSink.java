package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.project.ProjectCondition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects findings: one per (rule, field, line), honouring {@code @SuppressWarnings}, with
 * fingerprints that survive unrelated edits.
 */
public final class FindingSink {
  private final String file;
  private final String className;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Integer> fingerprintCounts = new HashMap<>();

  public FindingSink(String file, String className) {
    this.file = file;
    this.className = className;
  }

  public void report(Rule rule, MapField field, Site site, String message, List<FixHint> fixes) {
    report(rule, field, site, message, fixes, List.of());
  }

  /** {@code evidence}: the places {@code message} cites. */
  public void report(
      Rule rule,
      MapField field,
      Site site,
      String message,
      List<FixHint> fixes,
      List<Evidence> evidence) {
    report(rule, field, site, message, fixes, evidence, null);
  }

  /** {@code condition}: what other classes must do for the finding to stand ({@link Finding#condition}). */
  public void report(
      Rule rule,
      MapField field,
      Site site,
      String message,
      List<FixHint> fixes,
      List<Evidence> evidence,
      ProjectCondition condition) {
    if (site.isSuppressed(rule.ruleName())
        || field.declaration() != null && field.declaration().isSuppressed(rule.ruleName())) {
      return;
    }
    // findings with conditions are kept apart: which of them stands is decided later
    if (!seen.add(rule.ruleName() + '\0' + field.name() + '\0' + site.line() + (condition == null ? "" : "\0" + condition))) {
      return;
    }
    add(rule, site, message, field, field.name(), fixes, evidence, condition);
  }

  private void add(
      Rule rule,
      Site site,
      String message,
      MapField field,
      String subject,
      List<FixHint> fixes,
      List<Evidence> evidence,
      ProjectCondition condition) {
    String base =
        fingerprint(
            rule.ruleName(), file, className, site.member(), subject, normalise(site.statementText()));
    int occurrence = fingerprintCounts.merge(base, 1, Integer::sum);
    String fingerprint = occurrence == 1 ? base : base + "-" + occurrence;
    findings.add(
        new Finding(
            rule, file, site, message, field, List.copyOf(fixes), fingerprint, List.copyOf(evidence),
            condition));
  }

  /**
   * A finding about a map created in place rather than a field: {@code subject} (the created type)
   * stands where the field name goes in the fingerprint.
   */
  public void reportCreation(
      Rule rule, String subject, Site site, String message, List<FixHint> fixes) {
    if (site.isSuppressed(rule.ruleName())
        || !seen.add(rule.ruleName() + '\0' + subject + '\0' + site.line() + '\0' + site.column())) {
      return;
    }
    add(rule, site, message, null, subject, fixes, List.of(), null);
  }

  public List<Finding> findings() {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(
        Comparator.comparingInt((Finding f) -> f.site().line())
            .thenComparingInt(f -> f.site().column())
            .thenComparing(f -> f.rule().ruleName()));
    return sorted;
  }

  private static String normalise(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
  }

  private static String fingerprint(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      StringBuilder hex = new StringBuilder();
      byte[] bytes = digest.digest();
      for (int i = 0; i < 10; i++) {
        hex.append(String.format("%02x", bytes[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}

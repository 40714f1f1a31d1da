package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.Fingerprint;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.project.ProjectCondition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Collects findings: one per (rule, field, line), honouring {@code @SuppressWarnings}, with
 * fingerprints that survive unrelated edits; and, unless every access is asked for, one finding per
 * race ({@link #findings}).
 */
public final class FindingSink {
  /** How many other accesses a race's message lists by line; the rest are counted. */
  static final int LISTED_ACCESSES = 8;

  private final String file;
  private final String className;
  private final boolean onePerRace;
  private final List<Finding> findings = new ArrayList<>();
  /** What was reported where: rule, field or created type, line (and column or condition). */
  private final Set<List<Object>> seen = new HashSet<>();
  private final Map<String, Integer> fingerprintCounts = new HashMap<>();
  /** The findings reported as one access of a race, with the race they belong to. */
  private final Map<Finding, RaceAccess> raceAccesses = new java.util.IdentityHashMap<>();

  /**
   * One unguarded access of a race: which race (rule, field and kind), and what it does.
   *
   * @param telling how telling the access is, lowest first ({@link #TELLING})
   */
  private record RaceAccess(RaceKey race, int telling, String briefVerb) {}

  /** A race on a field, and the condition its findings stand on (null for none). */
  private record RaceKey(String race, ProjectCondition condition) {
    /** Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why; the generated hash's value. */
    @Override
    public boolean equals(Object other) {
      return this == other
          || other instanceof RaceKey key && Objects.equals(race, key.race) && Objects.equals(condition, key.condition);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(race) + Objects.hashCode(condition);
    }
  }

  /** A sink that reports every access (for what-if runs of the rules). */
  public FindingSink(String file, String className) {
    this(file, className, false);
  }

  /** @param onePerRace report each race once, naming its other accesses ({@link #findings}) */
  public FindingSink(String file, String className, boolean onePerRace) {
    this.file = file;
    this.className = className;
    this.onePerRace = onePerRace;
  }

  /**
   * One unguarded access of a race on its field, reported at the access's site: reported like {@link #report}, and, when the
   * sink reports a race once, folded with the other accesses of the same {@code race} (a kind the
   * rule names, e.g. "unguarded") into one finding. Accesses whose findings depend on other
   * classes fold only with those of the same {@code condition}, one answer deciding them all, or
   * into the race's finding that depends on nothing.
   */
  public void reportAccess(
      Rule rule,
      Access access,
      String race,
      String message,
      List<FixHint> fixes,
      List<Evidence> evidence,
      ProjectCondition condition) {
    MapField field = access.field();
    Finding added = report(rule, field, access.site(), message, fixes, evidence, condition);
    if (added != null) {
      raceAccesses.put(
          added,
          new RaceAccess(
              new RaceKey(rule.ruleName() + '\0' + field.name() + '\0' + race, condition),
              telling(access),
              access.briefVerb()));
    }
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

  /**
   * {@code condition}: what other classes must do for the finding to stand ({@link Finding#condition}).
   *
   * @return the finding added, or null when it is suppressed or its line has one already
   */
  public Finding report(
      Rule rule,
      MapField field,
      Site site,
      String message,
      List<FixHint> fixes,
      List<Evidence> evidence,
      ProjectCondition condition) {
    if (site.isSuppressed(rule.ruleName())
        || field.declaration() != null && field.declaration().isSuppressed(rule.ruleName())) {
      return null;
    }
    // findings with conditions are kept apart: which of them stands is decided later
    if (!seen.add(Arrays.asList(rule.ruleName(), field.name(), site.line(), condition))) {
      return null;
    }
    return add(rule, site, message, field, field.name(), fixes, evidence, condition);
  }

  private Finding add(
      Rule rule,
      Site site,
      String message,
      MapField field,
      String subject,
      List<FixHint> fixes,
      List<Evidence> evidence,
      ProjectCondition condition) {
    String key =
        Fingerprint.key(
            rule.ruleName(), file, className, site.member(), subject, normalise(site.statementText()));
    Fingerprint fingerprint = Fingerprint.of(key, fingerprintCounts.merge(key, 1, Integer::sum));
    Finding finding =
        new Finding(
            rule, file, site, message, field, List.copyOf(fixes), fingerprint, List.copyOf(evidence),
            condition, List.of());
    findings.add(finding);
    return finding;
  }

  /**
   * A finding about a map created in place rather than a field: {@code subject} (the created type)
   * stands where the field name goes in the fingerprint.
   */
  public void reportCreation(
      Rule rule, String subject, Site site, String message, List<FixHint> fixes) {
    if (site.isSuppressed(rule.ruleName())
        || !seen.add(Arrays.asList(rule.ruleName(), subject, site.line(), site.column()))) {
      return;
    }
    add(rule, site, message, null, subject, fixes, List.of(), null);
  }

  /**
   * The findings, by place. A race reported once is its most telling access (a write first, then an
   * iteration, then a read; the first in the file among equals; one that depends on no other class
   * before one that does), whose message ends naming the
   * others ("Also unguarded: line 80 (iterated), line 86 (read)."), with them as evidence (SARIF's
   * related locations) and every fix any of them offers; its fingerprint is that access's.
   */
  public List<Finding> findings() {
    List<Finding> all = onePerRace ? foldRaces() : findings;
    List<Finding> sorted = new ArrayList<>(all);
    sorted.sort(BY_PLACE);
    return sorted;
  }

  private static final Comparator<Finding> BY_PLACE =
      Comparator.comparingInt((Finding f) -> f.site().line())
          .thenComparingInt(f -> f.site().column())
          .thenComparing(f -> f.rule().ruleName());

  private List<Finding> foldRaces() {
    Map<RaceKey, List<Finding>> races = new LinkedHashMap<>();
    List<Finding> folded = new ArrayList<>();
    for (Finding finding : findings) {
      RaceAccess access = raceAccesses.get(finding);
      if (access == null) {
        folded.add(finding);
      } else {
        races.computeIfAbsent(access.race(), k -> new ArrayList<>()).add(finding);
      }
    }
    // a race that stands on its own lists its accesses that depend on other classes among its
    // others, saying so: they miss the lock where they are, and the race is reported anyway
    for (RaceKey key : List.copyOf(races.keySet())) {
      List<Finding> unconditional = key.condition() == null ? null : races.get(new RaceKey(key.race(), null));
      if (unconditional != null) {
        unconditional.addAll(races.remove(key));
      }
    }
    for (List<Finding> race : races.values()) {
      // reported at an access that stands whatever other classes do, the most telling of those
      race.sort(
          Comparator.comparing((Finding f) -> f.condition() != null)
              .thenComparingInt(f -> raceAccesses.get(f).telling())
              .thenComparing(BY_PLACE));
      folded.add(race.size() == 1 ? race.get(0) : fold(race));
    }
    return folded;
  }

  /**
   * The effects of accesses, the most telling first: an unguarded write is where a race is made (a
   * read that writes, such as an LRU cache's get, comes after the writes that say so plainly).
   */
  private static final List<Effect> TELLING = List.of(Effect.WRITE, Effect.ITERATE, Effect.READ);

  private static int telling(Access access) {
    int rank = TELLING.indexOf(access.effect());
    return rank < 0 ? rank : 2 * rank + (access.readingWrite() == null ? 0 : 1);
  }

  private Finding fold(List<Finding> race) {
    Finding first = race.get(0);
    List<Finding> others = new ArrayList<>(race.subList(1, race.size()));
    others.sort(BY_PLACE);
    List<String> listed = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>(first.evidence());
    Map<FixHint.Kind, FixHint> fixes = new LinkedHashMap<>();
    for (Finding place : race) {
      place.fixes().forEach(fix -> fixes.putIfAbsent(fix.kind(), fix));
    }
    for (Finding other : others) {
      String verb = raceAccesses.get(other).briefVerb();
      // undecided: it races only if other classes reach it so, which the race does not wait for
      String unless =
          other.condition() != null && first.condition() == null ? ", " + other.condition().whenListed() : "";
      if (listed.size() < LISTED_ACCESSES) {
        listed.add("line " + other.site().line() + " (" + verb + unless + ")");
      }
      if (evidence.stream().noneMatch(cited -> cited.line() == other.site().line())) {
        evidence.add(
            new Evidence(other.site().line(), other.site().column(), "also " + verb + " here, unguarded" + unless));
      }
    }
    int unlisted = others.size() - listed.size();
    String message =
        first.message()
            + Finding.ALSO_UNGUARDED
            + String.join(", ", listed)
            + (unlisted > 0 ? " and " + unlisted + " more" : "")
            + ".";
    List<Finding> places = new ArrayList<>();
    places.add(first);
    places.addAll(others);
    return new Finding(
        first.rule(), first.file(), first.site(), message, first.field(), List.copyOf(fixes.values()),
        first.identity(), List.copyOf(evidence), first.condition(), List.copyOf(places));
  }

  private static String normalise(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
  }

}

package io.mapguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.report.RuleNames;
import javax.inject.Inject;

/** See docs/rules/MapCapacityHint.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.MAP_CAPACITY_HINT,
    summary = RuleNames.MAP_CAPACITY_HINT_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.MAP_CAPACITY_HINT + ".md",
    tags = BugPattern.StandardTags.PERFORMANCE)
public final class MapCapacityHint extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public MapCapacityHint() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public MapCapacityHint(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.MAP_CAPACITY_HINT;
  }
}

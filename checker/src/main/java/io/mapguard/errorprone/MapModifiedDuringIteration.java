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

/** See docs/rules/MapModifiedDuringIteration.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.MAP_MODIFIED_DURING_ITERATION,
    summary = RuleNames.MAP_MODIFIED_DURING_ITERATION_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.MAP_MODIFIED_DURING_ITERATION + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class MapModifiedDuringIteration extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public MapModifiedDuringIteration() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public MapModifiedDuringIteration(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.MAP_MODIFIED_DURING_ITERATION;
  }
}

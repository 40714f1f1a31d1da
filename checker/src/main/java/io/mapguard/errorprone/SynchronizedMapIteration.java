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

/** See docs/rules/SynchronizedMapIteration.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.SYNCHRONIZED_MAP_ITERATION,
    summary = RuleNames.SYNCHRONIZED_MAP_ITERATION_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.SYNCHRONIZED_MAP_ITERATION + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class SynchronizedMapIteration extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public SynchronizedMapIteration() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public SynchronizedMapIteration(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.SYNCHRONIZED_MAP_ITERATION;
  }
}

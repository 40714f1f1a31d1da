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

/** See docs/rules/SynchronizedMapBypass.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.SYNCHRONIZED_MAP_BYPASS,
    summary = RuleNames.SYNCHRONIZED_MAP_BYPASS_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.SYNCHRONIZED_MAP_BYPASS + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class SynchronizedMapBypass extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public SynchronizedMapBypass() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public SynchronizedMapBypass(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.SYNCHRONIZED_MAP_BYPASS;
  }
}

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

/** See docs/rules/ConcurrentMapCheckThenAct.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.CONCURRENT_MAP_CHECK_THEN_ACT,
    summary = RuleNames.CONCURRENT_MAP_CHECK_THEN_ACT_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.CONCURRENT_MAP_CHECK_THEN_ACT + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class ConcurrentMapCheckThenAct extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public ConcurrentMapCheckThenAct() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public ConcurrentMapCheckThenAct(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.CONCURRENT_MAP_CHECK_THEN_ACT;
  }
}

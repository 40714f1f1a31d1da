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

/** See docs/rules/ConcurrentMapNullValue.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.CONCURRENT_MAP_NULL_VALUE,
    summary = RuleNames.CONCURRENT_MAP_NULL_VALUE_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.CONCURRENT_MAP_NULL_VALUE + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class ConcurrentMapNullValue extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public ConcurrentMapNullValue() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public ConcurrentMapNullValue(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.CONCURRENT_MAP_NULL_VALUE;
  }
}

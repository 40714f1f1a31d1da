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

/** See docs/rules/MutableValueInConcurrentMap.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.MUTABLE_VALUE_IN_CONCURRENT_MAP,
    summary = RuleNames.MUTABLE_VALUE_IN_CONCURRENT_MAP_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.MUTABLE_VALUE_IN_CONCURRENT_MAP + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class MutableValueInConcurrentMap extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public MutableValueInConcurrentMap() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public MutableValueInConcurrentMap(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.MUTABLE_VALUE_IN_CONCURRENT_MAP;
  }
}

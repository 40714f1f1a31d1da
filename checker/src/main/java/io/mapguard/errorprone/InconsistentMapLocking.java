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

/** See docs/rules/InconsistentMapLocking.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.INCONSISTENT_MAP_LOCKING,
    summary = RuleNames.INCONSISTENT_MAP_LOCKING_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.INCONSISTENT_MAP_LOCKING + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class InconsistentMapLocking extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public InconsistentMapLocking() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public InconsistentMapLocking(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.INCONSISTENT_MAP_LOCKING;
  }
}

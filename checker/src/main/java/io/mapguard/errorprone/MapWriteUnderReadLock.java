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

/** See docs/rules/MapWriteUnderReadLock.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.MAP_WRITE_UNDER_READ_LOCK,
    summary = RuleNames.MAP_WRITE_UNDER_READ_LOCK_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.MAP_WRITE_UNDER_READ_LOCK + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class MapWriteUnderReadLock extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public MapWriteUnderReadLock() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public MapWriteUnderReadLock(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.MAP_WRITE_UNDER_READ_LOCK;
  }
}

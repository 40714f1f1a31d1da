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

/** See docs/rules/RecursiveMapUpdate.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.RECURSIVE_MAP_UPDATE,
    summary = RuleNames.RECURSIVE_MAP_UPDATE_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.RECURSIVE_MAP_UPDATE + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class RecursiveMapUpdate extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public RecursiveMapUpdate() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public RecursiveMapUpdate(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.RECURSIVE_MAP_UPDATE;
  }
}

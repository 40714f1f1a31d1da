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

/** See docs/rules/GuardedMapEscape.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.GUARDED_MAP_ESCAPE,
    summary = RuleNames.GUARDED_MAP_ESCAPE_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.GUARDED_MAP_ESCAPE + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class GuardedMapEscape extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public GuardedMapEscape() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public GuardedMapEscape(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.GUARDED_MAP_ESCAPE;
  }
}

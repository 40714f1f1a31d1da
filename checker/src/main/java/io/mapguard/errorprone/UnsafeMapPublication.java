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

/** See docs/rules/UnsafeMapPublication.md. */
@AutoService(BugChecker.class)
@BugPattern(
    name = RuleNames.UNSAFE_MAP_PUBLICATION,
    summary = RuleNames.UNSAFE_MAP_PUBLICATION_SUMMARY,
    severity = WARNING,
    linkType = CUSTOM,
    link = RuleNames.DOCS_BASE + RuleNames.UNSAFE_MAP_PUBLICATION + ".md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class UnsafeMapPublication extends MapGuardBugChecker {
  /** For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks. */
  public UnsafeMapPublication() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public UnsafeMapPublication(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  protected Rule rule() {
    return Rule.UNSAFE_MAP_PUBLICATION;
  }
}

package io.mapguard.errorprone;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import io.mapguard.compiler.CompilerOptions;
import io.mapguard.compiler.MapGuardJavac;
import io.mapguard.compiler.ReportFile;
import io.mapguard.compiler.Reporting;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.project.PendingFinding;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.report.Rule;
import io.mapguard.report.Sarif;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.Diagnostic;

/**
 * Shared body of the mapguard checks: one engine run per top-level class (cached), each check
 * reporting its own rule's findings. The checks themselves, one subclass per rule named as the rule,
 * are generated from each rule's {@code @RuleDefinition} when this module compiles
 * ({@code rule-processor/}, {@code BugCheckerProcessor}). Options ({@link CompilerOptions}):
 * {@code -XepOpt:MapGuard:Disable=…}, {@code -XepOpt:MapGuard:ImmediateMethods=…},
 * {@code -XepOpt:MapGuard:ThreadStartMethods=…}, {@code -XepOpt:MapGuard:Strict=true},
 * {@code -XepOpt:MapGuard:Report=<file>} (SARIF of the compilation's findings, see {@link ReportFile}).
 */
public abstract class MapGuardBugChecker extends BugChecker implements ClassTreeMatcher {
  private final AnalysisOptions options;
  private final CompilerOptions compilerOptions;

  protected MapGuardBugChecker(ErrorProneFlags flags) {
    // Every rule runs in the shared engine pass (rules that are off by default cost next to
    // nothing); each check decides whether to report its own, see reports().
    this.compilerOptions = CompilerOptions.parseErrorProne(flags.getFlagsMap());
    this.options = compilerOptions.analysis();
  }

  protected abstract Rule rule();

  /**
   * A bad option is an error, as Error Prone's own bad flags are ({@code -Xep:Rule:BOGUS} stops the
   * build): a gate must not pass on a configuration other than the one written. It is printed
   * once per compilation and does not stop it; the other options apply. It cannot be thrown from
   * the constructor: Error Prone would turn that into a compiler crash.
   */
  private void reportBadOptions(VisitorState state) {
    for (String problem : compilerOptions.problems()) {
      Reporting.printOnce(state.context, Diagnostic.Kind.ERROR, "mapguard: " + problem);
    }
  }

  /**
   * A rule that is off by default (MapCapacityHint) reports only when asked for by name
   * ({@code -Xep:MapCapacityHint:WARN}) or with {@code -XepAllDisabledChecksAsWarnings}: Error Prone
   * turns every plugin check on, so the check itself keeps the catalogue's default.
   */
  private boolean reports(VisitorState state) {
    if (!options.isEnabled(rule())) {
      return false;
    }
    if (rule().enabledByDefault()) {
      return true;
    }
    ErrorProneOptions errorProne = state.errorProneOptions();
    if (errorProne.isEnableAllChecksAsWarnings()) {
      return true;
    }
    ErrorProneOptions.Severity severity = errorProne.getSeverityMap().get(rule().ruleName());
    return severity != null && severity != ErrorProneOptions.Severity.OFF;
  }

  @Override
  public final Description matchClass(ClassTree tree, VisitorState state) {
    reportBadOptions(state);
    if (!(state.getPath().getParentPath().getLeaf() instanceof CompilationUnitTree)) {
      return Description.NO_MATCH;
    }
    // asked for by every check, so that the report is written even when no check reports
    String reportPath = compilerOptions.reportPath();
    ReportFile reportFile = reportPath == null ? null : ReportFile.instance(state.context, reportPath);
    if (!reports(state)) {
      return Description.NO_MATCH;
    }
    JCCompilationUnit unit = (JCCompilationUnit) state.getPath().getCompilationUnit();
    MapGuardJavac analysis = MapGuardJavac.instance(state.context, options);
    MapGuardJavac.Result result = analysis.analyze(unit, (JCClassDecl) tree);
    reportClassPathFindings(analysis, reportFile, state);
    if (result.failure() != null) {
      Reporting.reportFailureOnce(
          state.context,
          rule().ruleName(),
          (JCClassDecl) tree,
          result.failure(),
          compilerOptions.strict());
      return Description.NO_MATCH;
    }
    for (Finding finding : result.findings()) {
      if (finding.rule() != rule()) {
        continue;
      }
      Description.Builder description =
          buildDescription((Tree) finding.site().anchor()).setMessage(finding.message());
      List<Sarif.Fix> reportFixes = new ArrayList<>();
      for (FixHint hint : finding.fixes()) {
        try {
          Optional<SuggestedFix> fix = fixAtEveryPlace(hint, finding, unit, state);
          fix.ifPresent(description::addFix);
          if (reportFile != null && fix.isPresent()) {
            ReportFixes.of(fix.get(), hint, finding, unit, reportFile).ifPresent(reportFixes::add);
          }
        } catch (RuntimeException e) {
          // A fix that cannot be built is dropped; the finding is still reported.
          if (Boolean.getBoolean("mapguard.debug")) {
            e.printStackTrace();
          }
        }
      }
      state.reportMatch(description.build());
      if (reportFile != null) {
        reportFile.add(unit, finding, ReportFixes.level(rule(), state), reportFixes);
      }
    }
    return Description.NO_MATCH;
  }

  /**
   * The findings of this check's rule in classes on the class path that stand here ({@link
   * MapGuardJavac#takeClassPathFindings}), once, at the level the build gives the rule: they have
   * no tree of this compilation for Error Prone to place them at.
   */
  private void reportClassPathFindings(MapGuardJavac analysis, ReportFile reportFile, VisitorState state) {
    List<PendingFinding> findings = analysis.takeClassPathFindings(rule());
    if (findings.isEmpty()) {
      return;
    }
    String level = ReportFixes.level(rule(), state);
    for (PendingFinding finding : findings) {
      Reporting.printFromClassPath(state.context, LEVELS.getOrDefault(level, Diagnostic.Kind.WARNING), rule(), finding);
      if (reportFile != null) {
        reportFile.addFromClassPath(finding, level);
      }
    }
  }

  /** SARIF's levels as javac's kinds of diagnostic. */
  private static final Map<String, Diagnostic.Kind> LEVELS =
      Map.of("error", Diagnostic.Kind.ERROR, "warning", Diagnostic.Kind.WARNING, "note", Diagnostic.Kind.NOTE);

  /**
   * The fix for {@code hint}, with an edit at each place it must repair ({@link Finding#fixPlaces}:
   * every access of a race reported once); empty when some place cannot be fixed that way.
   */
  private static Optional<SuggestedFix> fixAtEveryPlace(
      FixHint hint, Finding finding, JCCompilationUnit unit, VisitorState state) {
    List<Finding> places = finding.fixPlaces(hint);
    SuggestedFix.Builder all = null;
    for (Finding place : places) {
      Optional<SuggestedFix.Builder> one =
          FixBuilder.fix(place.fixes().get(0), place, unit, (JCTree) place.site().anchor(), state);
      if (one.isEmpty()) {
        return Optional.empty();
      }
      all = all == null ? one.get() : all.merge(one.get());
    }
    return all == null ? Optional.empty() : Optional.of(all.build());
  }
}

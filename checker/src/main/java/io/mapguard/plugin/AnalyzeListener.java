package io.mapguard.plugin;

import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.util.Context;
import io.mapguard.compiler.CompilerOptions;
import io.mapguard.compiler.MapGuardJavac;
import io.mapguard.compiler.ReportFile;
import io.mapguard.compiler.Reporting;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.project.PendingFinding;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/** Runs the analysis on each top-level class once javac has analysed it (flow, types). */
final class AnalyzeListener implements TaskListener {
  private final Trees trees;
  private final Context context;
  private final AnalysisOptions options;
  private final boolean strict;
  private final Runnable parseStarted;
  private final ReportFile reportFile;
  /** Waited for before the first class is analysed; null once it has been. */
  private ClassPreloading preloading;

  private AnalyzeListener(
      JavacTask task, CompilerOptions options, Runnable parseStarted, ReportFile reportFile) {
    this.trees = Trees.instance(task);
    this.context = ((BasicJavacTask) task).getContext();
    this.options = options.analysis();
    this.strict = options.strict();
    this.parseStarted = parseStarted;
    this.reportFile = reportFile;
  }

  /**
   * {@code parseStarted}: run as javac starts parsing each file (see {@link ListenerFreeParsing});
   * {@code reportFile}: where findings are recorded too, or null.
   */
  static AnalyzeListener create(
      JavacTask task, CompilerOptions options, Runnable parseStarted, ReportFile reportFile) {
    return new AnalyzeListener(task, options, parseStarted, reportFile);
  }

  /** {@code preloading} ends before the listener's first use of the analysis's classes. */
  void waitBeforeFirstClass(ClassPreloading preloading) {
    this.preloading = preloading;
  }

  @Override
  public void started(TaskEvent event) {
    if (event.getKind() == TaskEvent.Kind.PARSE) {
      parseStarted.run();
    }
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() == TaskEvent.Kind.COMPILATION && reportFile != null) {
      preloadingDone();
      reportFile.compilationFinished();
      return;
    }
    if (event.getKind() != TaskEvent.Kind.ANALYZE) {
      return;
    }
    preloadingDone();
    if (Reporting.hasErrors(context)) {
      return;
    }
    JCCompilationUnit unit = (JCCompilationUnit) event.getCompilationUnit();
    TypeElement type = event.getTypeElement();
    if (unit == null || type == null) {
      return;
    }
    for (JCTree definition : unit.defs) {
      if (definition instanceof JCClassDecl && ((JCClassDecl) definition).sym == type) {
        report(unit, (JCClassDecl) definition);
      }
    }
  }

  /** Before the analysis's classes are first used on javac's thread (see {@link ClassPreloading}). */
  private void preloadingDone() {
    if (preloading != null) {
      preloading.awaitDone();
      preloading = null;
    }
  }

  private void report(JCCompilationUnit unit, JCClassDecl topLevel) {
    MapGuardJavac analysis = MapGuardJavac.instance(context, options);
    MapGuardJavac.Result result = analysis.analyze(unit, topLevel);
    reportClassPathFindings(analysis);
    if (result.failure() != null) {
      Reporting.reportFailureOnce(context, MapGuardPlugin.NAME, topLevel, result.failure(), strict);
      return;
    }
    for (Finding finding : result.findings()) {
      if (options.isEnabled(finding.rule())) {
        trees.printMessage(
            Diagnostic.Kind.WARNING,
            Reporting.format(finding.rule(), finding.message()),
            (Tree) finding.site().anchor(),
            unit);
        if (reportFile != null) {
          reportFile.add(unit, finding, ReportFile.level(finding.rule(), null), List.of());
        }
      }
    }
  }

  /** The findings of classes on the class path that stand here, once, with the first class's. */
  private void reportClassPathFindings(MapGuardJavac analysis) {
    for (Rule rule : Rules.all()) {
      if (!options.isEnabled(rule)) {
        continue;
      }
      for (PendingFinding finding : analysis.takeClassPathFindings(rule)) {
        Reporting.printFromClassPath(context, Diagnostic.Kind.WARNING, rule, finding);
        if (reportFile != null) {
          reportFile.addFromClassPath(finding, ReportFile.level(rule, null));
        }
      }
    }
  }
}

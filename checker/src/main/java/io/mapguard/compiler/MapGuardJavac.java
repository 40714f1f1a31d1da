package io.mapguard.compiler;

import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.util.Context;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.Analyzer;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.Rule;
import io.mapguard.javac.FactExtractor;
import io.mapguard.engine.project.CallSummaries.ClassCalls;
import io.mapguard.engine.project.PendingFinding;
import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.engine.project.SummarizedCalls;
import io.mapguard.javac.JavacCallSummaries;
import io.mapguard.javac.JavacProjectCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.tools.Diagnostic;

/**
 * The javac front end as one call: facts from an attributed top-level class, through the engine, to
 * findings. Results are cached per class tree, so the Error Prone checks (one per rule) share one
 * analysis. A finding that depends on other classes ({@code Finding#condition}) is decided here,
 * against the calls of the whole compilation ({@link JavacProjectCalls}).
 */
public final class MapGuardJavac {
  /**
   * Kept in the compilation's own Context (javac's pattern for per-compilation singletons), so it
   * dies with the compilation. A static map keyed weakly by Context leaked every compilation: the
   * instance refers to its Context through javac's Types and trees.
   */
  private static final Context.Key<MapGuardJavac> KEY = new Context.Key<>();

  private final FactExtractor extractor;
  private final Analyzer analyzer;
  private final Context context;
  private final JavacCallSummaries summaries;
  /** The compilation's calls and those the summaries on the class path keep of other classes. */
  private final ProjectCalls projectCalls;
  private final boolean writeSummaries;
  private final Map<JCClassDecl, Result> cache = new WeakHashMap<>();
  /** The summaries of the classes on the class path this compilation does not compile; read once, when first needed. */
  private List<ClassCalls> classPathSummaries;
  /** {@link #takeClassPathFindings}' findings not yet taken, by rule name; null until the first call. */
  private Map<String, List<PendingFinding>> classPathFindings;

  /** Findings of one class, or the failure that stopped its analysis. */
  public record Result(List<Finding> findings, RuntimeException failure) {}

  private MapGuardJavac(Context context, AnalysisOptions options) {
    JavacProjectCalls compiled = new JavacProjectCalls(context, options);
    this.extractor = new FactExtractor(context, options, compiled::calledOnFieldsElsewhere);
    this.analyzer = new Analyzer(options);
    this.context = context;
    this.summaries = compiled.summaries();
    this.projectCalls = new SummarizedCalls(compiled, this::summariesOnClassPath, summaries::isSubtype);
    this.writeSummaries = options.writeSummaries();
  }

  /** One instance per compilation (javac's Context), created with the first caller's options. */
  public static synchronized MapGuardJavac instance(Context context, AnalysisOptions options) {
    MapGuardJavac instance = context.get(KEY);
    if (instance == null) {
      instance = new MapGuardJavac(context, options);
      context.put(KEY, instance);
    }
    return instance;
  }

  /** Never throws for a problem in the analysed code: a failure is returned for the caller to note. */
  public synchronized Result analyze(JCCompilationUnit unit, JCClassDecl topLevel) {
    return cache.computeIfAbsent(
        topLevel,
        tree -> {
          List<Finding> notStanding = List.of();
          try {
            if (FailureHook.shouldFail(topLevel.sym)) {
              throw new IllegalStateException("failure forced by " + FailureHook.PROPERTY);
            }
            ClassFacts facts = AnalysisTiming.extraction(() -> extractor.extract(unit, topLevel));
            List<Finding> findings = AnalysisTiming.rules(() -> analyzer.analyze(facts));
            Analyzer.Decision<Finding> decision = Analyzer.decision(findings, projectCalls);
            notStanding = decision.notStanding();
            return new Result(decision.standing(), null);
          } catch (RuntimeException | LinkageError e) {
            if (Boolean.getBoolean("mapguard.debug")) {
              e.printStackTrace();
            }
            RuntimeException failure =
                e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
            return new Result(List.of(), failure);
          } finally {
            writeSummary(unit, topLevel, notStanding);
            noteSummaryProblems();
          }
        });
  }

  /**
   * The findings of classes on the class path that their own compilation could not decide ({@link
   * PendingFinding}) and that stand against this compilation's calls, those of {@code rule}, handed
   * out once: each front end reports them with the rule's other findings. They are decided at the
   * first call, which follows the first class's analysis: every class of the compilation is
   * attributed then and none lowered yet (javac's {@code simple} policy), so the calls read are
   * the source's. Never throws: a failure is a note, and no finding.
   */
  public synchronized List<PendingFinding> takeClassPathFindings(Rule rule) {
    if (classPathFindings == null) {
      classPathFindings = new HashMap<>();
      for (PendingFinding finding : classPathFindingsThatStand()) {
        classPathFindings.computeIfAbsent(finding.rule(), r -> new ArrayList<>()).add(finding);
      }
    }
    List<PendingFinding> taken = classPathFindings.remove(rule.ruleName());
    return taken == null ? List.of() : taken;
  }

  private List<PendingFinding> classPathFindingsThatStand() {
    try {
      List<PendingFinding> pending = new ArrayList<>();
      for (ClassCalls calls : summariesOnClassPath()) {
        pending.addAll(calls.pending());
      }
      List<PendingFinding> standing =
          pending.isEmpty()
              ? List.of()
              : Analyzer.decide(pending, PendingFinding::condition, PendingFinding::standing, projectCalls);
      noteSummaryProblems();
      return standing;
    } catch (RuntimeException | LinkageError e) {
      Reporting.printOnce(
          context, Diagnostic.Kind.NOTE, "mapguard: cannot decide the findings of the summaries on the class path (" + e + ")");
      return List.of();
    }
  }

  private synchronized List<ClassCalls> summariesOnClassPath() {
    if (classPathSummaries == null) {
      classPathSummaries = summaries.readClassPath();
    }
    return classPathSummaries;
  }

  /**
   * The class's call summary into the class output ({@link JavacCallSummaries}), with the findings
   * whose condition this compilation's calls did not uphold: a failure there is a note of its own
   * and never costs the class its findings.
   */
  private void writeSummary(JCCompilationUnit unit, JCClassDecl topLevel, List<Finding> notStanding) {
    if (!writeSummaries) {
      return;
    }
    try {
      List<PendingFinding> pending = notStanding.stream().map(Finding::pending).toList();
      AnalysisTiming.summaries(() -> summaries.write(unit, topLevel, pending));
    } catch (RuntimeException | LinkageError e) {
      Reporting.printOnce(
          context,
          Diagnostic.Kind.NOTE,
          "mapguard: cannot summarize the calls of " + topLevel.sym.getQualifiedName() + " (" + e + ")");
    }
  }

  /** Notes, once each, what went wrong with reading or writing summaries since the last call. */
  private void noteSummaryProblems() {
    for (String problem : summaries.takeProblems()) {
      Reporting.printOnce(context, Diagnostic.Kind.NOTE, "mapguard: " + problem);
    }
  }

  /** The NOTE printed once per class when its analysis failed. */
  public static String internalErrorNote(
      String checkName, String className, RuntimeException failure) {
    return "mapguard: internal error in "
        + checkName
        + " while analysing "
        + className
        + " ("
        + failure
        + "); findings for this class may be incomplete, please report";
  }
}

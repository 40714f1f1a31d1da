package io.mapguard.compiler;

import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.util.Context;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.Analyzer;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.report.Finding;
import io.mapguard.javac.FactExtractor;
import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.engine.project.SummarizedCalls;
import io.mapguard.javac.JavacCallSummaries;
import io.mapguard.javac.JavacProjectCalls;
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

  /** Findings of one class, or the failure that stopped its analysis. */
  public record Result(List<Finding> findings, RuntimeException failure) {}

  private MapGuardJavac(Context context, AnalysisOptions options) {
    this.extractor = new FactExtractor(context, options);
    this.analyzer = new Analyzer(options);
    this.context = context;
    JavacProjectCalls compiled = new JavacProjectCalls(context, options);
    this.summaries = compiled.summaries();
    this.projectCalls = new SummarizedCalls(compiled, summaries::readClassPath, summaries::isSubtype);
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
          try {
            if (FailureHook.shouldFail(topLevel.sym)) {
              throw new IllegalStateException("failure forced by " + FailureHook.PROPERTY);
            }
            writeSummary(unit, topLevel);
            ClassFacts facts = AnalysisTiming.extraction(() -> extractor.extract(unit, topLevel));
            List<Finding> findings = AnalysisTiming.rules(() -> analyzer.analyze(facts));
            List<Finding> decided = Analyzer.decide(findings, projectCalls);
            noteSummaryProblems();
            return new Result(decided, null);
          } catch (RuntimeException | LinkageError e) {
            if (Boolean.getBoolean("mapguard.debug")) {
              e.printStackTrace();
            }
            RuntimeException failure =
                e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
            return new Result(List.of(), failure);
          }
        });
  }

  /**
   * The class's call summary into the class output ({@link JavacCallSummaries}): a failure there is
   * a note of its own and never costs the class its findings.
   */
  private void writeSummary(JCCompilationUnit unit, JCClassDecl topLevel) {
    if (!writeSummaries) {
      return;
    }
    try {
      AnalysisTiming.summaries(() -> summaries.write(unit, topLevel));
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

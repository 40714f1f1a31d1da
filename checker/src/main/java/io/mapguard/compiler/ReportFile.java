package io.mapguard.compiler;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Log;
import io.mapguard.engine.project.PendingFinding;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.report.Sarif;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;

/**
 * The report file of a compilation ({@code -Xplugin:"MapGuard -report=…"}, {@code
 * -XepOpt:MapGuard:Report=…}): SARIF of every finding the compilation reported, in mapvet's format,
 * written when the compilation finishes. It outlives the compilation's warnings, which an
 * incremental build that compiles nothing does not repeat.
 */
public final class ReportFile {
  private static final Context.Key<ReportFile> KEY = new Context.Key<>();
  private static final String INFORMATION_URI =
      "https://github.com/mapguard/mapguard/blob/main/docs/user-guide.md";

  private final Context context;
  private final String path;
  private final Path workingDir = Path.of("").toAbsolutePath();
  private final List<Sarif.Result> results = new ArrayList<>();

  private ReportFile(Context context, String path) {
    this.context = context;
    this.path = path;
  }

  /**
   * The compilation's report, created by the first caller (the path of later callers is the same
   * option), which also asks javac to call {@link #compilationFinished} when the compilation
   * finishes. For Error Prone, which has its own listener already.
   */
  public static synchronized ReportFile instance(Context context, String path) {
    ReportFile report = context.get(KEY);
    if (report == null) {
      report = forListener(context, path);
      ReportFile created = report;
      BasicJavacTask.instance(context)
          .addTaskListener(
              new TaskListener() {
                @Override
                public void finished(TaskEvent event) {
                  if (event.getKind() == TaskEvent.Kind.COMPILATION) {
                    created.compilationFinished();
                  }
                }
              });
    }
    return report;
  }

  /**
   * The compilation's report, for a front end whose own listener calls {@link
   * #compilationFinished}: the plain plugin, which parses faster while its listener is the only one
   * (see {@code ListenerFreeParsing}).
   */
  public static synchronized ReportFile forListener(Context context, String path) {
    ReportFile report = context.get(KEY);
    if (report == null) {
      report = new ReportFile(context, path);
      context.put(KEY, report);
    }
    return report;
  }

  /**
   * Records {@code finding}, reported in {@code unit} at {@code level} ("warning", "error"), with
   * the edits of its fixes when the front end has them.
   */
  public synchronized void add(
      JCCompilationUnit unit, Finding finding, String level, List<Sarif.Fix> fixes) {
    String file = file(unit);
    List<Sarif.Location> related = Sarif.Location.related(file, finding.evidence());
    String subject = finding.field() != null ? finding.field().name() : "the map";
    results.add(
        new Sarif.Result(
            finding.rule().ruleName(),
            level,
            finding.message(),
            new Sarif.Location(file, region(unit, (JCTree) finding.site().anchor()), null),
            related,
            fixes,
            // the engine's fingerprint includes the file's path as javac got it (often absolute):
            // left out, so that code scanning computes its own from the contents
            Map.of(),
            finding.fixes().stream().map(fix -> fix.suggestion(subject)).toList()));
  }

  /**
   * Records a finding of a class on the class path at the place its summary names ({@link
   * MapGuardJavac#takeClassPathFindings}), reported at {@code level}.
   */
  public synchronized void addFromClassPath(PendingFinding finding, String level) {
    results.add(
        new Sarif.Result(
            finding.rule(),
            level,
            finding.message(),
            new Sarif.Location(
                finding.file(),
                Sarif.Region.lines(finding.line(), finding.column() > 0 ? finding.column() : null, null, null),
                null),
            List.of(),
            List.of(),
            Map.of(),
            List.of()));
  }

  /** The path of {@code unit}'s file as SARIF gets it: relative to the working directory if under it. */
  public String file(JCCompilationUnit unit) {
    URI uri = unit.getSourceFile().toUri();
    if (!"file".equals(uri.getScheme())) {
      String name = uri.getPath() != null ? uri.getPath() : unit.getSourceFile().getName();
      return name.startsWith("/") ? name.substring(1) : name;
    }
    Path file = Path.of(uri).toAbsolutePath().normalize();
    return file.startsWith(workingDir) ? workingDir.relativize(file).toString() : file.toString();
  }

  /** Start and, when javac keeps end positions, end, in UTF-16 columns as SARIF counts them. */
  private static Sarif.Region region(JCCompilationUnit unit, JCTree tree) {
    int start = TreeInfo.getStartPos(tree);
    int end = unit.endPositions == null ? -1 : TreeInfo.getEndPos(tree, unit.endPositions);
    int line = (int) unit.getLineMap().getLineNumber(start);
    int column = column(unit, start, line);
    if (end <= start) {
      return Sarif.Region.lines(line, column, null, null);
    }
    int endLine = (int) unit.getLineMap().getLineNumber(end);
    return Sarif.Region.lines(line, column, endLine, column(unit, end, endLine));
  }

  private static int column(JCCompilationUnit unit, int position, int line) {
    return position - (int) unit.getLineMap().getStartPosition(line) + 1;
  }

  /** The report's level for a rule: its default unless the build raised or lowered it. */
  public static String level(Rule rule, String severityOverride) {
    return Sarif.level(severityOverride == null ? rule.defaultSeverity() : severityOverride);
  }

  /** Writes the report: javac's COMPILATION event has finished. */
  public synchronized void compilationFinished() {
    // findings reported as errors (-Xep:Name:ERROR) count in javac's errors too
    long ownErrors = results.stream().filter(r -> r.level().equals("error")).count();
    boolean compiled = Log.instance(context).nerrors <= ownErrors;
    List<Sarif.Notification> notifications =
        compiled
            ? List.of()
            : List.of(
                new Sarif.Notification(
                    "error",
                    "the compilation had errors: mapguard analyses only code that compiles, so"
                        + " findings may be missing",
                    null));
    List<Sarif.RuleDescriptor> rules = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      rules.add(Sarif.RuleDescriptor.of(rule, null, null));
    }
    // in file and line order, however the checks took turns
    List<Sarif.Result> sorted = new ArrayList<>(results);
    sorted.sort(
        Comparator.comparing((Sarif.Result r) -> r.location().file())
            .thenComparing(r -> r.location().region().startLine())
            .thenComparing(r -> r.location().region().startColumn())
            .thenComparing(Sarif.Result::ruleId));
    Sarif.Run run =
        new Sarif.Run(
            "mapguard",
            Sarif.version(),
            INFORMATION_URI,
            rules,
            workingDir,
            compiled,
            notifications,
            sorted);
    try {
      Path target = Path.of(path).toAbsolutePath();
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
        Sarif.write(run, out);
      }
    } catch (IOException | InvalidPathException | SecurityException e) {
      // The report is an extra: losing it must not fail the build, but must not go unnoticed.
      JavacProcessingEnvironment.instance(context)
          .getMessager()
          .printMessage(
              Diagnostic.Kind.NOTE, "mapguard: cannot write the report " + path + " (" + e + ")");
    }
  }
}

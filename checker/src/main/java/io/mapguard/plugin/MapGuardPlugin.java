package io.mapguard.plugin;

import com.google.auto.service.AutoService;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.util.Context;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.javac.ReportFile;
import javax.tools.Diagnostic;

/**
 * The plain javac plugin: {@code -Xplugin:MapGuard}, or with options
 * {@code -Xplugin:"MapGuard -disable=RuleA,RuleB -enable=MapCapacityHint -immediateMethods=a.B#m
 * -threadStartMethods=a.B#m -report=target/mapguard.sarif"}.
 * Same rules, lines and messages as the Error Prone checks.
 */
@AutoService(Plugin.class)
public final class MapGuardPlugin implements Plugin {
  public static final String NAME = "MapGuard";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void init(JavacTask task, String... args) {
    ReportOption report = ReportOption.take(args);
    args = report.otherArgs();
    AnalysisOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      // A bad option must not break the build: say so and run with the defaults.
      printNote(task, "mapguard: ignoring options: " + e.getMessage());
      options = AnalysisOptions.defaults();
    }
    try {
      JavacInternals.open();
    } catch (ReflectiveOperationException | RuntimeException e) {
      printNote(
          task,
          "mapguard: cannot open javac internals ("
              + e
              + "); run javac with -J--add-exports=jdk.compiler/com.sun.tools.javac.<pkg>=ALL-UNNAMED"
              + " for api, code, comp, file, main, model, parser, processing, tree, util. mapguard is"
              + " off for this compilation.");
      return;
    }
    Context context = ((BasicJavacTask) task).getContext();
    if ("".equals(report.path())) {
      printNote(task, "mapguard: -report= names no file; no report is written");
    }
    // created now, so that a compilation without findings still writes its (empty) report
    ReportFile reportFile =
        report.path() == null || report.path().isEmpty()
            ? null
            : ReportFile.forListener(context, report.path());
    Runnable parseStarted = installListenerFreeParsing(context);
    task.addTaskListener(AnalyzeListener.create(task, options, parseStarted, reportFile));
  }

  /** See {@link ListenerFreeParsing}; on a javac it does not fit, parsing stays as javac has it. */
  private static Runnable installListenerFreeParsing(Context context) {
    try {
      return ListenerFreeParsing.install(context);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return () -> {};
    }
  }

  static AnalysisOptions parse(String... args) {
    AnalysisOptions.Builder builder = AnalysisOptions.builder();
    for (String arg : args) {
      for (String part : arg.trim().split("\\s+")) {
        if (part.isEmpty()) {
          continue;
        }
        int eq = part.indexOf('=');
        String key = eq < 0 ? part : part.substring(0, eq);
        String value = eq < 0 ? "" : part.substring(eq + 1);
        switch (key) {
          case "-disable":
            builder.disable(value);
            break;
          case "-enable":
            builder.enable(value);
            break;
          case "-immediateMethods":
            builder.immediateMethods(value);
            break;
          case "-threadStartMethods":
            builder.threadStartMethods(value);
            break;
          default:
            throw new IllegalArgumentException(
                "unknown option '"
                    + part
                    + "' (known: -disable=, -enable=, -immediateMethods=, -threadStartMethods=)");
        }
      }
    }
    return builder.build();
  }

  private static void printNote(JavacTask task, String message) {
    task.addTaskListener(
        new TaskListener() {
          private boolean printed;

          @Override
          public void started(TaskEvent e) {
            if (!printed && e.getCompilationUnit() != null) {
              printed = true;
              com.sun.source.util.Trees.instance(task)
                  .printMessage(Diagnostic.Kind.NOTE, message, e.getCompilationUnit(), e.getCompilationUnit());
            }
          }
        });
  }
}

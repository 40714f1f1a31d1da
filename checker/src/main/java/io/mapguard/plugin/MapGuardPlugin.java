package io.mapguard.plugin;

import com.google.auto.service.AutoService;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.util.Context;
import io.mapguard.compiler.CompilerOptions;
import io.mapguard.compiler.ReportFile;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;

/**
 * The plain javac plugin: {@code -Xplugin:MapGuard}, or with options
 * {@code -Xplugin:"MapGuard -disable=RuleA,RuleB -enable=MapCapacityHint -immediateMethods=a.B#m
 * -threadStartMethods=a.B#m -report=target/mapguard.sarif -strict"} ({@link CompilerOptions}).
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
    CompilerOptions options = CompilerOptions.parsePlugin(args);
    // A bad option must not break the build: each is a warning and the others apply (an error
    // under -strict). Findings are warnings too, so a gate on them (-Werror) fails on it as well.
    Diagnostic.Kind severity = options.strict() ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    List<String> messages = new ArrayList<>();
    for (String problem : options.problems()) {
      messages.add("mapguard: " + problem + "; the other options apply");
    }
    String noAccess = JavacInternals.open();
    if (noAccess != null) {
      // A warning, not a note: the build has lost its checks and must be able to see it.
      messages.add(
          "mapguard is off for this compilation: it cannot reach javac's internals ("
              + noAccess
              + "). Run javac with "
              + JavacInternals.FLAGS
              + " (in .mvn/jvm.config or a forked compiler's JVM options: the same without -J)");
    }
    printAtFirstFile(task, severity, messages);
    if (noAccess != null) {
      return;
    }
    Context context = ((BasicJavacTask) task).getContext();
    CompilePolicy.preferSimple(context);
    // created now, so that a compilation without findings still writes its (empty) report
    ReportFile reportFile =
        options.reportPath() == null ? null : ReportFile.forListener(context, options.reportPath());
    Runnable parseStarted = installListenerFreeParsing(context);
    AnalyzeListener listener = AnalyzeListener.create(task, options, parseStarted, reportFile);
    // last: from here on, javac's thread uses none of the classes it initialises until it is done
    listener.waitBeforeFirstClass(ClassPreloading.start());
    task.addTaskListener(listener);
  }

  /** See {@link ListenerFreeParsing}; on a javac it does not fit, parsing stays as javac has it. */
  private static Runnable installListenerFreeParsing(Context context) {
    try {
      return ListenerFreeParsing.install(context);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return () -> {};
    }
  }

  /**
   * Prints through the public API only: these messages may say that javac's internals are out of
   * reach. {@code Trees.printMessage} needs a compilation unit, hence the listener.
   */
  private static void printAtFirstFile(
      JavacTask task, Diagnostic.Kind kind, List<String> messages) {
    if (messages.isEmpty()) {
      return;
    }
    task.addTaskListener(
        new TaskListener() {
          private boolean printed;

          @Override
          public void started(TaskEvent e) {
            if (!printed && e.getCompilationUnit() != null) {
              printed = true;
              for (String message : messages) {
                Trees.instance(task)
                    .printMessage(kind, message, e.getCompilationUnit(), e.getCompilationUnit());
              }
            }
          }
        });
  }
}

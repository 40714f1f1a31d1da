package io.mapguard.compiler;

import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Log;
import io.mapguard.engine.project.PendingFinding;
import io.mapguard.engine.report.Rule;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.tools.Diagnostic;

/** Compiler-facing messages shared by the Error Prone checks and the plain plugin. */
public final class Reporting {
  private static final Set<JCClassDecl> NOTED = Collections.newSetFromMap(new WeakHashMap<>());
  /** The messages printed in each compilation (every Error Prone check parses the options). */
  private static final Map<Context, Set<String>> PRINTED = new WeakHashMap<>();

  private Reporting() {}

  /**
   * One diagnostic per failed class, whichever rule hit it first: a NOTE, which leaves the
   * compile's status unchanged, or under {@code strict} an ERROR (the class went unchecked).
   */
  public static synchronized void reportFailureOnce(
      Context context,
      String checkName,
      JCClassDecl topLevel,
      RuntimeException failure,
      boolean strict) {
    if (!NOTED.add(topLevel)) {
      return;
    }
    JavacProcessingEnvironment.instance(context)
        .getMessager()
        .printMessage(
            strict ? Diagnostic.Kind.ERROR : Diagnostic.Kind.NOTE,
            MapGuardJavac.internalErrorNote(
                checkName, topLevel.sym.getQualifiedName().toString(), failure));
  }

  /** Prints a message without a source position, once per compilation. */
  public static synchronized void printOnce(Context context, Diagnostic.Kind kind, String message) {
    if (PRINTED.computeIfAbsent(context, c -> new HashSet<>()).add(message)) {
      JavacProcessingEnvironment.instance(context).getMessager().printMessage(kind, message);
    }
  }

  /** Code with compile errors is left to javac: analysing it would only add noise. */
  public static boolean hasErrors(Context context) {
    return Log.instance(context).nerrors > 0;
  }

  /**
   * A finding of a class on the class path ({@link MapGuardJavac#takeClassPathFindings}): it has no
   * position in this compilation's sources, so its text names the place, {@code [UnsynchronizedSharedMap]
   * lib/src/plugins/PluginVersions.java:8 (from its summary on the class path): 'VERSIONS' is …}.
   */
  public static void printFromClassPath(Context context, Diagnostic.Kind kind, Rule rule, PendingFinding finding) {
    JavacProcessingEnvironment.instance(context)
        .getMessager()
        .printMessage(
            kind,
            format(rule, finding.file() + ":" + finding.line() + " (from its summary on the class path): " + finding.message()));
  }

  /** The text both front ends print: {@code [Rule] message} and a link to the rule's page. */
  public static String format(Rule rule, String message) {
    return "[" + rule.ruleName() + "] " + message + "\n    (see " + rule.docsUrl() + ")";
  }
}

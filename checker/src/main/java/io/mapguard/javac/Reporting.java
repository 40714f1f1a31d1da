package io.mapguard.javac;

import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Log;
import io.mapguard.engine.report.Rule;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.tools.Diagnostic;

/** Compiler-facing messages shared by the Error Prone checks and the plain plugin. */
public final class Reporting {
  private static final Set<JCClassDecl> NOTED = Collections.newSetFromMap(new WeakHashMap<>());

  private Reporting() {}

  /** One NOTE per failed class, whichever rule hit it first; the compile's status is unchanged. */
  public static synchronized void noteFailureOnce(
      Context context, String checkName, JCClassDecl topLevel, RuntimeException failure) {
    if (!NOTED.add(topLevel)) {
      return;
    }
    JavacProcessingEnvironment.instance(context)
        .getMessager()
        .printMessage(
            Diagnostic.Kind.NOTE,
            MapGuardJavac.internalErrorNote(
                checkName, topLevel.sym.getQualifiedName().toString(), failure));
  }

  /** Code with compile errors is left to javac: analysing it would only add noise. */
  public static boolean hasErrors(Context context) {
    return Log.instance(context).nerrors > 0;
  }

  /** The text both front ends print: {@code [Rule] message} and a link to the rule's page. */
  public static String format(Rule rule, String message) {
    return "[" + rule.ruleName() + "] " + message + "\n    (see " + rule.docsUrl() + ")";
  }
}

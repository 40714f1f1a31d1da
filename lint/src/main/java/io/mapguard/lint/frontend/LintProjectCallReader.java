package io.mapguard.lint.frontend;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.extract.KnownApis;
import io.mapguard.engine.extract.ProjectCallShapes;
import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.lint.symbols.LintSymbols;
import io.mapguard.lint.symbols.LintTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls (and method references) of one parsed file that may run a project method, read through the same port as the
 * class analysis ({@link ProjectCallShapes}). mapvet's side of the project-wide questions: its
 * {@code LintProjectCalls} finds the files that name the method and hands each here.
 */
public final class LintProjectCallReader {
  private LintProjectCallReader() {}

  public static List<ProjectCall> callsIn(
      CompilationUnit unit, LintTypes types, AnalysisOptions options, String file, ProjectMethod method) {
    List<ProjectCall> calls = new ArrayList<>();
    KnownApis apis = new KnownApis(types, options.immediateCallbacks(), options.threadStartApis());
    LintSymbols symbols = new LintSymbols(types);
    for (TypeDeclaration<?> topLevel : unit.getTypes()) {
      LintSyntax port = new LintSyntax(symbols, topLevel);
      for (MethodReferenceExpr reference : topLevel.findAll(MethodReferenceExpr.class)) {
        if (reference.getIdentifier().equals(method.name())) {
          calls.add(ProjectCallShapes.reference(port, reference, file));
        }
      }
      for (MethodCallExpr call : topLevel.findAll(MethodCallExpr.class)) {
        if (call.getNameAsString().equals(method.name()) && call.getArguments().size() == method.arity()) {
          ProjectCall found = ProjectCallShapes.callOf(port, apis, (Node) call, file, method);
          if (found != null) {
            calls.add(found);
          }
        }
      }
    }
    return calls;
  }
}

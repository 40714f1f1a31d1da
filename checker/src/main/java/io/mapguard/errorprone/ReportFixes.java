package io.mapguard.errorprone;

import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.TreeInfo;
import io.mapguard.compiler.ReportFile;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.report.Rule;
import io.mapguard.report.Sarif;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the report file gets from Error Prone: the level a finding is reported at, and its suggested
 * fixes as SARIF fixes (the same edits, as character ranges of the file).
 */
final class ReportFixes {
  private ReportFixes() {}

  /** The level the build reports {@code rule} at: -Xep:Name:ERROR, unless -XepAllErrorsAsWarnings. */
  static String level(Rule rule, VisitorState state) {
    ErrorProneOptions options = state.errorProneOptions();
    ErrorProneOptions.Severity severity = options.getSeverityMap().get(rule.ruleName());
    if (severity == ErrorProneOptions.Severity.ERROR) {
      return options.isDropErrorsToWarnings() ? "warning" : "error";
    }
    return ReportFile.level(rule, severity == ErrorProneOptions.Severity.WARN ? "warning" : null);
  }

  /** Empty when the edits cannot be had (the fix is still offered by Error Prone itself). */
  static Optional<Sarif.Fix> of(
      SuggestedFix fix, FixHint hint, Finding finding, JCCompilationUnit unit, ReportFile report) {
    List<Sarif.Replacement> edits = new ArrayList<>();
    try {
      for (Object edit : replacements(fix, unit)) {
        Replacement replacement = (Replacement) edit;
        edits.add(
            new Sarif.Replacement(
                Sarif.Region.characters(replacement.startPosition(), replacement.length()),
                replacement.replaceWith()));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
    int importAt = importPosition(unit);
    for (String added : fix.getImportsToAdd()) {
      String statement = added.startsWith("import ") ? added : "import " + added;
      statement = statement.endsWith(";") ? statement : statement + ";";
      edits.add(
          new Sarif.Replacement(
              Sarif.Region.characters(importAt, 0),
              importAt == 0 ? statement + "\n" : "\n" + statement));
    }
    if (edits.isEmpty()) {
      return Optional.empty();
    }
    String subject = finding.field() != null ? finding.field().name() : "the map";
    return Optional.of(new Sarif.Fix(hint.suggestion(subject), report.file(unit), edits));
  }

  /**
   * {@code Fix.getReplacements} takes javac's {@code EndPosTable} up to Error Prone 2.42 and Error
   * Prone's own {@code ErrorProneEndPosTable} in newer releases; the checks are built against one
   * and run under both, so the method is looked up by name.
   */
  private static Collection<?> replacements(SuggestedFix fix, JCCompilationUnit unit)
      throws ReflectiveOperationException {
    for (Method method : Fix.class.getMethods()) {
      if (method.getName().equals("getReplacements") && method.getParameterCount() == 1) {
        Class<?> table = method.getParameterTypes()[0];
        Object endPositions =
            table.isInstance(unit.endPositions)
                ? unit.endPositions
                : table.getMethod("create", CompilationUnitTree.class).invoke(null, unit);
        return (Collection<?>) method.invoke(fix, endPositions);
      }
    }
    throw new NoSuchMethodException("Fix.getReplacements");
  }

  /** After the last import, else after the package clause, else at the start of the file. */
  private static int importPosition(JCCompilationUnit unit) {
    JCTree last = null;
    for (JCTree definition : unit.defs) {
      if (definition instanceof JCTree.JCImport || definition instanceof JCTree.JCPackageDecl) {
        last = definition;
      }
    }
    return last == null ? 0 : Math.max(0, TreeInfo.getEndPos(last, unit.endPositions));
  }
}

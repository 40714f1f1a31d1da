package io.mapguard.lint.frontend;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.extract.KnownApis;
import io.mapguard.engine.extract.ProjectCallShapes;
import io.mapguard.engine.project.CallSite;
import io.mapguard.engine.project.CallSummaries;
import io.mapguard.engine.project.FieldUse;
import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.lint.symbols.AstNodes;
import io.mapguard.lint.symbols.LintSymbols;
import io.mapguard.lint.symbols.LintTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls (and method references) of one parsed file that may run a project method, and its
 * tasks' uses of inherited map fields, read through the same port as the class analysis ({@link
 * ProjectCallShapes}). mapvet's side of the project-wide questions: its
 * {@code LintProjectCalls} finds the files that name the method and hands each here.
 */
public final class LintProjectCallReader {
  private LintProjectCallReader() {}

  public static List<ProjectCall> callsIn(
      CompilationUnit unit, LintTypes types, AnalysisOptions options, String file, ProjectMethod method) {
    List<ProjectCall> calls = new ArrayList<>();
    KnownApis apis = new KnownApis(types, options.immediateCallbacks(), options.threadStartApis());
    LintSymbols symbols = LintSymbols.forProjectQuestion(types, false);
    for (TypeDeclaration<?> topLevel : unit.getTypes()) {
      // one walk for both kinds (JavaParser's findAll walks more slowly): a file is read for every
      // method of a name it calls, and a walk up the callers reads a few files again and again
      List<MethodCallExpr> named = new ArrayList<>();
      List<MethodReferenceExpr> references = new ArrayList<>();
      AstNodes.forEachInOrder(
          topLevel,
          node -> {
            if (node instanceof MethodCallExpr call
                && call.getNameAsString().equals(method.name())
                && call.getArguments().size() == method.arity()) {
              named.add(call);
            } else if (node instanceof MethodReferenceExpr reference && reference.getIdentifier().equals(method.name())) {
              references.add(reference);
            }
          });
      LintSyntax port = new LintSyntax(calledOnInheritedName(symbols, topLevel, named), topLevel);
      ProjectCallShapes.SiteMemo memo = new ProjectCallShapes.SiteMemo();
      for (MethodReferenceExpr reference : references) {
        calls.add(ProjectCallShapes.reference(port, reference, file));
      }
      for (MethodCallExpr call : named) {
        ProjectCall found = ProjectCallShapes.callOf(port, apis, (Node) call, file, method, memo);
        if (found != null) {
          calls.add(found);
        }
      }
    }
    return calls;
  }

  /**
   * {@code symbols}, or symbols that also look up the fields {@code type} inherits from classes of
   * other files when one of {@code calls} is made on a name the file does not resolve ({@code
   * ledger.post(…)} with {@code ledger} a superclass's field there, as javac sees it): the solver's
   * parse of those files only for such a call.
   */
  private static LintSymbols calledOnInheritedName(
      LintSymbols symbols, TypeDeclaration<?> type, List<MethodCallExpr> calls) {
    if (!(type instanceof ClassOrInterfaceDeclaration declaration) || declaration.getExtendedTypes().isEmpty()) {
      return symbols;
    }
    for (MethodCallExpr call : calls) {
      Node receiver = call.getScope().orElse(null);
      boolean unresolved =
          receiver instanceof NameExpr name && symbols.variable(name) == null
              || receiver instanceof FieldAccessExpr access
                  && access.getScope() instanceof ThisExpr
                  && declaration.getFieldByName(access.getNameAsString()).isEmpty();
      if (unresolved) {
        return LintSymbols.forProjectQuestion(symbols.types(), true);
      }
    }
    return symbols;
  }

  /**
   * The uses of the map field {@code field} ({@code shop.Shelf#onHand}) that tasks in {@code unit}
   * make on their own object, having inherited it ({@link ProjectCallShapes#inheritedFieldUseOf}).
   */
  public static List<FieldUse> inheritedFieldUsesIn(
      CompilationUnit unit, LintTypes types, AnalysisOptions options, String file, String field) {
    KnownApis apis = new KnownApis(types, options.immediateCallbacks(), options.threadStartApis());
    // the field may be a superclass's in another file
    LintSymbols symbols = LintSymbols.forProjectQuestion(types, true);
    List<FieldUse> uses = new ArrayList<>();
    for (TypeDeclaration<?> topLevel : unit.getTypes()) {
      for (FieldUse use :
          inheritedFieldUses(
              unit, topLevel, new LintSyntax(symbols, topLevel), apis, file, field, new ProjectCallShapes.SiteMemo())) {
        if (use.field().equals(field)) {
          uses.add(use);
        }
      }
    }
    return uses;
  }

  /**
   * The uses in {@code type}'s tasks of map fields it inherits from another top-level class: of the
   * field named as {@code field}, or of any field when {@code field} is null (a call summary's
   * {@code use} records), from a superclass of its file or of another file of the tree (when the
   * port's symbols look there, {@link LintSymbols#looksAcrossFiles}).
   */
  private static List<FieldUse> inheritedFieldUses(
      CompilationUnit unit,
      TypeDeclaration<?> type,
      LintSyntax port,
      KnownApis apis,
      String file,
      String field,
      ProjectCallShapes.SiteMemo memo) {
    String name = field == null ? null : field.substring(field.indexOf('#') + 1);
    List<FieldUse> uses = new ArrayList<>();
    type.walk(
        Node.TreeTraversal.PREORDER,
        node -> {
          String used =
              node instanceof NameExpr n
                  ? n.getNameAsString()
                  : node instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
                      ? access.getNameAsString()
                      : null;
          if (used != null && (name == null || name.equals(used))) {
            FieldUse use = ProjectCallShapes.inheritedFieldUseOf(port, apis, port.pathTo(node), file, memo);
            if (use != null) {
              uses.add(use);
            }
          }
        });
    return uses;
  }

  /**
   * The summary of the calls written in {@code type} (a top-level type of {@code unit}) that may run
   * a method of another class, not of the JDK ({@link io.mapguard.engine.project.CallSummaries}).
   */
  public static CallSummaries.ClassCalls summarize(
      CompilationUnit unit, TypeDeclaration<?> type, LintTypes types, AnalysisOptions options, String file) {
    KnownApis apis = new KnownApis(types, options.immediateCallbacks(), options.threadStartApis());
    // a class extending another file's may use its fields, in tasks ({@code use} records) and as
    // receivers of calls: the javac plugin's summary names them, so this one reads that file too
    LintSymbols symbols = LintSymbols.forProjectQuestion(types, AstNodes.extendsAnotherFilesClass(unit));
    LintSyntax port = new LintSyntax(symbols, type);
    List<CallSite> sites = new ArrayList<>();
    ProjectCallShapes.SiteMemo memo = new ProjectCallShapes.SiteMemo();
    for (MethodReferenceExpr reference : type.findAll(MethodReferenceExpr.class)) {
      sites.add(CallSite.reference(reference.getIdentifier(), file, port.line(reference)));
    }
    String className = type.getFullyQualifiedName().orElse(type.getNameAsString());
    for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
      Object callee = port.callee(call);
      String owner = callee != null && types.ownerKnown(callee) ? types.owner(callee) : null;
      // calls of the class's own methods are asked about only while its source is read
      boolean own = owner != null && (owner.equals(className) || owner.startsWith(className + "."));
      if (owner == null || !own && !types.isJdkType(owner)) {
        sites.add(ProjectCallShapes.siteOf(port, apis, port.pathTo(call), file, memo));
      }
    }
    sites.sort(java.util.Comparator.comparingInt(CallSite::line));
    // without another top-level class in the file or a look at other files, nothing is inherited
    // from another top-level class
    List<FieldUse> uses =
        unit.getTypes().size() >= 2 || symbols.looksAcrossFiles()
            ? inheritedFieldUses(unit, type, port, apis, file, null, memo)
            : List.of();
    return new CallSummaries.ClassCalls(className, file, sites, uses);
  }
}

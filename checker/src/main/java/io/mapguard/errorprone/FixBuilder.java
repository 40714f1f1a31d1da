package io.mapguard.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCImport;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCTypeApply;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.FixHint;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/** Turns the engine's fix hints into Error Prone suggested fixes. */
final class FixBuilder {
  private FixBuilder() {}

  static Optional<SuggestedFix.Builder> fix(
      FixHint hint, Finding finding, JCCompilationUnit unit, JCTree anchor, VisitorState state) {
    switch (hint.kind()) {
      case USE_SIZED_FACTORY:
        return useSizedFactory(hint.lock(), anchor, state);
      case WRAP_SYNCHRONIZED:
        return wrapInSynchronized(hint.lock(), unit, anchor);
      case EXTEND_SYNCHRONIZED:
        return extendSynchronized(hint, finding, unit, anchor);
      case ADD_GUARDED_BY:
        return addGuardedBy(hint, finding, unit);
      case COMPUTE_IF_ABSENT:
        return ComputeIfAbsentFix.fix(unit, anchor);
      case MERGE:
        return MergeFix.fix(unit, anchor, hint.lock());
      default:
        return useConcurrentHashMap(finding);
    }
  }

  /**
   * {@code new HashMap<K, V>(n)} → {@code HashMap.<K, V>newHashMap(n)}, only when the JDK compiled
   * against has the factory (19+; not with {@code --release 17}).
   */
  private static Optional<SuggestedFix.Builder> useSizedFactory(
      String factory, JCTree anchor, VisitorState state) {
    if (!(anchor instanceof JCNewClass)
        || ((JCNewClass) anchor).args.size() != 1
        || ((JCNewClass) anchor).type == null) {
      return Optional.empty();
    }
    JCNewClass creation = (JCNewClass) anchor;
    String qualifiedType = creation.type.tsym.getQualifiedName().toString();
    String method = factory.substring(factory.indexOf('.') + 1);
    TypeElement type = state.getElements().getTypeElement(qualifiedType);
    boolean hasFactory =
        type != null
            && type.getEnclosedElements().stream()
                .anyMatch(
                    e ->
                        e.getKind() == ElementKind.METHOD
                            && e.getModifiers().contains(Modifier.STATIC)
                            && e.getSimpleName().contentEquals(method));
    if (!hasFactory) {
      return Optional.empty();
    }
    String typeArguments = "";
    if (creation.clazz instanceof JCTypeApply && !((JCTypeApply) creation.clazz).arguments.isEmpty()) {
      StringBuilder text = new StringBuilder("<");
      for (JCExpression argument : ((JCTypeApply) creation.clazz).arguments) {
        text.append(text.length() == 1 ? "" : ", ").append(state.getSourceForNode(argument));
      }
      typeArguments = text.append('>').toString();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String typeName = SuggestedFixes.qualifyType(state, fix, qualifiedType);
    String argument = state.getSourceForNode(creation.args.head);
    if (argument == null) {
      return Optional.empty(); // no end positions: the argument's text is unknown
    }
    return Optional.of(
        fix.replace(anchor, typeName + "." + typeArguments + method + "(" + argument + ")"));
  }

  /**
   * Only a lone expression or return statement, or a whole for-each loop, is wrapped: wrapping a
   * declaration breaks scope.
   */
  private static Optional<SuggestedFix.Builder> wrapInSynchronized(
      String lock, JCCompilationUnit unit, JCTree anchor) {
    TreePath path = TreePath.getPath(unit, anchor);
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      JCTree leaf = (JCTree) p.getLeaf();
      if (leaf instanceof JCTree.JCLambda || leaf instanceof JCTree.JCClassDecl) {
        return Optional.empty();
      }
      if (leaf instanceof JCTree.JCStatement) {
        boolean lone =
            (leaf instanceof JCTree.JCExpressionStatement
                    || leaf instanceof JCTree.JCReturn
                    || leaf instanceof JCTree.JCEnhancedForLoop)
                && p.getParentPath().getLeaf() instanceof JCTree.JCBlock;
        if (!lone) {
          return Optional.empty();
        }
        return Optional.of(
            SuggestedFix.builder()
                .prefixWith(leaf, "synchronized (" + lock + ") { ")
                .postfixWith(leaf, " }"));
      }
    }
    return Optional.empty();
  }

  /**
   * Moves a lone statement to the end of the {@code synchronized (lock)} block before it in the same
   * block (the one holding line {@code hint.detail()}), when no statement between them mentions the
   * field: the write then happens under the same lock hold as the earlier use of the map.
   */
  private static Optional<SuggestedFix.Builder> extendSynchronized(
      FixHint hint, Finding finding, JCCompilationUnit unit, JCTree anchor) {
    String source = FixText.source(unit);
    if (source == null || unit.endPositions == null || hint.detail() == null) {
      return Optional.empty();
    }
    int blockLine = Integer.parseInt(hint.detail());
    TreePath path = TreePath.getPath(unit, anchor);
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      JCTree leaf = (JCTree) p.getLeaf();
      if (leaf instanceof JCTree.JCLambda || leaf instanceof JCTree.JCClassDecl) {
        return Optional.empty();
      }
      if (!(leaf instanceof JCTree.JCStatement)) {
        continue;
      }
      if (!(leaf instanceof JCTree.JCExpressionStatement)
          || !(p.getParentPath().getLeaf() instanceof JCTree.JCBlock)) {
        return Optional.empty();
      }
      List<JCTree.JCStatement> statements = ((JCTree.JCBlock) p.getParentPath().getLeaf()).stats;
      int index = statements.indexOf(leaf);
      // the block to extend comes before the statement (it goes to the block's end) or after it (to its start)
      boolean blockAfter = blockLine > unit.getLineMap().getLineNumber(TreeInfo.getStartPos(leaf));
      int step = blockAfter ? 1 : -1;
      for (int i = index + step; i >= 0 && i < statements.size(); i += step) {
        JCTree.JCStatement other = statements.get(i);
        JCTree.JCExpression lock =
            other instanceof JCTree.JCSynchronized ? TreeInfo.skipParens(((JCTree.JCSynchronized) other).lock) : null;
        if (lock != null && covers(unit, other, blockLine) && hint.lock().equals(FixText.text(source, unit, lock))) {
          JCTree.JCBlock body = ((JCTree.JCSynchronized) other).body;
          String moved = FixText.text(source, unit, leaf);
          SuggestedFix.Builder fix = SuggestedFix.builder().delete(leaf);
          if (body.stats.isEmpty()) {
            return Optional.of(fix.replace(body, "{ " + moved + " }"));
          }
          return Optional.of(
              blockAfter
                  ? fix.prefixWith(body.stats.head, moved + " ")
                  : fix.postfixWith(body.stats.last(), " " + moved));
        }
        if (mentions(other, finding.field().name())) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean covers(JCCompilationUnit unit, JCTree tree, int line) {
    int first = unit.getLineMap().getLineNumber(TreeInfo.getStartPos(tree));
    int last = unit.getLineMap().getLineNumber(TreeInfo.getEndPos(tree, unit.endPositions));
    return first <= line && line <= last;
  }

  /** Whether {@code tree} names {@code field} (a simple name or {@code this.field}). */
  private static boolean mentions(JCTree tree, String field) {
    boolean[] found = {false};
    new com.sun.tools.javac.tree.TreeScanner() {
      @Override
      public void visitIdent(JCTree.JCIdent ident) {
        found[0] |= ident.name.contentEquals(field);
      }

      @Override
      public void visitSelect(JCTree.JCFieldAccess select) {
        found[0] |= select.name.contentEquals(field);
        super.visitSelect(select);
      }
    }.scan(tree);
    return found[0];
  }

  /**
   * Uses the {@code @GuardedBy} flavor the file already imports (or the class already uses), else
   * mapguard's own; the fix's description says which, and the dependency mapguard's needs.
   */
  private static Optional<SuggestedFix.Builder> addGuardedBy(
      FixHint hint, Finding finding, JCCompilationUnit unit) {
    if (finding.field().declaration() == null
        || !(finding.field().declaration().anchor() instanceof JCVariableDecl)) {
      return Optional.empty();
    }
    String flavor = hint.detail() == null ? ConcurrencyAnnotations.DEFAULT_GUARDED_BY : hint.detail();
    for (JCTree definition : unit.defs) {
      if (definition instanceof JCImport) {
        String imported = ((JCImport) definition).qualid.toString();
        if (ConcurrencyAnnotations.GUARDED_BY.contains(imported)) {
          flavor = imported;
        }
      }
    }
    JCVariableDecl field = (JCVariableDecl) finding.field().declaration().anchor();
    return Optional.of(
        SuggestedFix.builder()
            .prefixWith(field, "@GuardedBy(\"" + hint.lock() + "\") ")
            .addImport(flavor)
            .setShortDescription(
                new FixHint(hint.kind(), hint.lock(), flavor).suggestion(finding.field().name())));
  }

  private static Optional<SuggestedFix.Builder> useConcurrentHashMap(Finding finding) {
    if (finding.field().declaration() == null
        || !(finding.field().declaration().anchor() instanceof JCVariableDecl)) {
      return Optional.empty();
    }
    JCVariableDecl field = (JCVariableDecl) finding.field().declaration().anchor();
    JCExpression init = field.init == null ? null : TreeInfo.skipParens(field.init);
    if (!(init instanceof JCNewClass) || ((JCNewClass) init).def != null) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    fix.replace(baseType(((JCNewClass) init).clazz), "ConcurrentHashMap");
    if (TreeInfo.symbol(baseType(field.vartype)) != null
        && TreeInfo.symbol(baseType(field.vartype)).getQualifiedName().contentEquals("java.util.HashMap")) {
      fix.replace(baseType(field.vartype), "ConcurrentHashMap");
    }
    return Optional.of(fix.addImport("java.util.concurrent.ConcurrentHashMap"));
  }

  private static JCExpression baseType(JCExpression type) {
    return type instanceof JCTypeApply ? ((JCTypeApply) type).clazz : type;
  }
}

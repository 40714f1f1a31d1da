package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMemberReference;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCSynchronized;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import io.mapguard.engine.extract.MapUses;
import io.mapguard.engine.extract.ScanSteps;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.extract.UnitScan;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Site;
import io.mapguard.javac.ExtractionState.UnitInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The main walk: through the body of every unit, knowing which unit, class and method it is in.
 * What each node it stops at means (a use of a map, an alias, a call, a function, a creation) is
 * the engine's {@link ScanSteps} and {@link MapUses}; this class answers their questions about
 * the walk and javac's symbols.
 */
final class UseScanner extends TreePathScanner<Void, Void>
    implements ScanSteps.FrontEnd<JCTree, TreePath>, MapUses.FrontEnd<JCTree, TreePath> {
  private final ExtractionState state;
  private final SourceSites sites;
  private final CodeUnits codeUnits;
  private final ScanSteps<JCTree, TreePath> steps;
  private final Deque<UnitInfo> units = new ArrayDeque<>();
  private final Deque<JCClassDecl> classes = new ArrayDeque<>();
  /** The methods the scan is in, innermost first: escapes are named after them. */
  private final Deque<JCMethodDecl> methods = new ArrayDeque<>();

  UseScanner(ExtractionState state, SourceSites sites, CodeUnits codeUnits) {
    this.state = state;
    this.sites = sites;
    this.codeUnits = codeUnits;
    this.steps = state.scanSteps(this, this, () -> current() == null ? -1 : current().unit.id());
  }

  // ------------------------------------------------------------ the walk

  @Override
  public UnitInfo current() {
    return units.peek();
  }

  private void inUnit(CodeUnit unit, Runnable body) {
    units.push(state.infos.get(unit));
    try {
      body.run();
    } finally {
      units.pop();
    }
  }

  @Override
  public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
    JCClassDecl tree = (JCClassDecl) node;
    // scan(TreePath) leaves the scanner without a current path: take it once, up front.
    TreePath classPath = getCurrentPath();
    classes.push(tree);
    try {
      for (JCTree member : tree.defs) {
        TreePath memberPath = new TreePath(classPath, member);
        if (member instanceof JCVariableDecl && ((JCVariableDecl) member).init != null
            || member instanceof JCBlock) {
          inUnit(codeUnits.initializerUnit(tree), () -> scan(memberPath, null));
        } else {
          scan(memberPath, null);
        }
      }
    } finally {
      classes.pop();
    }
    return null;
  }

  @Override
  public Void visitMethod(com.sun.source.tree.MethodTree node, Void unused) {
    JCMethodDecl method = (JCMethodDecl) node;
    CodeUnit unit = state.methodUnits.get(method.sym);
    if (unit == null || method.body == null) {
      return null;
    }
    methods.push(method);
    for (JCVariableDecl parameter : method.params) {
      steps.parameter(JavacSyntax.path(new TreePath(getCurrentPath(), parameter)));
    }
    try {
      inUnit(unit, () -> scan(new TreePath(getCurrentPath(), method.body), null));
    } finally {
      methods.pop();
    }
    return null;
  }

  @Override
  public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
    TreePath path = getCurrentPath();
    CodeUnit unit = steps.lambda(JavacSyntax.path(path));
    inUnit(unit, () -> scan(new TreePath(path, ((JCLambda) node).body), null));
    return null;
  }

  @Override
  public Void visitMemberReference(com.sun.source.tree.MemberReferenceTree node, Void unused) {
    steps.methodReference(JavacSyntax.path(getCurrentPath()));
    return super.visitMemberReference(node, unused);
  }

  @Override
  public Void visitNewClass(com.sun.source.tree.NewClassTree node, Void unused) {
    JCNewClass creation = (JCNewClass) node;
    TreePath path = getCurrentPath();
    List<JCTree> anonymousMethods = steps.creation(JavacSyntax.path(path));
    if (creation.def == null) {
      return super.visitNewClass(node, unused);
    }
    for (JCExpression argument : creation.args) {
      scan(new TreePath(path, argument), null);
    }
    classes.push(creation.def);
    try {
      for (JCTree method : anonymousMethods) {
        scan(new TreePath(new TreePath(path, creation.def), method), null);
      }
    } finally {
      classes.pop();
    }
    return null;
  }

  @Override
  public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void unused) {
    steps.call(JavacSyntax.path(getCurrentPath()));
    return super.visitMethodInvocation(node, unused);
  }

  @Override
  public Void visitSynchronized(com.sun.source.tree.SynchronizedTree node, Void unused) {
    if (current() != null) {
      current().hasSynchronizedBlocks = true;
    }
    // The lock expression itself is not an access to the map it names.
    scan(new TreePath(getCurrentPath(), ((JCSynchronized) node).body), null);
    return null;
  }

  @Override
  public Void visitVariable(com.sun.source.tree.VariableTree node, Void unused) {
    if (((JCVariableDecl) node).sym != null) {
      steps.declaration(JavacSyntax.path(getCurrentPath()));
    }
    return super.visitVariable(node, unused);
  }

  @Override
  public Void visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree node, Void unused) {
    steps.enhancedFor((JCTree) node);
    return super.visitEnhancedForLoop(node, unused);
  }

  @Override
  public Void visitAssignment(com.sun.source.tree.AssignmentTree node, Void unused) {
    steps.assignment(JavacSyntax.path(getCurrentPath()));
    return super.visitAssignment(node, unused);
  }

  @Override
  public Void visitIdentifier(com.sun.source.tree.IdentifierTree node, Void unused) {
    if (steps.follows((JCTree) node)) {
      steps.use(JavacSyntax.path(getCurrentPath()));
    }
    return null;
  }

  @Override
  public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree node, Void unused) {
    if (state.fields.containsKey(TreeInfo.symbol((JCTree) node))) {
      steps.use(JavacSyntax.path(getCurrentPath()));
    }
    // the receiver (this.state) is read too, but it is not a map
    return super.visitMemberSelect(node, unused);
  }

  // ------------------------------------------------------------ what the engine asks

  @Override
  public TreePath position(SyntaxPath<JCTree> path) {
    return JavacSyntax.treePath(path);
  }

  @Override
  public Site site(TreePath at) {
    return sites.site(at);
  }

  @Override
  public int nextUnitId() {
    return state.nextUnitId++;
  }

  @Override
  public UnitScan<JCTree, TreePath> register(CodeUnit unit, JCTree body) {
    codeUnits.register(unit, body, classes.peek(), methods.peek());
    return state.infos.get(unit);
  }

  @Override
  public CodeUnit unitCalled(Object callee) {
    return state.methodUnits.get(callee);
  }

  @Override
  public void putMethodUnit(JCTree method, CodeUnit unit) {
    state.methodUnits.put(((JCMethodDecl) method).sym, unit);
  }

  @Override
  public CodeUnit referencedUnit(JCTree methodReference) {
    Symbol target = ((JCMemberReference) methodReference).sym;
    return target instanceof MethodSymbol ? state.methodUnits.get(target) : null;
  }

  @Override
  public List<ScanSteps.MethodUnit> unitsOfClass(JCTree creationOrThis) {
    Symbol type = creationOrThis.type == null ? null : creationOrThis.type.tsym;
    List<ScanSteps.MethodUnit> found = new ArrayList<>();
    for (Map.Entry<MethodSymbol, CodeUnit> entry : state.methodUnits.entrySet()) {
      MethodSymbol method = entry.getKey();
      if (type != null && method.owner == type) {
        found.add(new ScanSteps.MethodUnit(method.name.toString(), method.params().size(), entry.getValue()));
      }
    }
    return found;
  }

  @Override
  public String enclosingMethodName(SyntaxPath<JCTree> use) {
    JCMethodDecl method = methods.peek();
    return method == null ? "an initializer" : sites.methodName(method);
  }

  @Override
  public JCTree analysedDeclaration(Object callee) {
    CodeUnit unit = state.methodUnits.get(callee);
    return unit == null ? null : state.infos.get(unit).body;
  }
}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import io.mapguard.engine.extract.MapUses;
import io.mapguard.engine.extract.ScanSteps;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.extract.UnitScan;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Site;
import io.mapguard.lint.frontend.LintExtractionState.UnitInfo;
import io.mapguard.lint.symbols.Callee;
import io.mapguard.lint.symbols.LintSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The main walk over the class: through the body of every unit (lambdas and anonymous classes make
 * their own). What each node it stops at means (a use of a map, an alias, a call, a function, a
 * creation) is the engine's {@link ScanSteps} and {@link MapUses}; this class answers their
 * questions about the walk and JavaParser's symbols.
 */
final class LintUseScanner implements ScanSteps.FrontEnd<Node, Node>, MapUses.FrontEnd<Node, Node> {
  private final LintExtractionState state;
  private final AstFactExtractor extraction;
  private final ScanSteps<Node, Node> steps;

  LintUseScanner(AstFactExtractor extraction) {
    this.extraction = extraction;
    this.state = extraction.state;
    this.steps = state.scanSteps(this, this, () -> current() == null ? -1 : current().unit.id());
  }

  // ------------------------------------------------------------ the walk

  @Override
  public UnitInfo current() {
    return state.units.peek();
  }

  private void inUnit(CodeUnit unit, Runnable body) {
    state.units.push(state.infos.get(unit));
    try {
      body.run();
    } finally {
      state.units.pop();
    }
  }

  void scanType(TypeDeclaration<?> type) {
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof FieldDeclaration) {
        for (VariableDeclarator v : ((FieldDeclaration) member).getVariables()) {
          v.getInitializer().ifPresent(init -> inUnit(extraction.codeUnits.initializerUnit(type), () -> scan(init)));
        }
      } else if (member instanceof InitializerDeclaration) {
        inUnit(extraction.codeUnits.initializerUnit(type), () -> scan(((InitializerDeclaration) member).getBody()));
      } else if (member instanceof CallableDeclaration) {
        scanCallable((CallableDeclaration<?>) member);
      } else if (member instanceof TypeDeclaration) {
        scanType((TypeDeclaration<?>) member);
      } else {
        scan(member);
      }
    }
    if (type instanceof com.github.javaparser.ast.body.EnumDeclaration) {
      for (var constant : ((com.github.javaparser.ast.body.EnumDeclaration) type).getEntries()) {
        inUnit(extraction.codeUnits.initializerUnit(type), () -> constant.getArguments().forEach(this::scan));
        constant.getClassBody().forEach(this::scan);
      }
    }
  }

  private void scanCallable(CallableDeclaration<?> method) {
    CodeUnit unit = state.methodUnits.get(method);
    if (unit == null) {
      return;
    }
    Optional<BlockStmt> body =
        method instanceof MethodDeclaration
            ? ((MethodDeclaration) method).getBody()
            : Optional.of(((ConstructorDeclaration) method).getBody());
    for (Parameter parameter : method.getParameters()) {
      steps.parameter(LintSyntax.path(parameter));
    }
    body.ifPresent(b -> inUnit(unit, () -> scan(b)));
  }

  private void scan(Node node) {
    if (node instanceof TypeDeclaration) {
      scanType((TypeDeclaration<?>) node); // a local class
      return;
    }
    if (node instanceof LambdaExpr) {
      CodeUnit unit = steps.lambda(LintSyntax.path(node));
      inUnit(unit, () -> scan(((LambdaExpr) node).getBody()));
      return;
    }
    if (node instanceof ObjectCreationExpr) {
      ObjectCreationExpr creation = (ObjectCreationExpr) node;
      List<Node> methods = steps.creation(LintSyntax.path(creation));
      if (creation.getAnonymousClassBody().isEmpty()) {
        creation.getScope().ifPresent(this::scan);
      }
      creation.getArguments().forEach(this::scan);
      methods.forEach(method -> scanCallable((CallableDeclaration<?>) method));
      return;
    }
    if (node instanceof SynchronizedStmt) {
      if (current() != null) {
        current().hasSynchronizedBlocks = true;
      }
      // the lock expression itself is not an access to the map it names
      scan(((SynchronizedStmt) node).getBody());
      return;
    }
    if (node instanceof NameExpr) {
      if (steps.follows(node)) {
        steps.use(LintSyntax.path(node));
      }
      return;
    }
    if (node instanceof FieldAccessExpr) {
      LintSymbols.Variable variable = state.symbols.variableOf((FieldAccessExpr) node);
      if (variable != null && state.fields.containsKey(variable.declaration())) {
        steps.use(LintSyntax.path(node));
      }
      scan(((FieldAccessExpr) node).getScope());
      return;
    }
    if (node instanceof MethodReferenceExpr) {
      steps.methodReference(LintSyntax.path(node));
    } else if (node instanceof MethodCallExpr) {
      steps.call(LintSyntax.path(node));
    } else if (node instanceof VariableDeclarator && isLocal((VariableDeclarator) node)) {
      steps.declaration(LintSyntax.path(node));
    } else if (node instanceof ForEachStmt) {
      steps.enhancedFor(node);
    } else if (node instanceof AssignExpr) {
      steps.assignment(LintSyntax.path(node));
    }
    for (Node child : node.getChildNodes()) {
      scan(child);
    }
  }

  static boolean isLocal(VariableDeclarator v) {
    return !(v.getParentNode().orElse(null) instanceof FieldDeclaration);
  }

  // ------------------------------------------------------------ what the engine asks

  @Override
  public Node position(SyntaxPath<Node> path) {
    return path.leaf();
  }

  @Override
  public Site site(Node at) {
    return extraction.sites.site(at);
  }

  @Override
  public int nextUnitId() {
    return state.nextUnitId++;
  }

  @Override
  public UnitScan<Node, Node> register(CodeUnit unit, Node body) {
    extraction.codeUnits.register(unit, body);
    return state.infos.get(unit);
  }

  @Override
  public CodeUnit unitCalled(Object callee) {
    Callee c = (Callee) callee;
    Node declaration =
        c.name().equals("<init>")
            ? state.symbols.constructor(c.owner(), c.arity())
            : state.symbols.method(c.owner(), c.name(), c.arity(), c.argumentTypes());
    return declaration == null ? null : state.methodUnits.get(declaration);
  }

  @Override
  public void putMethodUnit(Node method, CodeUnit unit) {
    state.methodUnits.put(method, unit);
  }

  /**
   * The first overload with a unit: without the solver the first overload stands in for the thread
   * and lock analysis, and the reference is marked so that it is not trusted to tell what an update
   * function calls.
   */
  @Override
  public CodeUnit referencedUnit(Node methodReference) {
    MethodReferenceExpr reference = (MethodReferenceExpr) methodReference;
    CodeUnit target = null;
    List<MethodDeclaration> overloads = state.syntax.referencedOverloads(reference);
    for (MethodDeclaration m : overloads) {
      target = state.methodUnits.get(m);
      if (target != null) {
        break;
      }
    }
    if (overloads.size() > 1) {
      state.overloadedReferences.add(reference);
    }
    return target;
  }

  @Override
  public List<ScanSteps.MethodUnit> unitsOfClass(Node creationOrThis) {
    String started =
        creationOrThis instanceof ObjectCreationExpr
            ? state.types.resolve(((ObjectCreationExpr) creationOrThis).getType())
            : state.symbols.typeOf((ThisExpr) creationOrThis);
    TypeDeclaration<?> declaration = state.types.declaration(started);
    if (declaration == null && creationOrThis instanceof ObjectCreationExpr) {
      declaration = localClass((ObjectCreationExpr) creationOrThis);
    }
    List<ScanSteps.MethodUnit> found = new ArrayList<>();
    if (declaration != null) {
      for (MethodDeclaration method : declaration.getMethods()) {
        CodeUnit unit = state.methodUnits.get(method);
        if (unit != null) {
          found.add(new ScanSteps.MethodUnit(method.getNameAsString(), method.getParameters().size(), unit));
        }
      }
    }
    return found;
  }

  /**
   * The local class a {@code new} without a scope creates ({@code class Counter implements Runnable
   * {…}} declared in an enclosing block), which the type index of the tree does not hold; or null.
   */
  private static TypeDeclaration<?> localClass(ObjectCreationExpr creation) {
    if (creation.getType().getScope().isPresent()) {
      return null;
    }
    String name = creation.getType().getNameAsString();
    for (Node n = creation.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof BlockStmt) {
        for (Statement statement : ((BlockStmt) n).getStatements()) {
          if (statement instanceof LocalClassDeclarationStmt) {
            TypeDeclaration<?> local = ((LocalClassDeclarationStmt) statement).getClassDeclaration();
            if (local.getNameAsString().equals(name)) {
              return local;
            }
          }
        }
      }
      if (n instanceof TypeDeclaration) {
        return null; // a member or top-level class of that name is the type index's business
      }
    }
    return null;
  }

  @Override
  public String enclosingMethodName(SyntaxPath<Node> use) {
    for (Node n = use.leaf().getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration) {
        return state.syntax.methodDisplayName(n);
      }
    }
    return "an initializer";
  }

  @Override
  public Node analysedDeclaration(Object callee) {
    Callee c = (Callee) callee;
    if (c.name().equals("<init>")) {
      Node constructor = state.symbols.constructor(c.owner(), c.arity());
      return constructor != null && isInTopLevel(state.types.declaration(c.owner())) ? constructor : null;
    }
    Node declaration = state.symbols.method(c.owner(), c.name(), c.arity(), c.argumentTypes());
    return declaration != null && state.methodUnits.containsKey(declaration) ? declaration : null;
  }

  private boolean isInTopLevel(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n == state.topLevel) {
        return true;
      }
    }
    return false;
  }
}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.nodeTypes.NodeWithBody;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.extract.SyntaxPort;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.lint.symbols.AstNodes;
import io.mapguard.lint.symbols.Callee;
import io.mapguard.lint.symbols.LintSymbols;
import io.mapguard.lint.symbols.LintTypes;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** mapvet's answers to the shared extraction's questions, on JavaParser trees. */
final class LintSyntax implements SyntaxPort<Node> {

  /** The file's symbols. */
  private final LintSymbols symbols;

  /** The class being analysed: its own {@code this} and fields go by bare names. */
  private final TypeDeclaration<?> topLevel;

  LintSyntax(LintSymbols symbols, TypeDeclaration<?> topLevel) {
    this.symbols = symbols;
    this.topLevel = topLevel;
  }

  /** The engine's path of {@code node}: a view of it and its parents, read as a walk gets there. */
  static SyntaxPath<Node> path(Node node) {
    return new NodePath(node);
  }

  /** A node and its parents, which JavaParser links: the parent view is made when asked for. */
  private static final class NodePath implements SyntaxPath<Node> {
    private final Node node;
    private SyntaxPath<Node> parent;

    NodePath(Node node) {
      this.node = node;
    }

    @Override
    public Node leaf() {
      return node;
    }

    @Override
    public SyntaxPath<Node> parent() {
      if (parent == null) {
        parent = node.getParentNode().<SyntaxPath<Node>>map(NodePath::new).orElse(null);
      }
      return parent;
    }
  }

  @Override
  public Kind kind(Node node) {
    if (node instanceof Expression) {
      return expressionKind((Expression) node);
    }
    if (node instanceof Statement) {
      if (node instanceof IfStmt) {
        return Kind.IF;
      }
      if (node instanceof BlockStmt) {
        return Kind.BLOCK;
      }
      if (node instanceof ReturnStmt) {
        return Kind.RETURN;
      }
      if (node instanceof ThrowStmt) {
        return Kind.THROW;
      }
      if (node instanceof BreakStmt) {
        return Kind.BREAK;
      }
      if (node instanceof ForEachStmt) {
        return Kind.FOR_EACH;
      }
      if (node instanceof WhileStmt) {
        return Kind.WHILE;
      }
      if (node instanceof ForStmt) {
        return Kind.FOR;
      }
      if (node instanceof DoStmt) {
        return Kind.DO_WHILE;
      }
      if (node instanceof ContinueStmt) {
        return Kind.CONTINUE;
      }
      if (node instanceof AssertStmt) {
        return Kind.ASSERT;
      }
      if (node instanceof SynchronizedStmt) {
        return Kind.SYNCHRONIZED;
      }
      if (node instanceof TryStmt) {
        return Kind.TRY;
      }
      return node instanceof ExpressionStmt ? Kind.EXPRESSION_STATEMENT : Kind.OTHER_STATEMENT;
    }
    if (node instanceof CallableDeclaration) {
      return Kind.METHOD;
    }
    if (node instanceof TypeDeclaration) {
      return Kind.CLASS;
    }
    return node instanceof BodyDeclaration ? Kind.MEMBER : Kind.OTHER;
  }

  private static Kind expressionKind(Expression e) {
    if (e instanceof EnclosedExpr) {
      return Kind.PARENS;
    }
    if (e instanceof CastExpr) {
      return Kind.CAST;
    }
    if (e instanceof NameExpr) {
      return Kind.IDENTIFIER;
    }
    if (e instanceof ThisExpr) {
      return ((ThisExpr) e).getTypeName().isEmpty() ? Kind.THIS : Kind.QUALIFIED_THIS;
    }
    if (e instanceof ClassExpr) {
      return Kind.CLASS_LITERAL;
    }
    if (e instanceof FieldAccessExpr) {
      return Kind.FIELD_ACCESS;
    }
    if (e instanceof MethodCallExpr) {
      return Kind.METHOD_CALL;
    }
    if (e instanceof ObjectCreationExpr) {
      return Kind.NEW;
    }
    if (e instanceof LiteralExpr) {
      return Kind.LITERAL;
    }
    if (e instanceof BinaryExpr) {
      switch (((BinaryExpr) e).getOperator()) {
        case PLUS:
          return Kind.PLUS;
        case EQUALS:
          return Kind.EQUAL;
        case NOT_EQUALS:
          return Kind.NOT_EQUAL;
        case AND:
          return Kind.CONDITIONAL_AND;
        case OR:
          return Kind.CONDITIONAL_OR;
        default:
          return Kind.OTHER_EXPRESSION;
      }
    }
    if (e instanceof UnaryExpr) {
      switch (((UnaryExpr) e).getOperator()) {
        case LOGICAL_COMPLEMENT:
          return Kind.LOGICAL_NOT;
        case PREFIX_INCREMENT:
        case PREFIX_DECREMENT:
        case POSTFIX_INCREMENT:
        case POSTFIX_DECREMENT:
          return Kind.INCREMENT;
        default:
          return Kind.OTHER_EXPRESSION;
      }
    }
    if (e instanceof ArrayAccessExpr) {
      return Kind.ARRAY_ACCESS;
    }
    if (e instanceof AssignExpr) {
      return ((AssignExpr) e).getOperator() == AssignExpr.Operator.ASSIGN ? Kind.ASSIGN : Kind.COMPOUND_ASSIGN;
    }
    if (e instanceof LambdaExpr) {
      return Kind.LAMBDA;
    }
    if (e instanceof ConditionalExpr) {
      return Kind.CONDITIONAL;
    }
    if (e instanceof InstanceOfExpr) {
      return Kind.INSTANCE_OF;
    }
    return e instanceof MethodReferenceExpr ? Kind.METHOD_REFERENCE : Kind.OTHER_EXPRESSION;
  }

  @Override
  public Node skipParens(Node expression) {
    return LintSymbols.skipParens((Expression) expression);
  }

  @Override
  public Node castOperand(Node cast) {
    return ((CastExpr) cast).getExpression();
  }

  @Override
  public Node left(Node binary) {
    return ((BinaryExpr) binary).getLeft();
  }

  @Override
  public Node right(Node binary) {
    return ((BinaryExpr) binary).getRight();
  }

  @Override
  public Node operand(Node unary) {
    return unary instanceof InstanceOfExpr
        ? ((InstanceOfExpr) unary).getExpression()
        : ((UnaryExpr) unary).getExpression();
  }

  @Override
  public Node array(Node arrayAccess) {
    return ((ArrayAccessExpr) arrayAccess).getName();
  }

  @Override
  public Node assignTarget(Node assignment) {
    return ((AssignExpr) assignment).getTarget();
  }

  @Override
  public Node assignedValue(Node assignment) {
    return ((AssignExpr) assignment).getValue();
  }

  @Override
  public boolean declaresLocal(Node node) {
    return node instanceof VariableDeclarator && LintUseScanner.isLocal((VariableDeclarator) node);
  }

  @Override
  public boolean isVariableDeclaration(Node node) {
    return node instanceof VariableDeclarator;
  }

  @Override
  public Node initializer(Node declaration) {
    return ((VariableDeclarator) declaration).getInitializer().orElse(null);
  }

  @Override
  public Object declaredVariable(Node declaration) {
    return declaration;
  }

  @Override
  public boolean declaredTypeIsSubtype(Node declaration, String type) {
    return symbols.types().isSubtypeWithoutSolver(symbols.types().resolve(((VariableDeclarator) declaration).getType()), type);
  }

  @Override
  public SyntaxPath<Node> statementOfDeclaration(SyntaxPath<Node> declaration) {
    SyntaxPath<Node> expression = declaration.parent();
    SyntaxPath<Node> statement = expression == null ? null : expression.parent();
    return statement != null && statement.leaf() instanceof ExpressionStmt ? statement : null;
  }

  @Override
  public String name(Node node) {
    return node instanceof MethodReferenceExpr reference
        ? reference.getIdentifier()
        : ((NodeWithSimpleName<?>) node).getNameAsString();
  }

  @Override
  public Node selected(Node fieldAccess) {
    return ((FieldAccessExpr) fieldAccess).getScope();
  }

  @Override
  public Node receiver(Node call) {
    return ((MethodCallExpr) call).getScope().orElse(null);
  }

  @Override
  @SuppressWarnings("unchecked") // JavaParser's NodeList<Expression> read as nodes
  public List<Node> arguments(Node call) {
    return (List<Node>)
        (List<? extends Node>)
            (call instanceof ObjectCreationExpr
                ? ((ObjectCreationExpr) call).getArguments()
                : ((MethodCallExpr) call).getArguments());
  }

  @Override
  public String literalKey(Node literal) {
    if (literal instanceof NullLiteralExpr) {
      return "null";
    }
    if (literal instanceof StringLiteralExpr) {
      return "\"" + ((StringLiteralExpr) literal).asString() + "\"";
    }
    if (literal instanceof IntegerLiteralExpr) {
      return String.valueOf(((IntegerLiteralExpr) literal).asNumber());
    }
    if (literal instanceof LongLiteralExpr) {
      return String.valueOf(((LongLiteralExpr) literal).asNumber());
    }
    if (literal instanceof BooleanLiteralExpr) {
      return String.valueOf(((BooleanLiteralExpr) literal).getValue());
    }
    return null;
  }

  @Override
  public boolean isNullLiteral(Node expression) {
    return LintSymbols.skipParens((Expression) expression) instanceof NullLiteralExpr;
  }

  @Override
  public Node condition(Node test) {
    if (test instanceof ConditionalExpr) {
      return ((ConditionalExpr) test).getCondition();
    }
    return test instanceof AssertStmt ? ((AssertStmt) test).getCheck() : ((IfStmt) test).getCondition();
  }

  @Override
  public Node thenPart(Node test) {
    return test instanceof ConditionalExpr ? ((ConditionalExpr) test).getThenExpr() : ((IfStmt) test).getThenStmt();
  }

  @Override
  public Node elsePart(Node test) {
    return test instanceof ConditionalExpr
        ? ((ConditionalExpr) test).getElseExpr()
        : ((IfStmt) test).getElseStmt().orElse(null);
  }

  @Override
  public Node tryBlock(Node tryStatement) {
    return ((TryStmt) tryStatement).getTryBlock();
  }

  @Override
  public List<Node> catchBlocks(Node tryStatement) {
    List<Node> blocks = new ArrayList<>();
    for (CatchClause clause : ((TryStmt) tryStatement).getCatchClauses()) {
      blocks.add(clause.getBody());
    }
    return blocks;
  }

  @Override
  public Node returnedValue(Node returnStatement) {
    return ((ReturnStmt) returnStatement).getExpression().orElse(null);
  }

  @Override
  public Node statementExpression(Node statement) {
    return ((ExpressionStmt) statement).getExpression();
  }

  @Override
  @SuppressWarnings("unchecked") // JavaParser's NodeList<VariableDeclarator> read as nodes
  public List<Node> declarators(Node statement) {
    if (statement instanceof ExpressionStmt
        && ((ExpressionStmt) statement).getExpression() instanceof VariableDeclarationExpr) {
      return (List<Node>)
          (List<? extends Node>) ((VariableDeclarationExpr) ((ExpressionStmt) statement).getExpression()).getVariables();
    }
    return List.of();
  }

  @Override
  @SuppressWarnings("unchecked") // JavaParser's NodeList<Statement> read as nodes
  public List<Node> statements(Node block) {
    return (List<Node>) (List<? extends Node>) ((BlockStmt) block).getStatements();
  }

  @Override
  public Node iterable(Node forEach) {
    return ((ForEachStmt) forEach).getIterable();
  }

  @Override
  public String loopVariable(Node forEach) {
    return ((ForEachStmt) forEach).getVariable().getVariables().get(0).getNameAsString();
  }

  @Override
  public Node loopBody(Node loop) {
    return ((NodeWithBody<?>) loop).getBody();
  }

  @Override
  public Node loopCondition(Node loop) {
    return loop instanceof WhileStmt
        ? ((WhileStmt) loop).getCondition()
        : ((ForStmt) loop).getCompare().orElse(null);
  }

  @Override
  @SuppressWarnings("unchecked") // JavaParser's NodeList<Parameter> read as nodes
  public List<Node> parameters(Node methodOrLambda) {
    return (List<Node>)
        (List<? extends Node>)
            (methodOrLambda instanceof LambdaExpr
                ? ((LambdaExpr) methodOrLambda).getParameters()
                : ((CallableDeclaration<?>) methodOrLambda).getParameters());
  }

  @Override
  public List<String> annotationNames(Node declaration) {
    List<String> names = new ArrayList<>();
    NodeWithAnnotations<?> declared = (NodeWithAnnotations<?>) declaration;
    Type type = declaration instanceof MethodDeclaration
        ? ((MethodDeclaration) declaration).getType()
        : ((Parameter) declaration).getType();
    for (NodeList<AnnotationExpr> annotations : List.of(declared.getAnnotations(), type.getAnnotations())) {
      for (AnnotationExpr annotation : annotations) {
        String resolved = symbols.types().resolveName(annotation.getNameAsString(), annotation);
        if (resolved != null) {
          names.add(resolved);
        }
      }
    }
    return names;
  }

  @Override
  public Node calledMethod(Node call) {
    if (call instanceof MethodReferenceExpr reference) {
      return referencedMethod(reference);
    }
    Callee callee = (Callee) callee(call);
    return symbols.method(callee.owner(), callee.name(), callee.arity(), callee.argumentTypes());
  }

  /**
   * The method of this file a method reference names ({@code this::drain}, {@code Poster::drain}):
   * the first of its name in the class its scope names, as the class analysis takes it.
   */
  private Node referencedMethod(MethodReferenceExpr reference) {
    List<MethodDeclaration> named = referencedOverloads(reference);
    return named.isEmpty() ? null : named.get(0);
  }

  /**
   * The methods of this file a method reference may name: those of its name in the class its scope
   * names (without the solver, overloads are not told apart); none when that class is not here.
   */
  List<MethodDeclaration> referencedOverloads(MethodReferenceExpr reference) {
    Expression scope = reference.getScope();
    String owner =
        scope instanceof TypeExpr type ? symbols.types().resolve(type.getType()) : symbols.typeOf(scope);
    TypeDeclaration<?> declaration = owner == null ? null : symbols.types().declaration(owner);
    return declaration == null ? List.of() : declaration.getMethodsByName(reference.getIdentifier());
  }

  /**
   * Each call's callee, made once: several roles ask about the same call, and finding the receiver's
   * type may take the symbol solver.
   */
  private final Map<Node, Callee> callees = new IdentityHashMap<>();

  @Override
  public Object callee(Node call) {
    return callees.computeIfAbsent(call, LintSyntax.this::resolveCallee);
  }

  private Callee resolveCallee(Node call) {
    if (call instanceof ObjectCreationExpr) {
      ObjectCreationExpr creation = (ObjectCreationExpr) call;
      return new Callee(symbols.types().resolve(creation.getType()), "<init>", creation.getArguments().size());
    }
    MethodCallExpr invocation = (MethodCallExpr) call;
    String owner = symbols.receiverType(invocation);
    String name = invocation.getNameAsString();
    return new Callee(
        owner, name, invocation.getArguments().size(),
        symbols.argumentTypesToChoose(owner, name, invocation.getArguments()));
  }

  @Override
  public String createdTypeName(Node creation) {
    return ((ObjectCreationExpr) creation).getType().getNameAsString();
  }

  @Override
  public String variableInitializedBy(Node holder, Node value) {
    LintSymbols.Variable target = null;
    if (holder instanceof VariableDeclarator
        && ((VariableDeclarator) holder).getInitializer().map(LintSymbols::skipParens).orElse(null) == value) {
      target = declared(holder);
    } else if (holder instanceof AssignExpr && LintSymbols.skipParens(((AssignExpr) holder).getValue()) == value) {
      target = symbols.variableOf(((AssignExpr) holder).getTarget());
    }
    if (target == null) {
      return null;
    }
    return target.isField() ? fieldName(target) : target.name();
  }

  @Override
  public boolean isMap(Node expression) {
    String type = symbols.typeOf((Expression) expression);
    return type != null && symbols.types().isSubtype(type, "java.util.Map");
  }

  @Override
  public boolean isSubtype(Node expression, String type) {
    if (expression instanceof TypeDeclaration) {
      return symbols.types().isSubtype(symbols.types().qualifiedName((TypeDeclaration<?>) expression).orElse(null), type);
    }
    return symbols.types().isSubtype(symbols.typeOf((Expression) expression), type);
  }

  /**
   * Known by reflection for JDK types; for others (Guava's Monitor without its jar) the API
   * convention decides: {@code try*}, {@code *If*} and timed variants return boolean.
   */
  @Override
  public boolean returnsBoolean(Node call) {
    MethodCallExpr c = (MethodCallExpr) call;
    String name = c.getNameAsString();
    int arity = c.getArguments().size();
    String receiverType = c.getScope().map(symbols::typeOf).orElse(null);
    if (receiverType != null) {
      for (String type : symbols.types().typeAndSupertypes(receiverType)) {
        String returned = LintTypes.jdkReturnType(type, name, arity);
        if (returned != null) {
          return returned.equals("boolean");
        }
      }
    }
    return name.startsWith("try") || name.contains("If") || arity >= 2;
  }

  @Override
  public String thisName(Node self) {
    if (self instanceof TypeDeclaration) {
      return thisOf((TypeDeclaration<?>) self, ((TypeDeclaration<?>) self).getNameAsString());
    }
    ThisExpr e = (ThisExpr) self;
    if (e.getTypeName().isPresent()) {
      String qualified = symbols.types().resolveName(e.getTypeName().get().asString(), e);
      return thisOf(symbols.types().declaration(qualified), e.getTypeName().get().getIdentifier());
    }
    for (Node n = e.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration) {
        return thisOf((TypeDeclaration<?>) n, ((TypeDeclaration<?>) n).getNameAsString());
      }
      if (n instanceof ObjectCreationExpr && ((ObjectCreationExpr) n).getAnonymousClassBody().isPresent()) {
        return "anonymous@" + Integer.toHexString(System.identityHashCode(n)) + ".this";
      }
    }
    return "this";
  }

  @Override
  public String classLiteralName(Node classLiteral) {
    String written = ((ClassExpr) classLiteral).getType().asString();
    return written.substring(written.lastIndexOf('.') + 1);
  }

  @Override
  public String fieldName(Node expression) {
    LintSymbols.Variable variable = symbols.variableOf((Expression) expression);
    return variable != null && variable.isField() ? fieldName(variable) : null;
  }

  @Override
  public Node otherClassConstantInitializer(Node expression) {
    LintSymbols.Variable variable = symbols.variableOf((Expression) expression);
    if (variable == null
        || !variable.isField()
        || variable.owner() == null
        || variable.owner() == topLevel
        || !(variable.declaration() instanceof VariableDeclarator declarator)
        || !(declarator.getParentNode().orElse(null) instanceof FieldDeclaration field)
        || !field.isStatic()
        || !field.isFinal()) {
      return null;
    }
    return declarator.getInitializer().orElse(null);
  }

  @Override
  public String fieldOwner(Node expression) {
    LintSymbols.Variable variable = symbols.variableOf((Expression) expression);
    return variable != null && variable.isField() && variable.owner() != null
        ? symbols.types().qualifiedName(variable.owner()).orElse(null)
        : null;
  }

  @Override
  public boolean isStaticField(Node expression) {
    LintSymbols.Variable variable = symbols.variableOf((Expression) expression);
    return variable != null
        && variable.isField()
        && variable.declaration() instanceof VariableDeclarator declarator
        && declarator.getParentNode().orElse(null) instanceof FieldDeclaration field
        && (field.isStatic() || variable.owner() instanceof ClassOrInterfaceDeclaration type && type.isInterface());
  }

  /** The engine's name for {@code this} of {@code type}: see {@link #thisName}. */
  String thisOf(TypeDeclaration<?> type, String simpleName) {
    return type == topLevel ? "this" : simpleName + ".this";
  }

  /** The engine's name for a field: {@code cache}, or {@code State.index} outside the class analysed. */
  String fieldName(LintSymbols.Variable field) {
    if (field.owner() == topLevel || field.owner() == null) {
      return field.name();
    }
    return field.owner().getNameAsString() + "." + field.name();
  }

  @Override
  public List<String> typeAndSupertypes(Node expression) {
    String type =
        expression instanceof ObjectCreationExpr
            ? symbols.types().resolve(((ObjectCreationExpr) expression).getType())
            : symbols.typeOf((Expression) expression);
    return type == null ? null : symbols.types().typeAndSupertypes(type);
  }

  @Override
  public String staticCallTarget(Node call) {
    String owner = staticOwner((MethodCallExpr) call);
    return owner == null ? null : owner + "." + ((MethodCallExpr) call).getNameAsString();
  }

  @Override
  public String text(Node expression) {
    return expression.toString();
  }

  @Override
  public Object localVariable(Node expression) {
    Expression e = LintSymbols.skipParens((Expression) expression);
    if (!(e instanceof NameExpr)) {
      return null;
    }
    LintSymbols.Variable variable = symbols.variable((NameExpr) e);
    return variable == null || variable.isField() ? null : variable.declaration();
  }

  @Override
  public Object variable(Node expression) {
    LintSymbols.Variable variable = symbols.variableOf((Expression) expression);
    return variable == null ? null : variable.declaration();
  }

  @Override
  public boolean namesVariable(Node expression) {
    return symbols.variableOf((Expression) expression) != null;
  }

  @Override
  public void forEachNode(Node root, Predicate<Node> enter) {
    AstNodes.forEach(root, enter);
  }

  /**
   * Tests for the kinds the passes over a whole class ask for, cheaper than {@link #kind} (a chain
   * of type tests asked of every node).
   */
  private static final Map<Kind, Predicate<Node>> IS_OF_KIND =
      Map.of(
          Kind.METHOD_CALL, MethodCallExpr.class::isInstance,
          Kind.NEW, ObjectCreationExpr.class::isInstance,
          Kind.SYNCHRONIZED, SynchronizedStmt.class::isInstance,
          Kind.METHOD, CallableDeclaration.class::isInstance,
          Kind.CLASS, TypeDeclaration.class::isInstance,
          Kind.ASSIGN,
          node -> node instanceof AssignExpr && ((AssignExpr) node).getOperator() == AssignExpr.Operator.ASSIGN);

  @Override
  public void forEachNodeOf(Node root, Set<Kind> kinds, boolean declarations, Consumer<Node> action) {
    List<Predicate<Node>> wanted = new ArrayList<>();
    for (Kind kind : kinds) {
      Predicate<Node> test = IS_OF_KIND.get(kind);
      if (test == null) {
        SyntaxPort.super.forEachNodeOf(root, kinds, declarations, action);
        return;
      }
      wanted.add(test);
    }
    if (declarations) {
      wanted.add(VariableDeclarator.class::isInstance);
    }
    AstNodes.forEachInOrder(
        root,
        node -> {
          for (Predicate<Node> test : wanted) {
            if (test.test(node)) {
              action.accept(node);
              break;
            }
          }
        });
  }

  @Override
  public Node lambdaBody(Node lambda) {
    LambdaExpr l = (LambdaExpr) lambda;
    // an expression lambda's body is an expression statement around the expression
    return l.getExpressionBody().map(Node.class::cast).orElse(l.getBody());
  }

  @Override
  public String constructorReferenceType(Node methodReference) {
    MethodReferenceExpr reference = (MethodReferenceExpr) methodReference;
    return reference.getIdentifier().equals("new") && reference.getScope() instanceof TypeExpr
        ? typeName(((TypeExpr) reference.getScope()).getType())
        : null;
  }

  @Override
  public String valueDescriptor(Node expression) {
    if (expression instanceof ObjectCreationExpr) {
      String created = symbols.types().resolve(((ObjectCreationExpr) expression).getType());
      return created == null ? null : "new:" + created;
    }
    String factory = expression instanceof MethodCallExpr ? staticCallTarget(expression) : null;
    if (factory != null) {
      return "call:" + factory;
    }
    String type = symbols.typeOf((Expression) expression);
    return type == null ? null : "type:" + type;
  }

  /** The class of a static call: {@code Collections.synchronizedMap(..)} or a static import. */
  String staticOwner(MethodCallExpr call) {
    if (call.getScope().isPresent()) {
      Expression scope = LintSymbols.skipParens(call.getScope().get());
      boolean typeName =
          scope instanceof NameExpr && symbols.variable((NameExpr) scope) == null
              || scope instanceof FieldAccessExpr && symbols.variableOf(scope) == null
              || scope instanceof TypeExpr;
      return typeName ? symbols.types().resolveName(scope.toString(), call) : null;
    }
    if (symbols.method(symbols.receiverType(call), call.getNameAsString(), call.getArguments().size())
        != null) {
      return null;
    }
    for (ImportDeclaration i : call.findCompilationUnit().map(CompilationUnit::getImports).orElse(new NodeList<>())) {
      if (!i.isStatic()) {
        continue;
      }
      String name = i.getNameAsString();
      if (i.isAsterisk()) {
        if (LintTypes.jdkReturnType(name, call.getNameAsString(), call.getArguments().size()) != null) {
          return name;
        }
      } else if (name.endsWith("." + call.getNameAsString())) {
        return name.substring(0, name.lastIndexOf('.'));
      }
    }
    return null;
  }

  /** {@code java.util.List}, {@code int[]}; null for type variables, wildcards and unknown names. */
  String typeName(Type type) {
    if (type.isArrayType()) {
      String element = typeName(type.asArrayType().getComponentType());
      return element == null ? null : element + "[]";
    }
    if (type.isPrimitiveType()) {
      return type.asString();
    }
    return type.isClassOrInterfaceType() ? symbols.types().resolve(type) : null;
  }

  /** The one declarator of {@code T x = init;}, or null. */
  private static VariableDeclarator declaredBy(Node statement) {
    if (statement instanceof ExpressionStmt
        && ((ExpressionStmt) statement).getExpression() instanceof VariableDeclarationExpr) {
      VariableDeclarationExpr declaration = (VariableDeclarationExpr) ((ExpressionStmt) statement).getExpression();
      return declaration.getVariables().size() == 1 ? declaration.getVariable(0) : null;
    }
    return null;
  }

  @Override
  public String declaredName(Node statement) {
    VariableDeclarator declared = declaredBy(statement);
    return declared != null && declared.getInitializer().isPresent() ? declared.getNameAsString() : null;
  }

  @Override
  public Node declaredInitializer(Node statement) {
    return declaredBy(statement).getInitializer().orElseThrow();
  }

  @Override
  public int line(Node node) {
    return node.getBegin().map(p -> p.line).orElse(0);
  }

  private static final Map<Modifier, com.github.javaparser.ast.Modifier.Keyword> KEYWORDS =
      Map.of(
          Modifier.PRIVATE, com.github.javaparser.ast.Modifier.Keyword.PRIVATE,
          Modifier.STATIC, com.github.javaparser.ast.Modifier.Keyword.STATIC,
          Modifier.SYNCHRONIZED, com.github.javaparser.ast.Modifier.Keyword.SYNCHRONIZED,
          Modifier.VOLATILE, com.github.javaparser.ast.Modifier.Keyword.VOLATILE,
          Modifier.FINAL, com.github.javaparser.ast.Modifier.Keyword.FINAL,
          Modifier.PUBLIC, com.github.javaparser.ast.Modifier.Keyword.PUBLIC,
          Modifier.PROTECTED, com.github.javaparser.ast.Modifier.Keyword.PROTECTED);

  /** A declarator's modifiers and annotations are its declaration's. */
  private static Node declarationOf(Node node) {
    return node instanceof VariableDeclarator ? node.getParentNode().orElse(node) : node;
  }

  @Override
  public boolean hasModifier(Node declaration, Modifier modifier) {
    Node d = declarationOf(declaration);
    if ((modifier == Modifier.STATIC || modifier == Modifier.FINAL)
        && d instanceof FieldDeclaration
        && d.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration
        && ((ClassOrInterfaceDeclaration) d.getParentNode().get()).isInterface()) {
      return true; // an interface's fields are static and final
    }
    return d instanceof NodeWithModifiers && ((NodeWithModifiers<?>) d).hasModifier(KEYWORDS.get(modifier));
  }

  @Override
  public List<Annotation> annotations(Node declaration) {
    Node d = declarationOf(declaration);
    if (!(d instanceof NodeWithAnnotations)) {
      return List.of();
    }
    return annotationsOf(((NodeWithAnnotations<?>) d).getAnnotations());
  }

  private List<Annotation> annotationsOf(List<AnnotationExpr> written) {
    if (written.isEmpty()) {
      return List.of();
    }
    List<Annotation> annotations = new ArrayList<>();
    for (AnnotationExpr annotation : written) {
      annotations.add(new Annotation(annotationName(annotation), LintMapDeclarations.annotationValues(annotation)));
    }
    return annotations;
  }

  /** The qualified name of a written annotation, or its name as written when it does not resolve. */
  String annotationName(AnnotationExpr annotation) {
    String name = annotation.getNameAsString();
    return Objects.requireNonNullElse(symbols.types().resolveName(name, annotation), name);
  }

  @Override
  public Node methodBody(Node method) {
    return method instanceof ConstructorDeclaration
        ? ((ConstructorDeclaration) method).getBody()
        : ((MethodDeclaration) method).getBody().orElse(null);
  }

  @Override
  public boolean isConstructor(Node method) {
    return method instanceof ConstructorDeclaration;
  }

  @Override
  public List<String> parameterTypesAsWritten(Node method) {
    return ((CallableDeclaration<?>) method).getParameters().stream().map(p -> p.getType().asString()).toList();
  }

  /** {@code get(String)}: erased simple parameter type names, as javac spells them. */
  @Override
  public String methodDisplayName(Node method) {
    CallableDeclaration<?> callable = (CallableDeclaration<?>) method;
    StringBuilder name = new StringBuilder(callable.getNameAsString()).append('(');
    NodeList<Parameter> parameters = callable.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      name.append(i == 0 ? "" : ", ").append(simpleTypeName(parameters.get(i)));
    }
    return name.append(')').toString();
  }

  private static String simpleTypeName(Parameter parameter) {
    com.github.javaparser.ast.type.Type type = parameter.getType();
    if (parameter.isVarArgs() || type instanceof ArrayType) {
      return "Array";
    }
    if (type instanceof ClassOrInterfaceType) {
      return ((ClassOrInterfaceType) type).getNameAsString();
    }
    return type.asString();
  }

  @Override
  public boolean onlyThisFileSees(Node type) {
    for (Node n = type; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration && ((TypeDeclaration<?>) n).isPrivate()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean resolvesTypesCheaply() {
    return false;
  }

  @Override
  public boolean declaresMap(Node declaration) {
    return isMap(symbols.typeOf(declared(declaration)));
  }

  /** The variable a declarator (field or local) or a parameter declares. */
  static LintSymbols.Variable declared(Node declaration) {
    if (declaration instanceof Parameter) {
      return LintMapDeclarations.localVariable((Parameter) declaration);
    }
    VariableDeclarator v = (VariableDeclarator) declaration;
    return LintUseScanner.isLocal(v) ? LintMapDeclarations.localVariable(v) : fieldVariable(v);
  }

  @Override
  public String variableName(Node declaration) {
    LintSymbols.Variable variable = declared(declaration);
    return variable.isField() ? fieldName(variable) : variable.name();
  }

  @Override
  public List<String> declaredTypeChain(Node declaration) {
    List<String> chain = new ArrayList<>(symbols.types().typeAndSupertypes(symbols.typeOf(declared(declaration))));
    if (!chain.contains("java.util.Map")) {
      chain.add("java.util.Map"); // a known map type whose hierarchy is not on the classpath
    }
    return chain;
  }

  @Override
  public String declaredTypeAsWritten(Node declaration) {
    com.github.javaparser.ast.type.Type declared = declared(declaration).type();
    return declared != null && declared.isClassOrInterfaceType()
        ? declared.asClassOrInterfaceType().getNameAsString()
        : null;
  }

  @Override
  public String mapValueType(Node declaration) {
    com.github.javaparser.ast.type.Type declared = declared(declaration).type();
    if (declared == null || !declared.isClassOrInterfaceType()) {
      return null;
    }
    Optional<NodeList<com.github.javaparser.ast.type.Type>> arguments =
        declared.asClassOrInterfaceType().getTypeArguments();
    return arguments.isPresent() && arguments.get().size() == 2 ? typeName(arguments.get().get(1)) : null;
  }

  @Override
  public List<Annotation> typeAnnotations(Node declaration) {
    Node d = declarationOf(declaration);
    return d instanceof FieldDeclaration
        ? annotationsOf(((FieldDeclaration) d).getElementType().getAnnotations())
        : List.of();
  }

  @Override
  public Node declaringClass(Node fieldDeclaration) {
    return LintSymbols.enclosingType(fieldDeclaration);
  }

  @Override
  public String fieldNameIn(Node type, String name) {
    for (Node owner = type; owner != null; owner = owner.getParentNode().orElse(null)) {
      if (owner instanceof TypeDeclaration) {
        LintSymbols.Variable member = symbols.field((TypeDeclaration<?>) owner, name);
        if (member != null) {
          return fieldName(member);
        }
      }
    }
    return null;
  }

  /** A field's variable, as the symbol table knows it. */
  static LintSymbols.Variable fieldVariable(VariableDeclarator v) {
    return new LintSymbols.Variable(v, v.getNameAsString(), v.getType(), true, LintSymbols.enclosingType(v));
  }

  /** A known map type, or a subtype of Map. */
  boolean isMap(String type) {
    return type != null && (MapTypes.isKnown(type) || symbols.types().isSubtype(type, "java.util.Map"));
  }

  @Override
  public boolean isFieldOfNamedClass(Node declaration) {
    Node field = declaration.getParentNode().orElse(null);
    Node type = field == null ? null : field.getParentNode().orElse(null);
    return field instanceof FieldDeclaration && type instanceof TypeDeclaration && !insideAnonymousClass(type);
  }

  /** Whether a node of the class analysed is inside an anonymous class's body. */
  boolean insideAnonymousClass(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null && n != topLevel; n = n.getParentNode().orElse(null)) {
      if (n instanceof ObjectCreationExpr && ((ObjectCreationExpr) n).getAnonymousClassBody().isPresent()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean hasClassBody(Node creation) {
    return ((ObjectCreationExpr) creation).getAnonymousClassBody().isPresent();
  }

  /**
   * A variable declared here answers by its type; one declared elsewhere is taken as an int (the
   * rule then also wants a count-like name), as is a size()/length call or another shape.
   */
  @Override
  public boolean sizedByInt(Node creation) {
    Expression argument = LintSymbols.skipParensAndCasts(((ObjectCreationExpr) creation).getArgument(0));
    if (!(argument instanceof NameExpr || argument instanceof FieldAccessExpr)) {
      return true;
    }
    LintSymbols.Variable variable = symbols.variableOf(argument);
    if (variable == null || variable.type() == null) {
      return true;
    }
    com.github.javaparser.ast.type.Type type = variable.type();
    if (type.isVarType()) {
      return !isMap(symbols.typeOf(variable));
    }
    if (type.isPrimitiveType()) {
      switch (type.asPrimitiveType().getType()) {
        case INT:
        case SHORT:
        case BYTE:
        case CHAR:
          return true;
        default:
          return false;
      }
    }
    return type.isClassOrInterfaceType() && INT_BOXES.contains(type.asClassOrInterfaceType().getNameAsString());
  }

  private static final java.util.Set<String> INT_BOXES = java.util.Set.of("Integer", "Short", "Byte", "Character");

  @Override
  public Node loopVariableDeclaration(Node forEach) {
    return ((ForEachStmt) forEach).getVariable().getVariables().get(0);
  }

  @Override
  @SuppressWarnings("unchecked") // JavaParser's NodeList<Expression> read as nodes
  public List<Node> superConstructorArguments(Node constructor) {
    if (!(constructor instanceof ConstructorDeclaration)) {
      return null;
    }
    for (Statement statement : ((ConstructorDeclaration) constructor).getBody().getStatements()) {
      if (statement instanceof ExplicitConstructorInvocationStmt
          && !((ExplicitConstructorInvocationStmt) statement).isThis()) {
        return (List<Node>) (List<? extends Node>) ((ExplicitConstructorInvocationStmt) statement).getArguments();
      }
    }
    return null;
  }

  @Override
  public List<Node> classBodyMethods(Node creation) {
    List<Node> methods = new ArrayList<>();
    for (BodyDeclaration<?> member : ((ObjectCreationExpr) creation).getAnonymousClassBody().orElseThrow()) {
      if (member instanceof MethodDeclaration && ((MethodDeclaration) member).getBody().isPresent()) {
        methods.add(member);
      }
    }
    return methods;
  }

  /** {@code pkg.Outer$Inner}, as javac's flat names. */
  @Override
  public String flatName(Node type) {
    TypeDeclaration<?> declaration = (TypeDeclaration<?>) type;
    String qualified = symbols.types().qualifiedName(declaration).orElse(declaration.getNameAsString());
    String top = symbols.types().qualifiedName(topLevel).orElse(topLevel.getNameAsString());
    return qualified.startsWith(top + ".") ? top + qualified.substring(top.length()).replace('.', '$') : qualified;
  }

  @Override
  public List<String> classTypes(Node type) {
    String name = symbols.types().qualifiedName((TypeDeclaration<?>) type).orElse(null);
    return name == null ? List.of() : symbols.types().typeAndSupertypes(name);
  }

  @Override
  public Overriding overriding(Node method) {
    if (!(method instanceof MethodDeclaration)) {
      return Overriding.NONE; // a constructor
    }
    MethodDeclaration declaration = (MethodDeclaration) method;
    if (declaration.isStatic() || declaration.isPrivate()) {
      return Overriding.NONE;
    }
    Node parent = declaration.getParentNode().orElse(null);
    String owner =
        parent instanceof TypeDeclaration
            ? symbols.types().qualifiedName((TypeDeclaration<?>) parent).orElse(null)
            : null;
    if (owner == null) {
      return Overriding.OTHER; // an anonymous or local class: its supertype is what callers see
    }
    Overriding found = Overriding.NONE;
    for (String supertype : symbols.types().typeAndSupertypes(owner)) {
      if (supertype.equals(owner)) {
        continue;
      }
      switch (symbols.types().declaresMethod(supertype, declaration.getNameAsString(), declaration.getParameters().size())) {
        case PROJECT:
          found = Overriding.PROJECT;
          break;
        case LIBRARY:
        case UNKNOWN:
          return Overriding.OTHER;
        default:
          break;
      }
    }
    return found;
  }

  @Override
  public Node synchronizedLock(Node statement) {
    return LintSymbols.skipParens(((SynchronizedStmt) statement).getExpression());
  }

  @Override
  public SyntaxPath<Node> pathTo(Node node) {
    return path(node);
  }

  @Override
  public int order(Node node) {
    return LintSourceSites.order(node);
  }
}

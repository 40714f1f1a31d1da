package io.mapguard.lint.fix;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.report.FixHint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * The edits of a finding's suggested fix, on the text the finding was reported for: the same
 * repairs the Error Prone checks offer as suggested fixes (their {@code FixBuilder}), made here
 * from JavaParser's tree of that text, from the engine's {@link FixHint}. mapvet's analysis makes
 * them once per finding (on the tree it analysed), and every report uses them: SARIF's {@code
 * fixes}, the language server's quick fixes. Each is offered only for the shape it is safe on, as
 * in Error Prone; anything else gets no edit (the suggestion stays a sentence).
 */
public final class FixEdits {
  private static final List<String> PARAMETER_NAMES = List.of("absentKey", "missingKey", "newKey");
  private static final String CONCURRENT_HASH_MAP = "java.util.concurrent.ConcurrentHashMap";

  private final SourceText text;
  private final CompilationUnit unit;

  /** Edits on {@code unit}, parsed from {@code text} with positions (mapvet's analysed tree). */
  public FixEdits(SourceText text, CompilationUnit unit) {
    this.text = text;
    this.unit = unit;
  }

  /**
   * The edits that carry out {@code hint} for a finding anchored at {@code line}:{@code column}
   * (1-based, as mapvet reports it) to {@code endLine}:{@code endColumn} (inclusive), or empty when
   * none is safe there.
   *
   * @param subject the map's name (the field a fix annotates or re-creates)
   */
  public Optional<List<Edit>> edits(
      int line, int column, int endLine, int endColumn, FixHint hint, String subject) {
    com.github.javaparser.Position at = new com.github.javaparser.Position(line, column);
    Optional<List<TextEdit>> edits;
    switch (hint.kind()) {
      case WRAP_SYNCHRONIZED:
        edits = wrapInSynchronized(at, hint.lock());
        break;
      case EXTEND_SYNCHRONIZED:
        edits = extendSynchronized(at, line, column, endLine, endColumn, hint);
        break;
      case ADD_GUARDED_BY:
        edits = addGuardedBy(at, hint, subject);
        break;
      case USE_CONCURRENT_HASH_MAP:
        edits = useConcurrentHashMap(at, subject);
        break;
      case COMPUTE_IF_ABSENT:
        edits = computeIfAbsent(at);
        break;
      case MERGE:
        edits = merge(at, hint.lock());
        break;
      case USE_SIZED_FACTORY:
        edits = useSizedFactory(at, hint.lock());
        break;
      default:
        edits = Optional.empty();
    }
    return edits.map(
        list ->
            list.stream()
                .map(
                    e ->
                        new Edit(
                            e.getRange().getStart().getLine(),
                            e.getRange().getStart().getCharacter(),
                            e.getRange().getEnd().getLine(),
                            e.getRange().getEnd().getCharacter(),
                            e.getNewText()))
                .toList());
  }

  // ---- the fixes ----

  /**
   * Only a lone expression or return statement, or a whole for-each loop, directly in a block is
   * wrapped: wrapping a declaration breaks scope, and a lambda's expression body is no statement.
   */
  private Optional<List<TextEdit>> wrapInSynchronized(
      com.github.javaparser.Position at, String lock) {
    Optional<Statement> found = innermostStatementAt(at);
    if (found.isEmpty() || !isLone(found.get())) {
      return Optional.empty();
    }
    Statement statement = found.get();
    Range range = range(statement);
    String indent = indentBefore(range.getStart());
    String written = text(statement);
    String replacement;
    if (indent != null) {
      String inner = indent + "  ";
      replacement =
          "synchronized ("
              + lock
              + ") {\n"
              + inner
              + written.replace("\n", "\n  ")
              + "\n"
              + indent
              + "}";
    } else {
      replacement = "synchronized (" + lock + ") { " + written + " }";
    }
    return Optional.of(List.of(new TextEdit(range, replacement)));
  }

  private static boolean isLone(Statement statement) {
    boolean shape =
        (statement instanceof ExpressionStmt
                && !(((ExpressionStmt) statement).getExpression()
                    instanceof VariableDeclarationExpr))
            || statement instanceof ReturnStmt
            || statement instanceof ForEachStmt;
    return shape && statement.getParentNode().filter(p -> p instanceof BlockStmt).isPresent();
  }

  /**
   * Moves a lone statement into the {@code synchronized (lock)} block before or after it in the
   * same block (the one holding the hint's line): to the end of one before, to the start of one
   * after, when no statement between them mentions the map. The write then happens under the same
   * lock hold as the other use of the map.
   */
  private Optional<List<TextEdit>> extendSynchronized(
      com.github.javaparser.Position at,
      int line,
      int column,
      int endLine,
      int endColumn,
      FixHint fix) {
    if (fix.detail() == null
        || fix.detail().isEmpty()
        || !fix.detail().chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int blockLine = Integer.parseInt(fix.detail());
    Optional<Statement> found = innermostStatementAt(at);
    if (found.isEmpty()
        || !(found.get() instanceof ExpressionStmt)
        || ((ExpressionStmt) found.get()).getExpression() instanceof VariableDeclarationExpr
        || found.get().getParentNode().filter(p -> p instanceof BlockStmt).isEmpty()) {
      return Optional.empty();
    }
    Statement statement = found.get();
    String map = lastIdentifier(anchorText(line, column, endLine, endColumn));
    List<Statement> statements = ((BlockStmt) statement.getParentNode().get()).getStatements();
    int index = indexOf(statements, statement);
    // the block to extend comes before the statement (it goes to the block's end) or after it (to its start)
    boolean blockAfter = blockLine > statement.getRange().orElseThrow().begin.line;
    int step = blockAfter ? 1 : -1;
    for (int i = index + step; i >= 0 && i < statements.size(); i += step) {
      Statement other = statements.get(i);
      if (other instanceof SynchronizedStmt
          && covers(other, blockLine)
          && fix.lock().equals(text(skipParens(((SynchronizedStmt) other).getExpression())))) {
        BlockStmt body = ((SynchronizedStmt) other).getBody();
        String moved = text(statement);
        List<TextEdit> edits = new ArrayList<>();
        if (body.getStatements().isEmpty()) {
          edits.add(new TextEdit(range(body), "{ " + moved + " }"));
        } else if (blockAfter) {
          Statement first = body.getStatements().getFirst().get();
          Position start = range(first).getStart();
          String indent = indentBefore(start);
          edits.add(new TextEdit(new Range(start, start), moved + (indent != null ? "\n" + indent : " ")));
        } else {
          Statement last = body.getStatements().getLast().get();
          Position end = range(last).getEnd();
          String indent = indentBefore(range(last).getStart());
          edits.add(
              new TextEdit(
                  new Range(end, end), (indent != null ? "\n" + indent : " ") + moved));
        }
        edits.add(new TextEdit(wholeLinesOf(statement), ""));
        return Optional.of(edits);
      }
      if (map != null && mentions(other, map)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Annotates the field with the {@code @GuardedBy} flavor the file already imports, else the one
   * the suggestion names (the class's own flavor, or mapguard's), importing it.
   */
  private Optional<List<TextEdit>> addGuardedBy(
      com.github.javaparser.Position at, FixHint fix, String subject) {
    Optional<VariableDeclarator> variable = field(at, subject);
    if (variable.isEmpty()
        || variable.get().getParentNode().filter(p -> p instanceof FieldDeclaration).isEmpty()) {
      return Optional.empty();
    }
    FieldDeclaration field = (FieldDeclaration) variable.get().getParentNode().get();
    String flavor = fix.detail() == null ? FixHint.DEFAULT_GUARDED_BY : fix.detail();
    for (ImportDeclaration declaration : unit.getImports()) {
      if (!declaration.isStatic()
          && !declaration.isAsterisk()
          && ConcurrencyAnnotations.GUARDED_BY.contains(declaration.getNameAsString())) {
        flavor = declaration.getNameAsString();
      }
    }
    List<TextEdit> edits = new ArrayList<>();
    Optional<TextEdit> importEdit = importOf(flavor);
    String annotationName = "GuardedBy";
    if (importEdit.isEmpty() && !imports(flavor)) {
      annotationName = flavor; // another GuardedBy is imported: write this one out in full
    }
    importEdit.ifPresent(edits::add);
    Position start = range(field).getStart();
    String indent = indentBefore(start);
    String annotation = "@" + annotationName + "(\"" + fix.lock() + "\")";
    edits.add(
        new TextEdit(
            new Range(start, start), annotation + (indent != null ? "\n" + indent : " ")));
    return Optional.of(edits);
  }

  /**
   * {@code new HashMap<>()} (the map's initializer) becomes {@code new ConcurrentHashMap<>()}, and
   * a declared {@code HashMap} type a {@code ConcurrentHashMap} too.
   */
  private Optional<List<TextEdit>> useConcurrentHashMap(
      com.github.javaparser.Position at, String subject) {
    Optional<VariableDeclarator> variable = field(at, subject).or(() -> local(at, subject));
    if (variable.isEmpty() || variable.get().getInitializer().isEmpty()) {
      return Optional.empty();
    }
    Expression initializer = skipParens(variable.get().getInitializer().get());
    if (!(initializer instanceof ObjectCreationExpr)
        || ((ObjectCreationExpr) initializer).getAnonymousClassBody().isPresent()) {
      return Optional.empty();
    }
    List<TextEdit> edits = new ArrayList<>();
    edits.add(
        new TextEdit(typeName(((ObjectCreationExpr) initializer).getType()), "ConcurrentHashMap"));
    Type declared = variable.get().getType();
    boolean alone =
        variable.get().getParentNode().map(FixEdits::declaratorCount).orElse(1) == 1;
    if (alone && declared instanceof ClassOrInterfaceType && isHashMap((ClassOrInterfaceType) declared)) {
      edits.add(new TextEdit(typeName((ClassOrInterfaceType) declared), "ConcurrentHashMap"));
    }
    importOf(CONCURRENT_HASH_MAP).ifPresent(edits::add);
    return Optional.of(edits);
  }

  private static int declaratorCount(Node declaration) {
    if (declaration instanceof FieldDeclaration) {
      return ((FieldDeclaration) declaration).getVariables().size();
    }
    if (declaration instanceof VariableDeclarationExpr) {
      return ((VariableDeclarationExpr) declaration).getVariables().size();
    }
    return 1;
  }

  private static boolean isHashMap(ClassOrInterfaceType type) {
    String written = type.getScope().map(s -> s.asString() + ".").orElse("") + type.getNameAsString();
    return written.equals("HashMap") || written.equals("java.util.HashMap");
  }

  /**
   * {@code if (!m.containsKey(k)) m.put(k, v);} or {@code if (m.get(k) == null) { m.put(k, v); }}
   * becomes {@code m.computeIfAbsent(k, absentKey -> v);}: only that shape (no else, the put alone
   * in the branch, the same map and key text, v using no local that is assigned again).
   */
  private Optional<List<TextEdit>> computeIfAbsent(com.github.javaparser.Position at) {
    Optional<MethodCallExpr> found = putStatementAt(at);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MethodCallExpr put = found.get();
    Node branch = put.getParentNode().get();
    Node owner = branch.getParentNode().orElse(null);
    if (owner instanceof BlockStmt && ((BlockStmt) owner).getStatements().size() == 1) {
      branch = owner;
      owner = owner.getParentNode().orElse(null);
    }
    if (!(owner instanceof IfStmt)) {
      return Optional.empty();
    }
    IfStmt statement = (IfStmt) owner;
    if (statement.getThenStmt() != branch || statement.getElseStmt().isPresent()) {
      return Optional.empty();
    }
    MethodCallExpr check = checkCall(statement.getCondition());
    if (check == null
        || check.getArguments().size() != 1
        || !sameMapAndKey(put, check)
        || !onlyStableLocals(put.getArgument(1), statement)) {
      return Optional.empty();
    }
    String parameter = freshName(statement);
    if (parameter == null) {
      return Optional.empty();
    }
    String replacement =
        text(put.getScope().get())
            + ".computeIfAbsent("
            + text(put.getArgument(0))
            + ", "
            + parameter
            + " -> "
            + text(put.getArgument(1))
            + ");";
    return Optional.of(List.of(new TextEdit(range(statement), replacement)));
  }

  /** {@code !m.containsKey(k)} or {@code m.get(k) == null} / {@code null == m.get(k)}. */
  private static MethodCallExpr checkCall(Expression condition) {
    Expression c = skipParens(condition);
    if (c instanceof UnaryExpr
        && ((UnaryExpr) c).getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return named(skipParens(((UnaryExpr) c).getExpression()), "containsKey");
    }
    if (c instanceof BinaryExpr && ((BinaryExpr) c).getOperator() == BinaryExpr.Operator.EQUALS) {
      BinaryExpr binary = (BinaryExpr) c;
      if (skipParens(binary.getRight()) instanceof NullLiteralExpr) {
        return named(skipParens(binary.getLeft()), "get");
      }
      if (skipParens(binary.getLeft()) instanceof NullLiteralExpr) {
        return named(skipParens(binary.getRight()), "get");
      }
    }
    return null;
  }

  private static MethodCallExpr named(Expression e, String name) {
    return e instanceof MethodCallExpr
            && ((MethodCallExpr) e).getScope().isPresent()
            && ((MethodCallExpr) e).getNameAsString().equals(name)
        ? (MethodCallExpr) e
        : null;
  }

  /**
   * Whether {@code value} reads no local variable or parameter of the enclosing method that is
   * assigned anywhere in it (a lambda may only capture effectively final locals). Conservative: a
   * local assigned once after its declaration counts as assigned.
   */
  private static boolean onlyStableLocals(Expression value, Node at) {
    Optional<Node> scope = enclosingCallable(at);
    if (scope.isEmpty()) {
      return true;
    }
    for (NameExpr name : value.findAll(NameExpr.class)) {
      String identifier = name.getNameAsString();
      boolean local = false;
      boolean isFinal = false;
      for (Parameter parameter : scope.get().findAll(Parameter.class)) {
        if (parameter.getNameAsString().equals(identifier)) {
          local = true;
          isFinal |= parameter.isFinal();
        }
      }
      for (VariableDeclarator variable : scope.get().findAll(VariableDeclarator.class)) {
        if (variable.getNameAsString().equals(identifier)
            && variable.getParentNode().filter(p -> p instanceof VariableDeclarationExpr).isPresent()) {
          local = true;
          isFinal |= ((VariableDeclarationExpr) variable.getParentNode().get()).isFinal();
        }
      }
      if (local && !isFinal && assigned(scope.get(), identifier)) {
        return false;
      }
    }
    return true;
  }

  private static boolean assigned(Node scope, String identifier) {
    for (AssignExpr assignment : scope.findAll(AssignExpr.class)) {
      if (assignment.getTarget() instanceof NameExpr
          && ((NameExpr) assignment.getTarget()).getNameAsString().equals(identifier)) {
        return true;
      }
    }
    for (UnaryExpr unary : scope.findAll(UnaryExpr.class)) {
      if ((unary.isPrefix() || unary.isPostfix())
          && unary.getOperator() != UnaryExpr.Operator.PLUS
          && unary.getOperator() != UnaryExpr.Operator.MINUS
          && unary.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
          && unary.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT
          && unary.getExpression() instanceof NameExpr
          && ((NameExpr) unary.getExpression()).getNameAsString().equals(identifier)) {
        return true;
      }
    }
    return false;
  }

  /** A lambda parameter name the enclosing method never uses. */
  private String freshName(Node at) {
    String scope = enclosingCallable(at).map(this::text).orElse(text.text());
    for (String name : PARAMETER_NAMES) {
      if (!Pattern.compile("\\b" + name + "\\b").matcher(scope).find()) {
        return name;
      }
    }
    return null;
  }

  /**
   * {@code m.put(k, m.getOrDefault(k, 0) + n);} becomes {@code m.merge(k, n, Integer::sum);}: the
   * put a statement of its own, the same map and key text, a zero default.
   */
  private Optional<List<TextEdit>> merge(com.github.javaparser.Position at, String sum) {
    Optional<MethodCallExpr> found = sum == null ? Optional.empty() : putStatementAt(at);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MethodCallExpr put = found.get();
    Expression value = skipParens(put.getArgument(1));
    if (!(value instanceof BinaryExpr)
        || ((BinaryExpr) value).getOperator() != BinaryExpr.Operator.PLUS) {
      return Optional.empty();
    }
    BinaryExpr sumOf = (BinaryExpr) value;
    Expression increment = null;
    if (isZeroDefaultRead(sumOf.getLeft(), put)) {
      increment = sumOf.getRight();
    } else if (isZeroDefaultRead(sumOf.getRight(), put)) {
      increment = sumOf.getLeft();
    }
    if (increment == null) {
      return Optional.empty();
    }
    String replacement =
        text(put.getScope().get())
            + ".merge("
            + text(put.getArgument(0))
            + ", "
            + text(increment)
            + ", "
            + sum
            + ")";
    return Optional.of(List.of(new TextEdit(range(put), replacement)));
  }

  private boolean isZeroDefaultRead(Expression operand, MethodCallExpr put) {
    Expression e = skipParens(operand);
    if (!(e instanceof MethodCallExpr)
        || !((MethodCallExpr) e).getNameAsString().equals("getOrDefault")
        || ((MethodCallExpr) e).getArguments().size() != 2
        || !sameMapAndKey(put, (MethodCallExpr) e)) {
      return false;
    }
    Expression fallback = skipParens(((MethodCallExpr) e).getArgument(1));
    try {
      if (fallback instanceof IntegerLiteralExpr) {
        return ((IntegerLiteralExpr) fallback).asNumber().longValue() == 0;
      }
      if (fallback instanceof LongLiteralExpr) {
        return ((LongLiteralExpr) fallback).asNumber().longValue() == 0;
      }
      if (fallback instanceof DoubleLiteralExpr) {
        return ((DoubleLiteralExpr) fallback).asDouble() == 0;
      }
    } catch (NumberFormatException e1) {
      return false;
    }
    return false;
  }

  /**
   * {@code new HashMap<K, V>(n)} becomes {@code HashMap.<K, V>newHashMap(n)} (JDK 19+; the
   * suggestion says so, and the server cannot know the JDK the project compiles against).
   */
  private Optional<List<TextEdit>> useSizedFactory(com.github.javaparser.Position at, String factory) {
    if (factory == null || !factory.contains(".")) {
      return Optional.empty();
    }
    Optional<ObjectCreationExpr> found =
        unit.findAll(ObjectCreationExpr.class).stream()
            .filter(creation -> creation.getBegin().filter(at::equals).isPresent())
            .findFirst();
    if (found.isEmpty()
        || found.get().getArguments().size() != 1
        || found.get().getAnonymousClassBody().isPresent()) {
      return Optional.empty();
    }
    ObjectCreationExpr creation = found.get();
    ClassOrInterfaceType type = creation.getType();
    String typeArguments = "";
    if (type.getTypeArguments().isPresent() && !type.getTypeArguments().get().isEmpty()) {
      List<String> written = new ArrayList<>();
      type.getTypeArguments().get().forEach(argument -> written.add(text(argument)));
      typeArguments = "<" + String.join(", ", written) + ">";
    }
    String method = factory.substring(factory.lastIndexOf('.') + 1);
    String replacement =
        textOf(typeName(type))
            + "."
            + typeArguments
            + method
            + "("
            + text(creation.getArgument(0))
            + ")";
    return Optional.of(List.of(new TextEdit(range(creation), replacement)));
  }

  // ---- finding places in the tree ----

  private Optional<Statement> innermostStatementAt(com.github.javaparser.Position at) {
    return unit.findAll(Statement.class).stream()
        .filter(statement -> statement.getRange().filter(r -> r.contains(at)).isPresent())
        .min(Comparator.comparingInt(FixEdits::length));
  }

  /**
   * The two-argument {@code put} whose map reference starts at {@code at} (the finding's anchor),
   * when that call is a statement of its own.
   */
  private Optional<MethodCallExpr> putStatementAt(com.github.javaparser.Position at) {
    return unit.findAll(MethodCallExpr.class).stream()
        .filter(call -> call.getNameAsString().equals("put") && call.getArguments().size() == 2)
        .filter(call -> call.getScope().flatMap(Node::getRange).filter(r -> r.contains(at)).isPresent())
        .filter(call -> call.getParentNode().filter(p -> p instanceof ExpressionStmt).isPresent())
        .min(Comparator.comparingInt(FixEdits::length));
  }

  /**
   * The field named {@code name} of the innermost type around {@code at} that declares one, else
   * of any type of the file.
   */
  private Optional<VariableDeclarator> field(com.github.javaparser.Position at, String name) {
    if (name == null) {
      return Optional.empty();
    }
    String simple = name.substring(name.lastIndexOf('.') + 1);
    List<TypeDeclaration<?>> around = new ArrayList<>();
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      if (type.getRange().filter(r -> r.contains(at)).isPresent()) {
        around.add(type);
      }
    }
    around.sort(Comparator.comparingInt(FixEdits::length));
    for (TypeDeclaration<?> type : around) {
      for (BodyDeclaration<?> member : type.getMembers()) {
        if (member instanceof FieldDeclaration) {
          for (VariableDeclarator variable : ((FieldDeclaration) member).getVariables()) {
            if (variable.getNameAsString().equals(simple)) {
              return Optional.of(variable);
            }
          }
        }
      }
    }
    for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
      for (VariableDeclarator variable : field.getVariables()) {
        if (variable.getNameAsString().equals(simple)) {
          return Optional.of(variable);
        }
      }
    }
    return Optional.empty();
  }

  /** The local variable named {@code name} in the method around {@code at}. */
  private Optional<VariableDeclarator> local(com.github.javaparser.Position at, String name) {
    if (name == null) {
      return Optional.empty();
    }
    Optional<Node> callable =
        unit.findAll(CallableDeclaration.class).stream()
            .filter(c -> c.getRange().filter(r -> r.contains(at)).isPresent())
            .min(Comparator.comparingInt(FixEdits::length))
            .map(c -> (Node) c);
    return callable.flatMap(
        c ->
            c.findAll(VariableDeclarator.class).stream()
                .filter(v -> v.getNameAsString().equals(name))
                .filter(v -> v.getParentNode().filter(p -> p instanceof VariableDeclarationExpr).isPresent())
                .findFirst());
  }

  private static Optional<Node> enclosingCallable(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration || n instanceof LambdaExpr) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private boolean covers(Node node, int line) {
    return node.getRange().filter(r -> r.begin.line <= line && line <= r.end.line).isPresent();
  }

  /** Whether {@code node} names {@code name} (a simple name or {@code x.name}). */
  private static boolean mentions(Node node, String name) {
    return node.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(name))
        || node.findAll(FieldAccessExpr.class).stream()
            .anyMatch(f -> f.getNameAsString().equals(name));
  }

  private boolean sameMapAndKey(MethodCallExpr put, MethodCallExpr other) {
    return other.getScope().isPresent()
        && !other.getArguments().isEmpty()
        && text(put.getScope().get()).equals(text(other.getScope().get()))
        && text(put.getArgument(0)).equals(text(other.getArgument(0)));
  }

  private static Expression skipParens(Expression expression) {
    Expression e = expression;
    while (e instanceof EnclosedExpr) {
      e = ((EnclosedExpr) e).getInner();
    }
    return e;
  }

  private static int indexOf(List<Statement> statements, Statement statement) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i) == statement) {
        return i;
      }
    }
    return -1;
  }

  private static int length(Node node) {
    return node.getRange()
        .map(r -> (r.end.line - r.begin.line) * 10_000 + (r.end.column - r.begin.column))
        .orElse(Integer.MAX_VALUE);
  }

  // ---- text ----

  /** An import of {@code qualified}, or empty when the file has it (or its package's) already. */
  private Optional<TextEdit> importOf(String qualified) {
    if (imports(qualified)) {
      return Optional.empty();
    }
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    for (ImportDeclaration declaration : unit.getImports()) {
      if (!declaration.isStatic()
          && !declaration.isAsterisk()
          && declaration.getName().getIdentifier().equals(simple)) {
        return Optional.empty(); // another class of that name is imported; callers write it out
      }
    }
    String statement = "import " + qualified + ";";
    Optional<Node> after =
        unit.getImports().isEmpty()
            ? unit.getPackageDeclaration().map(p -> (Node) p)
            : Optional.of(unit.getImports().get(unit.getImports().size() - 1));
    if (after.isPresent()) {
      Position end = range(after.get()).getEnd();
      String gap = unit.getImports().isEmpty() ? "\n\n" : "\n";
      return Optional.of(new TextEdit(new Range(end, end), gap + statement));
    }
    Position top = new Position(0, 0);
    return Optional.of(new TextEdit(new Range(top, top), statement + "\n\n"));
  }

  private boolean imports(String qualified) {
    String packageName = qualified.substring(0, Math.max(0, qualified.lastIndexOf('.')));
    for (ImportDeclaration declaration : unit.getImports()) {
      if (declaration.isStatic()) {
        continue;
      }
      if (declaration.isAsterisk()
          ? declaration.getNameAsString().equals(packageName)
          : declaration.getNameAsString().equals(qualified)) {
        return true;
      }
    }
    return unit.getPackageDeclaration().map(p -> p.getNameAsString().equals(packageName)).orElse(false);
  }

  /** The range of a type's name as written, with its qualifier and without type arguments. */
  private Range typeName(ClassOrInterfaceType type) {
    Position start = range(type.getScope().map(s -> (Node) s).orElse(type.getName())).getStart();
    return new Range(start, range(type.getName()).getEnd());
  }

  private String textOf(Range range) {
    return text.between(text.offset(range.getStart()), text.offset(range.getEnd()));
  }

  private String text(Node node) {
    return textOf(range(node));
  }

  private String anchorText(int line, int column, int endLine, int endColumn) {
    return textOf(new Range(SourceText.start(line, column), SourceText.endAfter(endLine, endColumn)));
  }

  private static String lastIdentifier(String written) {
    String[] parts = written.split("[^\\p{javaJavaIdentifierPart}]+");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty() && Character.isJavaIdentifierStart(parts[i].charAt(0))) {
        return parts[i];
      }
    }
    return null;
  }

  /** The white space before {@code start} on its line, or null when code comes first. */
  private String indentBefore(Position start) {
    String before = text.line(start.getLine()).substring(0, Math.min(start.getCharacter(), text.line(start.getLine()).length()));
    return before.isBlank() ? before : null;
  }

  /**
   * The node's range, widened to its whole lines (their indentation and line break) when nothing
   * else shares them, so that deleting it leaves no blank line.
   */
  private Range wholeLinesOf(Node node) {
    Range range = range(node);
    String first = text.line(range.getStart().getLine());
    String last = text.line(range.getEnd().getLine());
    boolean aloneBefore = first.substring(0, Math.min(range.getStart().getCharacter(), first.length())).isBlank();
    boolean aloneAfter = last.substring(Math.min(range.getEnd().getCharacter(), last.length())).isBlank();
    if (aloneBefore && aloneAfter && range.getEnd().getLine() + 1 < text.lineCount()) {
      return new Range(
          new Position(range.getStart().getLine(), 0), new Position(range.getEnd().getLine() + 1, 0));
    }
    return range;
  }

  static Range range(Node node) {
    com.github.javaparser.Range r = node.getRange().orElseThrow();
    return new Range(
        SourceText.start(r.begin.line, r.begin.column), SourceText.endAfter(r.end.line, r.end.column));
  }
}

package io.mapguard.lint.symbols;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnknownType;
import com.github.javaparser.ast.type.WildcardType;
import io.mapguard.engine.knowledge.MapMethods;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What names mean in one file, without a compiler: which declaration a simple name refers to (a
 * local, a parameter or a field of this file), the erased type of an expression when the file's
 * declarations, imports and JDK reflection tell it, and which of this file's methods a call targets.
 * Anything it cannot tell is null; callers treat null as "not a map, not a lock".
 */
public final class LintSymbols {
  /** A declaration a name can refer to: a local or parameter, or a field of a class in this file. */
  public record Variable(Node declaration, String name, Type type, boolean isField, TypeDeclaration<?> owner) {
    Optional<Expression> initializer() {
      return declaration instanceof VariableDeclarator
          ? ((VariableDeclarator) declaration).getInitializer()
          : Optional.empty();
    }
  }

  /** Stands for "no declaration" among the remembered lookups. */
  private static final Variable NONE = new Variable(null, "", null, false, null);

  private final LintTypes types;
  /** Each name's lookup, remembered: the extractor and the call syntax ask for most names several times. */
  private final Map<NameExpr, Variable> variables = new IdentityHashMap<>();
  /** The methods of one name and arity of this file's classes, by "owner#name/arity": asked for each call. */
  private final Map<String, List<MethodDeclaration>> overloads = new HashMap<>();

  /**
   * Whether a name may refer to a field a superclass in another file of the tree declares ({@link
   * LintTypes#treeSuperclasses}): that takes the symbol solver's parse of the superclass's file, so
   * only the questions about such fields ask it, and the files that may hand tasks to such a
   * field's executor, or inherit such a field ({@link #forClass}).
   */
  private final boolean inheritedAcrossFiles;

  /**
   * The names of the executor start methods whose receiver ({@code Loop.POOL.execute(…)}) may be a
   * constant of another file's class ({@link LintTypes#declarationInTree}); empty when names are
   * looked up in this file and its superclasses only.
   */
  private final Set<String> executorCallsAcrossFiles;

  /**
   * Whether a call of a method of another file's class of the tree has the type that method
   * returns ({@link LintTypes#treeMethodReturnType}: the solver's parse of that file): for the
   * project questions, which read a few calls of one method ({@code
   * Registry.getRegistry().register(…)} as javac types it), not for the class analysis's every call.
   */
  private final boolean treeReturnTypes;

  public LintSymbols(LintTypes types) {
    this(types, false, Set.of(), false);
  }

  /** @param inheritedAcrossFiles see {@link #inheritedAcrossFiles} */
  public LintSymbols(LintTypes types, boolean inheritedAcrossFiles) {
    this(types, inheritedAcrossFiles, Set.of(), false);
  }

  private LintSymbols(
      LintTypes types, boolean inheritedAcrossFiles, Set<String> executorCallsAcrossFiles, boolean treeReturnTypes) {
    this.types = types;
    this.inheritedAcrossFiles = inheritedAcrossFiles;
    this.executorCallsAcrossFiles = executorCallsAcrossFiles;
    this.treeReturnTypes = treeReturnTypes;
  }

  /**
   * The symbols of a project question's read of a file ({@link #treeReturnTypes}), looking up
   * fields inherited from other files' classes or not.
   */
  public static LintSymbols forProjectQuestion(LintTypes types, boolean inheritedAcrossFiles) {
    return new LintSymbols(types, inheritedAcrossFiles, Set.of(), true);
  }

  /**
   * The symbols of {@code type}, a class of the main extraction, which may use what another file of
   * the tree declares, as javac sees the whole compilation: the maps and executors of a superclass
   * there ({@code stock.merge(…)} in a task, {@code workers.execute(…)}), another class's executor
   * constant ({@code Loop.POOL.execute(…)}). Only when the source hands tasks to an executor (it
   * calls one of {@code executorMethods} on something, a look at its text), or names a map field a
   * superclass in another file may declare for it to inherit (a look at that file's text, {@link
   * LintTypes#mayInheritMapFromOtherFiles}). Most classes do neither, and never ask the
   * symbol solver for it (reading the superclasses of every class that extends another file's cost
   * mapvet a fifth of a scan of guava).
   */
  public static LintSymbols forClass(
      LintTypes types, TypeDeclaration<?> type, String source, Set<String> executorMethods) {
    if (callsOneOn(source, executorMethods)) {
      return new LintSymbols(types, true, executorMethods, false);
    }
    // then every name may be such a field, not only the maps': the lock the superclass declares for
    // them, too (fixture ServletLocksInheritedMapWithInheritedLock)
    return new LintSymbols(types, types.mayInheritMapFromOtherFiles(type, field -> names(source, field)));
  }

  /**
   * Whether {@code source} has {@code name} as a whole word. On the whole text, not line by line: a
   * line cut from the text for each name asked cost 2% of a scan of guava.
   */
  static boolean names(String source, String name) {
    return CallText.hasWord(source, name);
  }

  /**
   * Whether {@code source} calls one of {@code methods} on something ({@code x.execute(}, also with
   * the dot or the name at the end of a line).
   */
  static boolean callsOneOn(String source, Set<String> methods) {
    for (int open = source.indexOf('('); open > 0; open = source.indexOf('(', open + 1)) {
      String name = CallText.nameBefore(source, open);
      if (name != null && methods.contains(name) && CallText.calledOnSomething(source, open)) {
        return true;
      }
    }
    return false;
  }

  public LintTypes types() {
    return types;
  }

  /** See {@link #inheritedAcrossFiles}. */
  public boolean looksAcrossFiles() {
    return inheritedAcrossFiles;
  }

  // ------------------------------------------------------------------ names

  /** The declaration {@code name} refers to at its position, or null (a type name, a static import…). */
  public Variable variable(NameExpr name) {
    Variable known = variables.get(name);
    if (known == null) {
      known = lookUp(name);
      variables.put(name, known == null ? NONE : known);
    }
    return known == NONE ? null : known;
  }

  private Variable lookUp(NameExpr name) {
    String identifier = name.getNameAsString();
    Node child = name;
    for (Node n = name.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
      Variable found = declaredIn(n, child, identifier);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private Variable declaredIn(Node scope, Node child, String identifier) {
    if (scope instanceof BlockStmt || scope instanceof SwitchEntry) {
      NodeList<Statement> statements =
          scope instanceof BlockStmt ? ((BlockStmt) scope).getStatements() : ((SwitchEntry) scope).getStatements();
      for (Statement statement : statements) {
        if (statement == child) {
          break; // only declarations before the use are in scope
        }
        Variable local = localIn(statement, identifier);
        if (local != null) {
          return local;
        }
      }
    } else if (scope instanceof ForStmt) {
      for (Expression init : ((ForStmt) scope).getInitialization()) {
        Variable local = declaredBy(init, identifier);
        if (local != null) {
          return local;
        }
      }
    } else if (scope instanceof ForEachStmt) {
      Variable local = declaredBy(((ForEachStmt) scope).getVariable(), identifier);
      if (local != null) {
        return local;
      }
    } else if (scope instanceof TryStmt) {
      for (Expression resource : ((TryStmt) scope).getResources()) {
        Variable local = declaredBy(resource, identifier);
        if (local != null) {
          return local;
        }
      }
    } else if (scope instanceof CatchClause) {
      Parameter p = ((CatchClause) scope).getParameter();
      if (p.getNameAsString().equals(identifier)) {
        return new Variable(p, identifier, p.getType(), false, null);
      }
    } else if (scope instanceof LambdaExpr) {
      NodeList<Parameter> parameters = ((LambdaExpr) scope).getParameters();
      for (int i = 0; i < parameters.size(); i++) {
        Parameter p = parameters.get(i);
        if (p.getNameAsString().equals(identifier)) {
          Type type = p.getType() instanceof UnknownType ? mapCallbackParameterType((LambdaExpr) scope, i) : null;
          return new Variable(p, identifier, type == null ? p.getType() : type, false, null);
        }
      }
    } else if (scope instanceof CallableDeclaration) {
      for (Parameter p : ((CallableDeclaration<?>) scope).getParameters()) {
        if (p.getNameAsString().equals(identifier)) {
          return new Variable(p, identifier, p.getType(), false, null);
        }
      }
    } else if (scope instanceof TypeDeclaration) {
      return field((TypeDeclaration<?>) scope, identifier);
    } else if (scope instanceof ObjectCreationExpr && child != ((ObjectCreationExpr) scope).getType()) {
      // members of an anonymous class are not map fields of ours: only look through them
      Optional<NodeList<BodyDeclaration<?>>> body = ((ObjectCreationExpr) scope).getAnonymousClassBody();
      if (body.isPresent()) {
        for (BodyDeclaration<?> member : body.get()) {
          if (member instanceof FieldDeclaration) {
            for (VariableDeclarator v : ((FieldDeclaration) member).getVariables()) {
              if (v.getNameAsString().equals(identifier)) {
                return new Variable(v, identifier, v.getType(), false, null);
              }
            }
          }
        }
      }
    }
    if (child instanceof Statement || child instanceof Expression) {
      Variable pattern = patternBefore(scope, child, identifier);
      if (pattern != null) {
        return pattern;
      }
    }
    return null;
  }

  /**
   * The type of an implicit parameter of a lambda given to a map's {@code computeIfPresent},
   * {@code forEach}… ({@link MapMethods#CALLBACK_PARAMETER_TYPES}), from the type arguments the
   * map's variable is declared with ({@code Map<String, TrieNode> children}); null when unknown.
   */
  private Type mapCallbackParameterType(LambdaExpr lambda, int index) {
    if (!(lambda.getParentNode().orElse(null) instanceof MethodCallExpr call)
        || call.getArguments().isEmpty()
        || call.getArguments().getLast().orElse(null) != lambda
        || call.getScope().isEmpty()) {
      return null;
    }
    List<Integer> roles = MapMethods.CALLBACK_PARAMETER_TYPES.get(call.getNameAsString());
    return roles == null || index >= roles.size() ? null : mapTypeArgument(call.getScope().get(), roles.get(index));
  }

  /**
   * The type argument ({@code 0} keys, {@code 1} values) the map variable {@code map} names is
   * declared with ({@code Map<String, TrieNode> children}), or null when it names none, is not a
   * map, or the argument is a wildcard.
   */
  private Type mapTypeArgument(Expression map, int index) {
    Variable variable = variableOf(map);
    if (variable == null
        || !(variable.type() instanceof ClassOrInterfaceType declared)
        || declared.getTypeArguments().map(NodeList::size).orElse(0) != 2
        || !types.isSubtype(typeOf(variable), "java.util.Map")) {
      return null;
    }
    Type argument = declared.getTypeArguments().get().get(index);
    return argument instanceof WildcardType ? null : argument;
  }

  /**
   * Pattern variables ({@code o instanceof Map<?, ?> m}, {@code case Added(var key)}) visible from
   * {@code child}: only the conditions and case labels of {@code scope} are searched, and in a block
   * the conditions of earlier {@code if}s ({@code if (!(o instanceof T t)) return;}). Searching whole
   * subtrees here made name lookup quadratic in the size of a method.
   */
  private Variable patternBefore(Node scope, Node child, String identifier) {
    List<Node> places = new ArrayList<>();
    if (scope instanceof IfStmt) {
      places.add(((IfStmt) scope).getCondition());
    } else if (scope instanceof WhileStmt) {
      places.add(((WhileStmt) scope).getCondition());
    } else if (scope instanceof ForStmt) {
      ((ForStmt) scope).getCompare().ifPresent(places::add);
    } else if (scope instanceof ConditionalExpr) {
      places.add(((ConditionalExpr) scope).getCondition());
    } else if (scope instanceof BinaryExpr) {
      places.add(((BinaryExpr) scope).getLeft());
    } else if (scope instanceof SwitchEntry) {
      places.addAll(((SwitchEntry) scope).getLabels());
      ((SwitchEntry) scope).getGuard().ifPresent(places::add);
    } else if (scope instanceof BlockStmt) {
      for (Statement statement : ((BlockStmt) scope).getStatements()) {
        if (statement == child) {
          break;
        }
        if (statement instanceof IfStmt) {
          places.add(((IfStmt) statement).getCondition());
        }
      }
    }
    for (Node place : places) {
      if (place == child) {
        continue;
      }
      for (TypePatternExpr pattern : AstNodes.all(place, TypePatternExpr.class)) {
        if (pattern.getNameAsString().equals(identifier)) {
          return new Variable(pattern, identifier, pattern.getType(), false, null);
        }
      }
    }
    return null;
  }

  private Variable localIn(Statement statement, String identifier) {
    if (statement instanceof ExpressionStmt) {
      return declaredBy(((ExpressionStmt) statement).getExpression(), identifier);
    }
    return null;
  }

  private Variable declaredBy(Expression expression, String identifier) {
    if (expression instanceof VariableDeclarationExpr) {
      for (VariableDeclarator v : ((VariableDeclarationExpr) expression).getVariables()) {
        if (v.getNameAsString().equals(identifier)) {
          return new Variable(v, identifier, v.getType(), false, null);
        }
      }
    }
    return null;
  }

  /**
   * A field named {@code identifier} of {@code type} or of its superclasses declared in this file
   * (and, with {@link #inheritedAcrossFiles}, a non-private one of those in other files of the tree).
   */
  public Variable field(TypeDeclaration<?> type, String identifier) {
    Variable own = fieldInFile(type, identifier);
    if (own != null || !inheritedAcrossFiles) {
      return own;
    }
    Optional<String> name = types.qualifiedName(type);
    if (name.isEmpty()) {
      return null;
    }
    for (TypeDeclaration<?> superclass : types.treeSuperclasses(name.get())) {
      for (FieldDeclaration declaration : superclass.getFields()) {
        if (declaration.isPrivate()) {
          continue;
        }
        for (VariableDeclarator v : declaration.getVariables()) {
          if (v.getNameAsString().equals(identifier)) {
            return new Variable(v, identifier, v.getType(), true, superclass);
          }
        }
      }
    }
    return null;
  }

  private Variable fieldInFile(TypeDeclaration<?> type, String identifier) {
    for (FieldDeclaration declaration : type.getFields()) {
      for (VariableDeclarator v : declaration.getVariables()) {
        if (v.getNameAsString().equals(identifier)) {
          return new Variable(v, identifier, v.getType(), true, type);
        }
      }
    }
    if (type instanceof RecordDeclaration) {
      for (Parameter p : ((RecordDeclaration) type).getParameters()) {
        if (p.getNameAsString().equals(identifier)) {
          return new Variable(p, identifier, p.getType(), true, type);
        }
      }
    }
    Optional<String> name = types.qualifiedName(type);
    if (name.isPresent()) {
      for (String supertype : types.sameFileSuperclasses(name.get())) {
        TypeDeclaration<?> declared = types.declaration(supertype);
        if (declared != null && declared != type) {
          Variable inherited = fieldInFile(declared, identifier);
          if (inherited != null) {
            return inherited;
          }
        }
      }
    }
    return null;
  }

  /**
   * The variable an expression denotes directly: {@code x}, {@code this.x}, {@code Outer.this.x},
   * {@code state.x} / {@code State.X} for fields of this file's classes.
   */
  public Variable variableOf(Expression expression) {
    Expression e = skipParens(expression);
    if (e instanceof NameExpr) {
      return variable((NameExpr) e);
    }
    if (e instanceof FieldAccessExpr) {
      FieldAccessExpr access = (FieldAccessExpr) e;
      Expression scope = skipParens(access.getScope());
      TypeDeclaration<?> owner = null;
      if (scope instanceof ThisExpr) {
        owner =
            ((ThisExpr) scope).getTypeName().isPresent()
                ? types.declaration(types.resolveName(((ThisExpr) scope).getTypeName().get().asString(), e))
                : enclosingType(e);
      } else {
        String scopeType = typeOf(scope);
        if (scopeType == null && scope instanceof NameExpr && variable((NameExpr) scope) == null) {
          scopeType = types.resolveName(((NameExpr) scope).getNameAsString(), e); // State.X
        } else if (scopeType == null && scope instanceof FieldAccessExpr) {
          scopeType = types.resolveName(scope.toString(), e);
        }
        owner = types.declaration(scopeType);
        if (owner == null && receivesAnExecutorCall(access)) {
          owner = types.declarationInTree(scopeType); // Loop.POOL.execute(…), Loop declared in another file
        }
      }
      return owner == null ? null : field(owner, access.getNameAsString());
    }
    return null;
  }

  /** Whether {@code access} is the receiver of an executor start call looked up across files. */
  private boolean receivesAnExecutorCall(FieldAccessExpr access) {
    return !executorCallsAcrossFiles.isEmpty()
        && access.getParentNode().orElse(null) instanceof MethodCallExpr call
        && call.getScope().orElse(null) == access
        && executorCallsAcrossFiles.contains(call.getNameAsString());
  }

  /** The innermost named or anonymous class body around {@code node}, as its declaration (or null if anonymous). */
  public static TypeDeclaration<?> enclosingType(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration) {
        return (TypeDeclaration<?>) n;
      }
      if (n instanceof ObjectCreationExpr && ((ObjectCreationExpr) n).getAnonymousClassBody().isPresent()) {
        return null;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ types

  /** The erased qualified type of {@code expression}, or null when not known. */
  public String typeOf(Expression expression) {
    Expression e = skipParens(expression);
    if (e instanceof NameExpr) {
      Variable v = variable((NameExpr) e);
      return v == null ? null : typeOf(v);
    }
    if (e instanceof FieldAccessExpr) {
      Variable v = variableOf(e);
      return v == null ? null : typeOf(v);
    }
    if (e instanceof ObjectCreationExpr) {
      return types.resolve(((ObjectCreationExpr) e).getType());
    }
    if (e instanceof CastExpr) {
      return types.resolve(((CastExpr) e).getType());
    }
    if (e instanceof ConditionalExpr) {
      String then = typeOf(((ConditionalExpr) e).getThenExpr());
      return then != null ? then : typeOf(((ConditionalExpr) e).getElseExpr());
    }
    if (e instanceof ThisExpr) {
      if (((ThisExpr) e).getTypeName().isPresent()) {
        return types.resolveName(((ThisExpr) e).getTypeName().get().asString(), e);
      }
      TypeDeclaration<?> type = enclosingType(e);
      return type == null ? null : types.qualifiedName(type).orElse(null);
    }
    if (e instanceof StringLiteralExpr) {
      return "java.lang.String";
    }
    if (e instanceof MethodCallExpr) {
      return returnType((MethodCallExpr) e);
    }
    return null;
  }

  public String typeOf(Variable variable) {
    Type type = variable.type();
    if (type != null && type.isVarType()) {
      return variable.initializer().map(this::typeOf).orElse(null);
    }
    if (variable.declaration() instanceof Parameter && ((Parameter) variable.declaration()).isVarArgs()) {
      return null;
    }
    if (type == null || type.isUnknownType()) {
      return null;
    }
    // a field of a superclass in another file is declared with that file's imports
    return inheritedAcrossFiles && variable.isField() && variable.owner() != null
        ? types.typesOfFileOf(variable.owner()).resolve(type)
        : types.resolve(type);
  }

  private String returnType(MethodCallExpr call) {
    String owner = receiverType(call);
    if (owner == null) {
      return null;
    }
    String value = mapValueReturned(call);
    if (value != null) {
      return value;
    }
    MethodDeclaration local = method(owner, call.getNameAsString(), call.getArguments().size());
    if (local != null) {
      return types.resolve(local.getType());
    }
    if (LintTypes.jdkClass(owner).isEmpty()) {
      // a library or tree type: its methods are not worth a parse for the class analysis (the
      // project questions' few calls take one, treeReturnTypes); a JDK type newer than the one
      // mapvet runs on answers from its table
      String name = call.getNameAsString();
      int arity = call.getArguments().size();
      String tree = treeReturnTypes ? types.treeMethodReturnType(owner, name, arity) : null;
      return tree != null ? tree : LintTypes.jdkReturnType(owner, name, arity);
    }
    for (String type : types.typeAndSupertypes(owner)) {
      String returned = LintTypes.jdkReturnType(type, call.getNameAsString(), call.getArguments().size());
      if (returned != null) {
        return returned;
      }
    }
    return null;
  }

  /**
   * The value type of a map's {@code get}, {@code getOrDefault}… ({@link MapMethods#VALUE_SOURCES})
   * from the type arguments its variable is declared with, or null.
   */
  private String mapValueReturned(MethodCallExpr call) {
    if (!MapMethods.VALUE_SOURCES.contains(call.getNameAsString()) || call.getScope().isEmpty()) {
      return null;
    }
    Type value = mapTypeArgument(call.getScope().get(), 1);
    return value == null ? null : types.resolve(value);
  }

  /**
   * The type a call is made on: its receiver's type, the named class of a static call, or the
   * enclosing class for an unqualified call.
   */
  public String receiverType(MethodCallExpr call) {
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()) {
      for (Node n = call.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
        if (n instanceof TypeDeclaration) {
          String name = types.qualifiedName((TypeDeclaration<?>) n).orElse(null);
          if (name != null && method(name, call.getNameAsString(), call.getArguments().size()) != null) {
            return name;
          }
        }
      }
      TypeDeclaration<?> type = enclosingType(call);
      return type == null ? null : types.qualifiedName(type).orElse(null);
    }
    Expression receiver = skipParens(scope.get());
    String type = typeOf(receiver);
    if (type == null && receiver instanceof NameExpr && variable((NameExpr) receiver) == null) {
      type = types.resolveName(((NameExpr) receiver).getNameAsString(), call);
    } else if (type == null && receiver instanceof FieldAccessExpr && variableOf(receiver) == null) {
      type = types.resolveName(receiver.toString(), call);
    }
    return type;
  }

  /**
   * A method of this file's class {@code owner} (or of its superclasses in this file) by name and
   * arity. Types of other files are not looked at: their methods are not units of this class.
   */
  public MethodDeclaration method(String owner, String name, int arity) {
    TypeDeclaration<?> declaration = types.declaration(owner);
    if (declaration == null) {
      return null;
    }
    for (String type : sameFileChain(owner)) {
      for (MethodDeclaration m : types.declaration(type).getMethodsByName(name)) {
        if (m.getParameters().size() == arity
            || !m.getParameters().isEmpty() && m.getParameters().getLast().get().isVarArgs()) {
          return m;
        }
      }
    }
    return null;
  }

  /**
   * Like {@link #method(String, String, int)}, choosing among overloads of that arity by the
   * arguments' types where they are known ({@link Callee#argumentTypes}): {@code moveToEnd(ciphers,
   * alias)} with a {@code String} alias is not {@code moveToEnd(LinkedHashSet, Collection)}.
   */
  public MethodDeclaration method(String owner, String name, int arity, List<String> argumentTypes) {
    if (argumentTypes == null) {
      return method(owner, name, arity);
    }
    List<MethodDeclaration> candidates = overloads(owner, name, arity);
    for (MethodDeclaration candidate : candidates) {
      boolean fits = true;
      for (int i = 0; i < arity && fits; i++) {
        fits = mayAccept(candidate.getParameter(i), argumentTypes.get(i));
      }
      if (fits) {
        return candidate;
      }
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  /**
   * The arguments' static types, when this file's class {@code owner} has more than one method of
   * that name and arity; else null (the common call, which needs no argument's type).
   */
  public List<String> argumentTypesToChoose(String owner, String name, List<Expression> arguments) {
    if (owner == null || types.declaration(owner) == null || overloads(owner, name, arguments.size()).size() < 2) {
      return null;
    }
    List<String> argumentTypes = new ArrayList<>();
    for (Expression argument : arguments) {
      argumentTypes.add(typeOf(argument));
    }
    return argumentTypes;
  }

  private List<MethodDeclaration> overloads(String owner, String name, int arity) {
    return overloads.computeIfAbsent(owner + '#' + name + '/' + arity, k -> findOverloads(owner, name, arity));
  }

  /** {@code owner} (a class of this file) and its superclasses declared in this file. */
  private List<String> sameFileChain(String owner) {
    List<String> chain = new ArrayList<>();
    chain.add(owner);
    chain.addAll(types.sameFileSuperclasses(owner));
    return chain;
  }

  private List<MethodDeclaration> findOverloads(String owner, String name, int arity) {
    List<MethodDeclaration> overloads = new ArrayList<>();
    for (String type : sameFileChain(owner)) {
      for (MethodDeclaration m : types.declaration(type).getMethodsByName(name)) {
        if (m.getParameters().size() == arity && m.getParameters().stream().noneMatch(Parameter::isVarArgs)) {
          overloads.add(m);
        }
      }
    }
    return overloads;
  }

  /**
   * Whether an argument of this type may go to the parameter: false only when both are JDK types
   * and the argument's is not a subtype (a type of the tree, a type variable or a primitive proves
   * nothing without a compiler).
   */
  private boolean mayAccept(Parameter parameter, String argumentType) {
    if (argumentType == null || argumentType.equals("java.lang.Object") || parameter.getType().isPrimitiveType()) {
      return true;
    }
    String parameterType = types.resolve(parameter.getType());
    return parameterType == null
        || LintTypes.jdkClass(argumentType).isEmpty()
        || LintTypes.jdkClass(parameterType).isEmpty()
        || types.isSubtypeWithoutSolver(argumentType, parameterType);
  }

  /** A constructor of this file's class {@code owner} with {@code arity} parameters. */
  public ConstructorDeclaration constructor(String owner, int arity) {
    TypeDeclaration<?> declaration = types.declaration(owner);
    if (declaration == null) {
      return null;
    }
    for (ConstructorDeclaration c : declaration.getConstructors()) {
      if (c.getParameters().size() == arity) {
        return c;
      }
    }
    return null;
  }

  public static Expression skipParens(Expression expression) {
    Expression e = expression;
    while (e instanceof EnclosedExpr) {
      e = ((EnclosedExpr) e).getInner();
    }
    return e;
  }

  public static Expression skipParensAndCasts(Expression expression) {
    Expression e = skipParens(expression);
    while (e instanceof CastExpr) {
      e = skipParens(((CastExpr) e).getExpression());
    }
    return e;
  }
}

package io.mapguard.lint.frontend;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.knowledge.CapacityHints;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.knowledge.ConstructionMethods;
import io.mapguard.engine.knowledge.LocalMapTriggers;
import io.mapguard.engine.knowledge.LockApis;
import io.mapguard.engine.knowledge.MapArguments;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.FunctionalContext;
import io.mapguard.engine.model.LazyInit;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapCreation;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.MapWrap;
import io.mapguard.engine.model.NullableArgument;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.model.StoredValue;
import io.mapguard.engine.model.ThreadRoot;
import io.mapguard.engine.model.ValueMutation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates one top-level JavaParser type into engine facts: the same facts, with the same names,
 * lines and unit structure, as the javac front end's {@code FactExtractor}, from syntax, imports and
 * JDK reflection instead of attributed trees. Judgement (sharing, guards, what to report) is the
 * engine's.
 */
final class AstFactExtractor {
  private static final String MAP = "java.util.Map";

  private final AnalysisOptions options;
  private final CompilationUnit compilationUnit;
  private final TypeDeclaration<?> topLevel;
  private AstNodes.Index nodes;
  private final String file;
  private final LintSymbols symbols;
  private final LintTypes types;
  private final LintLocks locks;
  private final List<String> source;
  private final LintCallSyntax callSyntax;
  private final LintNullSyntax nullSyntax;

  private final Map<Node, MapField> fields = new IdentityHashMap<>();
  private final Map<Node, LintSymbols.Variable> fieldVariables = new IdentityHashMap<>();
  private final Map<Node, List<String>> assignedValues = new IdentityHashMap<>();
  private final Set<Node> singleThreadExecutors = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Node, CodeUnit> methodUnits = new IdentityHashMap<>();
  private final Map<CodeUnit, UnitInfo> infos = new LinkedHashMap<>();
  private final Map<Node, CodeUnit> initializerUnits = new IdentityHashMap<>();
  private final Map<Node, ThreadRoot> rootsByStartCall = new IdentityHashMap<>();
  private final Map<Node, Alias> aliases = new IdentityHashMap<>();
  /** Functional values kept in a local and later handed to a thread-start call, by that call. */
  private final Map<Node, Expression> startedLater = new IdentityHashMap<>();
  private final List<LazyInit> lazyInits = new ArrayList<>();
  private final List<MapCreation> creations = new ArrayList<>();
  /**
   * Method references whose target is overloaded: without the solver the first overload stands in
   * for the thread and lock analysis, but it is not trusted to tell what an update function calls.
   */
  private final Set<Node> overloadedReferences = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Local variables and parameters holding a map (by declaration), and what is assigned to them. */
  private final Map<Node, List<String>> localMapValues = new IdentityHashMap<>();
  private final Map<Node, MapField> localMaps = new IdentityHashMap<>();
  private final Map<Node, ValueLocal> valueLocals = new IdentityHashMap<>();
  private final List<StoredValue> storedValues = new ArrayList<>();
  private final List<NullableArgument> nullableArguments = new ArrayList<>();
  private final Deque<UnitInfo> units = new ArrayDeque<>();
  private int nextUnitId;

  private enum AliasKind {
    MAP,
    VIEW,
    ENTRY,
    /** An iterator over a view: its {@code remove()} removes from the map. */
    ITERATOR
  }

  private record Alias(MapField field, AliasKind kind) {}

  private record Pending(
      MapField field, Effect effect, String method, Node node, boolean fresh, boolean nullArgument, MapCall call) {
    Pending(MapField field, Effect effect, String method, Node node, boolean fresh, boolean nullArgument) {
      this(field, effect, method, node, fresh, nullArgument, MapCall.NONE);
    }
  }

  private record PendingEdge(CodeUnit callee, Node node) {}

  private record PendingWrap(MapField backing, String wrapper, Node node) {}

  private record PendingEscape(MapField field, Escape.Kind kind, String detail, Node node) {}

  private record PendingMutation(
      MapField field, String source, int sourceLine, String method, String through, Node node) {}

  /** A local holding a value taken out of a map field ({@code List<V> l = index.get(k)}). */
  private record ValueLocal(MapField field, String source, int line) {}

  /** A unit under construction: its body (for lock regions) and what was found inside it. */
  private static final class UnitInfo {
    final CodeUnit unit;
    final Node body;
    boolean hasLockOperations;
    final List<Pending> accesses = new ArrayList<>();
    final List<PendingEdge> edges = new ArrayList<>();
    final List<PendingEscape> escapes = new ArrayList<>();
    final List<PendingWrap> wraps = new ArrayList<>();
    final List<PendingMutation> mutations = new ArrayList<>();

    UnitInfo(CodeUnit unit, Node body) {
      this.unit = unit;
      this.body = body;
    }
  }

  AstFactExtractor(
      AnalysisOptions options,
      CompilationUnit compilationUnit,
      TypeDeclaration<?> topLevel,
      String file,
      LintTypes types,
      List<String> source) {
    this.options = options;
    this.compilationUnit = compilationUnit;
    this.topLevel = topLevel;
    this.file = file;
    this.types = types;
    this.symbols = new LintSymbols(types);
    this.locks = new LintLocks(symbols, topLevel);
    this.source = source;
    this.callSyntax = new LintCallSyntax(symbols);
    this.nullSyntax = new LintNullSyntax(symbols, callSyntax);
  }

  /** Empty when the class has no map field and creates no sized map: nothing to analyse. */
  Optional<ClassFacts> extract() {
    String className = types.qualifiedName(topLevel).orElse(topLevel.getNameAsString());
    ClassFacts facts = ClassFacts.empty(className, file);
    prepass();
    facts.creations().addAll(creations);
    if (hasNoMaps()) {
      return creations.isEmpty() ? Optional.empty() : Optional.of(facts);
    }
    fieldVariables.forEach((node, variable) -> fields.put(node, mapField(variable)));
    createMethodUnits();
    scanType(topLevel);

    facts.fields().addAll(fields.values());
    for (AnnotationExpr annotation : topLevel.getAnnotations()) {
      facts.annotations().add(annotationName(annotation));
    }
    facts.supertypes().addAll(types.typeAndSupertypes(className));
    for (UnitInfo info : infos.values()) {
      facts.units().add(info.unit);
      LintLockRegions regions = info.hasLockOperations ? lockRegions(info) : null;
      for (Pending p : info.accesses) {
        (p.field().local() ? facts.localAccesses() : facts.accesses()).add(
            new Access(p.field(), p.effect(), p.method(), site(p.node()), info.unit,
                held(regions, p.node()), order(p.node()), p.fresh(), p.nullArgument(), p.call()));
      }
      for (PendingEdge e : info.edges) {
        // an edge into a lambda's unit is recorded at the lambda's body; the javac front end, and
        // so the update around it, starts from the lambda itself
        Node at = e.node();
        if (at.getParentNode().orElse(null) instanceof LambdaExpr
            && ((LambdaExpr) at.getParentNode().get()).getBody() == at) {
          at = at.getParentNode().get();
        }
        LintCallSyntax.UpdateCall around =
            overloadedReferences.contains(at) ? null : callSyntax.updateAround(at, this::mapFieldOf);
        MapField updated = around == null || ((MapField) around.map()).local() ? null : (MapField) around.map();
        LoopAround looped = loopAround(e.node());
        facts.calls().add(
            new CallEdge(
                info.unit, e.callee(), held(regions, e.node()), line(e.node()), updated,
                updated == null ? null : around.update(), looped == null ? null : looped.map(),
                looped == null ? null : looped.loop()));
      }
      for (PendingWrap w : info.wraps) {
        facts.wraps().add(new MapWrap(w.backing(), w.wrapper(), site(w.node()), info.unit, order(w.node())));
      }
      for (PendingMutation m : info.mutations) {
        facts.valueMutations().add(
            new ValueMutation(m.field(), m.source(), m.sourceLine(), m.method(), m.through(), site(m.node()),
                info.unit, held(regions, m.node())));
      }
      for (PendingEscape e : info.escapes) {
        if (e.field().local()) {
          continue; // where a local map goes is the business of the sharing rules' fields only
        }
        facts.escapes().add(
            new Escape(e.field(), e.kind(), e.detail(), site(e.node()), info.unit, held(regions, e.node())));
      }
    }
    facts.lazyInits().addAll(lazyInits);
    facts.storedValues().addAll(storedValues);
    facts.nullableArguments().addAll(nullableArguments);
    return Optional.of(facts);
  }

  /**
   * The field a call to a method of the class returns when that method has no parameters, its body
   * is {@code return field;}, and the field holds a synchronized wrapper: a call to it is a use of
   * the field. As the javac front end.
   */
  private MapField getterField(MethodCallExpr call) {
    if (!call.getArguments().isEmpty()
        || call.getScope().isPresent() && !(call.getScope().get() instanceof ThisExpr)) {
      return null;
    }
    MethodDeclaration method = symbols.method(symbols.receiverType(call), call.getNameAsString(), 0);
    if (method == null
        || !method.getParameters().isEmpty()
        || method.getBody().isEmpty()
        || method.getBody().get().getStatements().size() != 1
        || !(method.getBody().get().getStatement(0) instanceof ReturnStmt)) {
      return null;
    }
    Expression returned = ((ReturnStmt) method.getBody().get().getStatement(0)).getExpression().orElse(null);
    LintSymbols.Variable variable = returned == null ? null : symbols.variableOf(LintSymbols.skipParens(returned));
    MapField field = variable == null ? null : fields.get(variable.declaration());
    return field != null
            && MapTypes.kindOfField(field.declaredType(), field.assignedValues()) == MapKind.SYNCHRONIZED
        ? field
        : null;
  }

  /** A loop over a map field around a call, which goes on after the call. */
  private record LoopAround(MapField map, MapCall.Loop loop) {}

  private LoopAround loopAround(Node call) {
    if (LintCallSyntax.exitsAfter(call)) {
      return null;
    }
    LoopAround innermost = null; // nested loops over two maps: the one that starts last
    for (MapField field : fields.values()) {
      MapCall.Loop loop = callSyntax.enclosingLoop(call, this::mapFieldOf, field);
      if (loop != null && (innermost == null || loop.line() > innermost.loop().line())) {
        innermost = new LoopAround(field, loop);
      }
    }
    return innermost;
  }

  private static Set<LockRef> held(LintLockRegions regions, Node node) {
    return regions == null ? Set.of() : regions.heldAt(node);
  }

  private LintLockRegions lockRegions(UnitInfo info) {
    Node body = info.body;
    if (body instanceof CallableDeclaration) {
      Optional<BlockStmt> block =
          body instanceof MethodDeclaration
              ? ((MethodDeclaration) body).getBody()
              : Optional.of(((ConstructorDeclaration) body).getBody());
      return block.map(b -> LintLockRegions.of(locks, b)).orElse(null);
    }
    if (body instanceof LambdaExpr && ((LambdaExpr) body).getBody() instanceof BlockStmt) {
      return LintLockRegions.of(locks, ((LambdaExpr) body).getBody());
    }
    return null;
  }

  // ------------------------------------------------------------------ fields

  /** Map fields, what is assigned to them, single-thread executors and lock aliases. */
  private void prepass() {
    for (TypeDeclaration<?> type : namedTypes()) {
      for (FieldDeclaration declaration : type.getFields()) {
        for (VariableDeclarator v : declaration.getVariables()) {
          LintSymbols.Variable variable = new LintSymbols.Variable(v, v.getNameAsString(), v.getType(), true, type);
          if (isMap(symbols.typeOf(variable))) {
            fieldVariables.put(v, variable);
            v.getInitializer().ifPresent(init -> describeValue(init, values(v)));
          }
          if (v.getInitializer().isPresent() && isSingleThreadExecutor(v.getInitializer().get())) {
            singleThreadExecutors.add(v);
          }
        }
      }
    }
    addInheritedFields();
    // one traversal each, shared by the field, local-map and lock passes below
    List<VariableDeclarator> variables = nodes().variables;
    List<MethodCallExpr> calls = nodes().calls;
    List<AssignExpr> assignments = nodes().assignments;
    findLocalMaps(variables, calls, assignments);
    for (ObjectCreationExpr creation : nodes().creations) {
      recordSizedCreation(creation);
    }
    if (hasNoMaps()) {
      return; // the class is not scanned (see extract): what follows only serves the scan
    }
    for (VariableDeclarator v : variables) {
      locks.recordAlias(v);
    }
    for (MethodCallExpr call : calls) {
      startsLocalFunctions(call, call.getArguments());
    }
    for (ObjectCreationExpr creation : nodes().creations) {
      startsLocalFunctions(creation, creation.getArguments());
    }
    for (AssignExpr assign : assignments) {
      LintSymbols.Variable target = symbols.variableOf(assign.getTarget());
      if (target != null && fieldVariables.containsKey(target.declaration())) {
        describeValue(assign.getValue(), values(target.declaration()));
        if (isSingleThreadExecutor(assign.getValue())) {
          singleThreadExecutors.add(target.declaration());
        }
      }
    }
  }

  /** No map field and no local map: nothing in the class for the scan to follow. */
  private boolean hasNoMaps() {
    return fieldVariables.isEmpty() && localMapValues.isEmpty();
  }

  /** {@code new HashMap<>(n)} with an {@code int} argument (a map argument is the copy constructor). */
  private void recordSizedCreation(ObjectCreationExpr creation) {
    if (creation.getArguments().size() != 1 || creation.getAnonymousClassBody().isPresent()) {
      return;
    }
    String created = types.resolve(creation.getType());
    Expression argument = LintSymbols.skipParensAndCasts(creation.getArgument(0));
    if (created == null || !CapacityHints.SIZED_FACTORIES.containsKey(created) || !isIntValued(argument)) {
      return;
    }
    creations.add(
        new MapCreation(created, argument.toString().replaceAll("\\s+", ""), sizeArgument(argument), site(creation)));
  }

  private static MapCreation.SizeArgument sizeArgument(Expression argument) {
    if (argument instanceof MethodCallExpr
        && ((MethodCallExpr) argument).getArguments().isEmpty()
        && ((MethodCallExpr) argument).getScope().isPresent()) {
      String name = ((MethodCallExpr) argument).getNameAsString();
      if (name.equals("size")) {
        return MapCreation.SizeArgument.SIZE_CALL;
      }
      if (name.equals("length")) {
        return MapCreation.SizeArgument.LENGTH;
      }
    }
    if (argument instanceof FieldAccessExpr && ((FieldAccessExpr) argument).getNameAsString().equals("length")) {
      return MapCreation.SizeArgument.LENGTH;
    }
    if (argument instanceof NameExpr || argument instanceof FieldAccessExpr) {
      return MapCreation.SizeArgument.NAME;
    }
    return argument instanceof IntegerLiteralExpr ? MapCreation.SizeArgument.LITERAL : MapCreation.SizeArgument.OTHER;
  }

  /**
   * Whether a constructor argument is an int rather than a map to copy. A variable declared here
   * answers by its type; one declared elsewhere is taken as an int (the rule then also wants a
   * count-like name).
   */
  private boolean isIntValued(Expression argument) {
    if (!(argument instanceof NameExpr || argument instanceof FieldAccessExpr)) {
      return true; // a size()/length call, or a shape the rule never reports
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
    return type.isClassOrInterfaceType()
        && INT_BOXES.contains(type.asClassOrInterfaceType().getNameAsString());
  }

  private static final Set<String> INT_BOXES = Set.of("Integer", "Short", "Byte", "Character");

  /**
   * Non-private map fields of superclasses declared in this file: this class's accesses to them
   * count like its own (as the javac front end does for superclasses in the same compilation).
   */
  private void addInheritedFields() {
    String name = types.qualifiedName(topLevel).orElse(null);
    if (name == null) {
      return;
    }
    for (String superName : types.sameFileSuperclasses(name)) {
      TypeDeclaration<?> superclass = types.declaration(superName);
      Set<Node> inheritedHere = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      for (FieldDeclaration declaration : superclass.getFields()) {
        if (declaration.isPrivate()) {
          continue;
        }
        for (VariableDeclarator v : declaration.getVariables()) {
          LintSymbols.Variable variable =
              new LintSymbols.Variable(v, v.getNameAsString(), v.getType(), true, superclass);
          if (isMap(symbols.typeOf(variable))) {
            fieldVariables.put(v, variable);
            inheritedHere.add(v);
            v.getInitializer().ifPresent(init -> describeValue(init, values(v)));
          }
        }
      }
      for (AssignExpr assign : AstNodes.all(superclass, AssignExpr.class)) {
        LintSymbols.Variable target = symbols.variableOf(assign.getTarget());
        if (target != null && inheritedHere.contains(target.declaration())) {
          describeValue(assign.getValue(), values(target.declaration()));
        }
      }
    }
  }

  /** {@code Runnable r = () -> ..; pool.submit(r);}: the lambda is a task started by that call. */
  private void startsLocalFunctions(Expression call, List<Expression> arguments) {
    for (Expression argument : arguments) {
      Expression a = LintSymbols.skipParens(argument);
      if (!(a instanceof NameExpr)) {
        continue;
      }
      LintSymbols.Variable local = symbols.variable((NameExpr) a);
      if (local == null || local.isField() || local.initializer().isEmpty()) {
        continue;
      }
      Expression init = LintSymbols.skipParens(local.initializer().get());
      boolean function =
          init instanceof LambdaExpr
              || init instanceof MethodReferenceExpr
              || init instanceof ObjectCreationExpr && ((ObjectCreationExpr) init).getAnonymousClassBody().isPresent();
      if (function && threadStartOf(call).isPresent()) {
        startedLater.putIfAbsent(init, call);
      }
    }
  }

  private List<String> values(Node field) {
    return assignedValues.computeIfAbsent(field, k -> new ArrayList<>());
  }

  private boolean isMap(String type) {
    return type != null && (MapTypes.isKnown(type) || types.isSubtype(type, MAP));
  }

  private List<String> mapTypeChain(String type) {
    List<String> chain = new ArrayList<>(types.typeAndSupertypes(type));
    if (!chain.contains(MAP)) {
      chain.add(MAP); // a known map type whose hierarchy is not on the classpath
    }
    return chain;
  }

  /** The class's nodes by kind, collected on first use in one walk. */
  private AstNodes.Index nodes() {
    if (nodes == null) {
      nodes = new AstNodes.Index(topLevel);
    }
    return nodes;
  }

  /** Named classes of the top-level type (itself, nested, local), not anonymous ones. */
  private List<TypeDeclaration<?>> namedTypes() {
    List<TypeDeclaration<?>> named = new ArrayList<>();
    for (TypeDeclaration<?> type : nodes().types) {
      if (!insideAnonymousClass(type)) {
        named.add(type);
      }
    }
    return named;
  }

  private boolean insideAnonymousClass(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null && n != topLevel; n = n.getParentNode().orElse(null)) {
      if (n instanceof ObjectCreationExpr && ((ObjectCreationExpr) n).getAnonymousClassBody().isPresent()) {
        return true;
      }
    }
    return false;
  }

  private MapField mapField(LintSymbols.Variable variable) {
    VariableDeclarator declarator = (VariableDeclarator) variable.declaration();
    FieldDeclaration declaration = (FieldDeclaration) declarator.getParentNode().orElseThrow();
    String guard = null;
    String guardAnnotation = null;
    for (AnnotationExpr annotation : allAnnotations(declaration)) {
      String name = annotationName(annotation);
      if (ConcurrencyAnnotations.GUARDED_BY.contains(name)) {
        List<String> values = annotationValues(annotation);
        guard = values.isEmpty() ? null : qualifyGuard(variable, values.get(0));
        guardAnnotation = name;
      }
    }
    boolean confined =
        hasAnnotation(declaration, ConcurrencyAnnotations.THREAD_CONFINED)
            || hasAnnotation(variable.owner(), ConcurrencyAnnotations.THREAD_CONFINED);
    boolean inInterface =
        variable.owner() instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration
            && ((com.github.javaparser.ast.body.ClassOrInterfaceDeclaration) variable.owner()).isInterface();
    return new MapField(
        locks.fieldName(variable),
        mapTypeChain(symbols.typeOf(variable)),
        List.copyOf(assignedValues.getOrDefault(declarator, List.of())),
        declaration.isStatic() || inInterface,
        declaration.isFinal() || inInterface,
        declaration.hasModifier(Modifier.Keyword.VOLATILE),
        false,
        guard,
        guardAnnotation,
        confined,
        site(declarator),
        false,
        mapValueType(variable.type()));
  }

  /** A local variable or parameter holding a map, for the rules that need no sharing. */
  private MapField localMap(LintSymbols.Variable variable) {
    boolean isFinal =
        variable.declaration() instanceof Parameter
            ? ((Parameter) variable.declaration()).isFinal()
            : variable.declaration().getParentNode().orElse(null) instanceof VariableDeclarationExpr
                && ((VariableDeclarationExpr) variable.declaration().getParentNode().get()).isFinal();
    return new MapField(
        variable.name(),
        mapTypeChain(symbols.typeOf(variable)),
        List.copyOf(localMapValues.getOrDefault(variable.declaration(), List.of())),
        false,
        isFinal,
        false,
        false,
        null,
        null,
        false,
        site(variable.declaration()),
        true,
        null);
  }

  /**
   * Locals and parameters that may hold a map the local-map rules can report on. Resolving a local's
   * type can take the symbol solver, so only names the rules can involve are resolved: the receiver
   * of a {@link LocalMapTriggers} call or of a view call ({@code m.keySet()}), the argument of a
   * synchronized wrapper, and a local those are initialised from (an alias).
   */
  private void findLocalMaps(
      List<VariableDeclarator> variables, List<MethodCallExpr> calls, List<AssignExpr> assignments) {
    Set<String> candidates = new HashSet<>();
    for (MethodCallExpr call : calls) {
      String name = call.getNameAsString();
      if (LocalMapTriggers.CALLS.contains(name) || MapMethods.isView(name)) {
        call.getScope().map(LintSymbols::skipParens).filter(NameExpr.class::isInstance)
            .ifPresent(scope -> candidates.add(((NameExpr) scope).getNameAsString()));
      }
      if (name.startsWith("synchronized") && LocalMapTriggers.CALLS.contains(name)) {
        for (Expression argument : call.getArguments()) {
          if (LintSymbols.skipParens(argument) instanceof NameExpr) {
            candidates.add(((NameExpr) LintSymbols.skipParens(argument)).getNameAsString());
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      return; // no rule about local maps can fire here
    }
    List<VariableDeclarator> locals = new ArrayList<>();
    for (VariableDeclarator v : variables) {
      if (isLocal(v)) {
        locals.add(v);
        if (candidates.contains(v.getNameAsString())) {
          v.getInitializer().map(LintSymbols::skipParens).filter(NameExpr.class::isInstance)
              .ifPresent(init -> candidates.add(((NameExpr) init).getNameAsString()));
        }
      }
    }
    for (VariableDeclarator v : locals) {
      if (candidates.contains(v.getNameAsString()) && isMap(symbols.typeOf(localVariable(v)))) {
        List<String> values = localMapValues.computeIfAbsent(v, k -> new ArrayList<>());
        v.getInitializer().ifPresent(init -> describeValue(init, values));
      }
    }
    for (Parameter parameter : nodes().parameters) {
      if (parameter.getParentNode().orElse(null) instanceof CallableDeclaration
          && candidates.contains(parameter.getNameAsString())
          && isMap(symbols.typeOf(localVariable(parameter)))) {
        localMapValues.computeIfAbsent(parameter, k -> new ArrayList<>());
      }
    }
    if (localMapValues.isEmpty()) {
      return;
    }
    for (AssignExpr assign : assignments) {
      LintSymbols.Variable target = symbols.variableOf(assign.getTarget());
      List<String> values = target == null ? null : localMapValues.get(target.declaration());
      if (values != null) {
        describeValue(assign.getValue(), values);
      }
    }
  }


  private static LintSymbols.Variable localVariable(VariableDeclarator v) {
    return new LintSymbols.Variable(v, v.getNameAsString(), v.getType(), false, LintSymbols.enclosingType(v));
  }

  private static LintSymbols.Variable localVariable(Parameter p) {
    return new LintSymbols.Variable(p, p.getNameAsString(), p.getType(), false, LintSymbols.enclosingType(p));
  }

  private void registerLocalMap(LintSymbols.Variable variable) {
    if (variable != null
        && localMapValues.containsKey(variable.declaration())
        && !aliases.containsKey(variable.declaration())) {
      localMaps.put(variable.declaration(), localMap(variable));
    }
  }

  /** A guard naming a field or {@code this} means the field's own class (see the javac front end). */
  private String qualifyGuard(LintSymbols.Variable field, String guard) {
    if (guard == null || field.owner() == topLevel) {
      return guard;
    }
    String value = guard.trim();
    if (value.equals("this")) {
      return locks.thisOf(field.owner(), field.owner().getNameAsString());
    }
    String name = value.startsWith("this.") ? value.substring("this.".length()) : value;
    for (Node owner = field.owner(); owner != null; owner = owner.getParentNode().orElse(null)) {
      if (owner instanceof TypeDeclaration) {
        LintSymbols.Variable member = symbols.field((TypeDeclaration<?>) owner, name);
        if (member != null) {
          return locks.fieldName(member);
        }
      }
    }
    return guard;
  }

  private List<AnnotationExpr> allAnnotations(FieldDeclaration declaration) {
    List<AnnotationExpr> all = new ArrayList<>(declaration.getAnnotations());
    Type type = declaration.getElementType();
    all.addAll(type.getAnnotations());
    return all;
  }

  private boolean hasAnnotation(Node node, Set<String> names) {
    if (!(node instanceof NodeWithAnnotations)) {
      return false;
    }
    for (AnnotationExpr annotation : ((NodeWithAnnotations<?>) node).getAnnotations()) {
      if (names.contains(annotationName(annotation))) {
        return true;
      }
    }
    return false;
  }

  private String annotationName(AnnotationExpr annotation) {
    String written = annotation.getNameAsString();
    String resolved = types.resolveName(written, annotation);
    return resolved == null ? written : resolved;
  }

  private static List<String> annotationValues(AnnotationExpr annotation) {
    List<Expression> values = new ArrayList<>();
    if (annotation instanceof SingleMemberAnnotationExpr) {
      values.add(((SingleMemberAnnotationExpr) annotation).getMemberValue());
    } else if (annotation instanceof NormalAnnotationExpr) {
      ((NormalAnnotationExpr) annotation).getPairs().forEach(p -> values.add(p.getValue()));
    }
    List<String> strings = new ArrayList<>();
    for (Expression value : values) {
      List<Expression> elements =
          value instanceof ArrayInitializerExpr ? ((ArrayInitializerExpr) value).getValues() : List.of(value);
      for (Expression element : elements) {
        if (element instanceof StringLiteralExpr) {
          strings.add(((StringLiteralExpr) element).asString());
        }
      }
    }
    return strings;
  }

  /** {@code new:T}, {@code call:Owner.method}, {@code null:} or {@code type:T} for a value. */
  private void describeValue(Expression expression, List<String> out) {
    Expression e = LintSymbols.skipParens(expression);
    if (e instanceof NameExpr) {
      LintSymbols.Variable local = symbols.variable((NameExpr) e);
      Expression init =
          local == null || local.isField() ? null : local.initializer().map(LintSymbols::skipParens).orElse(null);
      if (init instanceof ObjectCreationExpr) {
        describeValue(init, out); // a local holding a new map is as fresh as the map
        return;
      }
    }
    if (e instanceof ConditionalExpr) {
      describeValue(((ConditionalExpr) e).getThenExpr(), out);
      describeValue(((ConditionalExpr) e).getElseExpr(), out);
      return;
    }
    if (e instanceof NullLiteralExpr) {
      out.add("null:");
      return;
    }
    if (e instanceof ObjectCreationExpr) {
      String created = types.resolve(((ObjectCreationExpr) e).getType());
      if (created != null) {
        out.add("new:" + firstKnown(created));
      }
      return;
    }
    if (e instanceof MethodCallExpr) {
      String owner = staticOwner((MethodCallExpr) e);
      if (owner != null) {
        String descriptor = "call:" + owner + "." + ((MethodCallExpr) e).getNameAsString();
        if (MapTypes.kindOfValue(descriptor) != MapKind.UNKNOWN) {
          out.add(descriptor);
          return;
        }
      }
    }
    String type = symbols.typeOf(e);
    if (type != null) {
      out.add("type:" + firstKnown(type));
    }
  }

  /** The class of a static call: {@code Collections.synchronizedMap(..)} or a static import. */
  private String staticOwner(MethodCallExpr call) {
    if (call.getScope().isPresent()) {
      Expression scope = LintSymbols.skipParens(call.getScope().get());
      boolean typeName =
          scope instanceof NameExpr && symbols.variable((NameExpr) scope) == null
              || scope instanceof FieldAccessExpr && symbols.variableOf(scope) == null
              || scope instanceof TypeExpr;
      return typeName ? types.resolveName(scope.toString(), call) : null;
    }
    if (symbols.method(symbols.receiverType(call), call.getNameAsString(), call.getArguments().size()) != null) {
      return null;
    }
    for (ImportDeclaration i : compilationUnit.getImports()) {
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

  private String firstKnown(String type) {
    List<String> chain = types.typeAndSupertypes(type);
    for (String name : chain) {
      if (MapTypes.isKnown(name)) {
        return name;
      }
    }
    return chain.isEmpty() ? "?" : chain.get(0);
  }

  private boolean isSingleThreadExecutor(Expression init) {
    Expression e = LintSymbols.skipParens(init);
    if (!(e instanceof MethodCallExpr)) {
      return false;
    }
    String owner = staticOwner((MethodCallExpr) e);
    for (MethodRef factory : ThreadStartApis.SINGLE_THREAD_EXECUTOR_FACTORIES) {
      if (factory.owner().equals(owner) && factory.name().equals(((MethodCallExpr) e).getNameAsString())) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ units

  private void createMethodUnits() {
    for (TypeDeclaration<?> type : namedTypes()) {
      for (BodyDeclaration<?> member : type.getMembers()) {
        if (member instanceof MethodDeclaration && ((MethodDeclaration) member).getBody().isPresent()) {
          MethodDeclaration method = (MethodDeclaration) member;
          methodUnits.put(method, newMethodUnit(method, type, threadClassTask(type, method)));
        } else if (member instanceof ConstructorDeclaration) {
          methodUnits.put(member, newMethodUnit((ConstructorDeclaration) member, type, null));
        }
      }
    }
  }

  /** {@code run()} of a named Thread or TimerTask subclass is a task of its own. */
  private ThreadRoot threadClassTask(TypeDeclaration<?> owner, MethodDeclaration method) {
    if (!method.getNameAsString().equals("run") || !method.getParameters().isEmpty()) {
      return null;
    }
    String name = types.qualifiedName(owner).orElse(null);
    boolean thread = types.isSubtype(name, "java.lang.Thread");
    boolean timerTask = types.isSubtype(name, "java.util.TimerTask");
    if (!thread && !timerTask) {
      return null;
    }
    String what = thread ? "the thread " : "the timer task ";
    return new ThreadRoot(
        ThreadRoot.Kind.TASK, line(owner), what + owner.getNameAsString(), null, false, false, -1, -1);
  }

  private CodeUnit newMethodUnit(CallableDeclaration<?> method, TypeDeclaration<?> owner, ThreadRoot task) {
    Set<LockRef> entry = new LinkedHashSet<>();
    if (method.hasModifier(Modifier.Keyword.SYNCHRONIZED)) {
      entry.add(
          LockRef.monitor(
              method.isStatic()
                  ? owner.getNameAsString() + ".class"
                  : locks.thisOf(owner, owner.getNameAsString())));
    }
    for (AnnotationExpr annotation : method.getAnnotations()) {
      if (ConcurrencyAnnotations.HELD_ON_ENTRY.contains(annotationName(annotation))) {
        for (String lock : annotationValues(annotation)) {
          entry.add(LockRef.monitor(lock.startsWith("this.") ? lock.substring(5) : lock));
        }
      }
    }
    entry.addAll(assertedLocks(method));
    boolean isPrivate =
        method.isPrivate()
            || inPrivateClass(owner) && method.getAnnotations().stream().noneMatch(a -> a.getNameAsString().equals("Override"));
    boolean construction =
        method instanceof ConstructorDeclaration
            || method.isPrivate()
                && !method.isStatic()
                && ConstructionMethods.isConstruction(
                    method.getNameAsString(),
                    method.getParameters().stream().map(p -> p.getType().asString()).toList());
    CodeUnit.Kind kind =
        task != null
            ? CodeUnit.Kind.TASK
            : construction ? CodeUnit.Kind.CONSTRUCTOR : CodeUnit.Kind.METHOD;
    return register(
        new CodeUnit(nextUnitId++, kind, methodName(method), isPrivate, Set.copyOf(entry), task),
        method);
  }

  /**
   * Locks a method asserts it holds on entry, {@code assert Thread.holdsLock(lock);} among the
   * body's own statements: the JDK's way of writing {@code @Holding}. As the javac front end.
   */
  private Set<LockRef> assertedLocks(CallableDeclaration<?> method) {
    Set<LockRef> held = new LinkedHashSet<>();
    Optional<BlockStmt> body =
        method instanceof MethodDeclaration
            ? ((MethodDeclaration) method).getBody()
            : Optional.of(((ConstructorDeclaration) method).getBody());
    for (Statement statement : body.map(BlockStmt::getStatements).orElse(new NodeList<>())) {
      if (statement instanceof AssertStmt) {
        for (Expression lock : LintCallSyntax.holdsLockArguments(((AssertStmt) statement).getCheck())) {
          held.add(locks.monitor(lock));
        }
      }
    }
    return held;
  }

  /** A method of a private nested class (or of a class nested in one) is only called from this file. */
  private static boolean inPrivateClass(TypeDeclaration<?> type) {
    for (Node n = type; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration && ((TypeDeclaration<?>) n).isPrivate()) {
        return true;
      }
    }
    return false;
  }

  private CodeUnit register(CodeUnit unit, Node body) {
    infos.put(unit, new UnitInfo(unit, body));
    return unit;
  }

  /** {@code get(String)}: erased simple parameter type names, as javac spells them. */
  private static String methodName(CallableDeclaration<?> method) {
    StringBuilder name = new StringBuilder(method.getNameAsString()).append('(');
    NodeList<Parameter> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      name.append(i == 0 ? "" : ", ").append(simpleTypeName(parameters.get(i)));
    }
    return name.append(')').toString();
  }

  private static String simpleTypeName(Parameter parameter) {
    Type type = parameter.getType();
    if (parameter.isVarArgs() || type instanceof ArrayType) {
      return "Array";
    }
    if (type instanceof ClassOrInterfaceType) {
      return ((ClassOrInterfaceType) type).getNameAsString();
    }
    return type.asString();
  }

  private CodeUnit initializerUnit(TypeDeclaration<?> owner) {
    return initializerUnits.computeIfAbsent(
        owner,
        o ->
            register(
                new CodeUnit(nextUnitId++, CodeUnit.Kind.INITIALIZER, "initializer of " + owner.getNameAsString(),
                    true, Set.of(), null),
                null));
  }

  // ------------------------------------------------------------------ the main scan

  private UnitInfo current() {
    return units.peek();
  }

  private void inUnit(CodeUnit unit, Runnable body) {
    units.push(infos.get(unit));
    try {
      body.run();
    } finally {
      units.pop();
    }
  }

  private void scanType(TypeDeclaration<?> type) {
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof FieldDeclaration) {
        for (VariableDeclarator v : ((FieldDeclaration) member).getVariables()) {
          v.getInitializer().ifPresent(init -> inUnit(initializerUnit(type), () -> scan(init)));
        }
      } else if (member instanceof InitializerDeclaration) {
        inUnit(initializerUnit(type), () -> scan(((InitializerDeclaration) member).getBody()));
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
        inUnit(initializerUnit(type), () -> constant.getArguments().forEach(this::scan));
        constant.getClassBody().forEach(this::scan);
      }
    }
  }

  private void scanCallable(CallableDeclaration<?> method) {
    CodeUnit unit = methodUnits.get(method);
    if (unit == null) {
      return;
    }
    Optional<BlockStmt> body =
        method instanceof MethodDeclaration
            ? ((MethodDeclaration) method).getBody()
            : Optional.of(((ConstructorDeclaration) method).getBody());
    for (Parameter parameter : method.getParameters()) {
      registerLocalMap(localVariable(parameter));
    }
    body.ifPresent(b -> inUnit(unit, () -> scan(b)));
  }

  private void scan(Node node) {
    if (node instanceof TypeDeclaration) {
      scanType((TypeDeclaration<?>) node); // a local class
      return;
    }
    if (node instanceof LambdaExpr) {
      LambdaExpr lambda = (LambdaExpr) node;
      CodeUnit unit = functionalUnit(functionalContext(lambda), "lambda at line " + line(lambda), lambda, Set.of());
      inUnit(unit, () -> scan(lambda.getBody()));
      return;
    }
    if (node instanceof MethodReferenceExpr) {
      methodReference((MethodReferenceExpr) node);
    } else if (node instanceof ObjectCreationExpr) {
      newClass((ObjectCreationExpr) node);
      return;
    } else if (node instanceof MethodCallExpr) {
      MethodCallExpr call = (MethodCallExpr) node;
      if (LockApis.ALL_METHOD_NAMES.contains(call.getNameAsString()) && current() != null) {
        current().hasLockOperations = true;
      }
      recordSameClassCall(call);
      startedNamedClasses(call, call.getArguments());
      MapField returned = getterField(call);
      if (returned != null && current() != null) {
        classifyMapUse(returned, call, AliasKind.MAP); // sessions().keySet(): a use of the field
      }
    } else if (node instanceof SynchronizedStmt) {
      if (current() != null) {
        current().hasLockOperations = true;
      }
      // the lock expression itself is not an access to the map it names
      scan(((SynchronizedStmt) node).getBody());
      return;
    } else if (node instanceof VariableDeclarator && isLocal((VariableDeclarator) node)) {
      VariableDeclarator v = (VariableDeclarator) node;
      v.getInitializer().ifPresent(init -> recordAlias(v, init, v));
      registerLocalMap(localVariable(v));
    } else if (node instanceof ForEachStmt) {
      enhancedFor((ForEachStmt) node);
    } else if (node instanceof AssignExpr) {
      LintSymbols.Variable target = symbols.variableOf(((AssignExpr) node).getTarget());
      if (target != null && !target.isField()) {
        aliases.remove(target.declaration());
        recordAlias(target.declaration(), ((AssignExpr) node).getValue(), node);
      }
      Expression value = LintSymbols.skipParens(((AssignExpr) node).getValue());
      LintSymbols.Variable local = value instanceof NameExpr ? symbols.variable((NameExpr) value) : null;
      if (target != null && fields.containsKey(target.declaration()) && local != null && !local.isField()) {
        // field = local: from here on, filling the local fills the published field
        aliases.put(local.declaration(), new Alias(fields.get(target.declaration()), AliasKind.MAP));
      }
    } else if (node instanceof NameExpr) {
      recordUse(node, symbols.variable((NameExpr) node));
      return;
    } else if (node instanceof FieldAccessExpr) {
      LintSymbols.Variable variable = symbols.variableOf((FieldAccessExpr) node);
      if (variable != null && fields.containsKey(variable.declaration())) {
        recordUse(node, variable);
      }
      scan(((FieldAccessExpr) node).getScope());
      return;
    }
    for (Node child : node.getChildNodes()) {
      scan(child);
    }
  }

  private static boolean isLocal(VariableDeclarator v) {
    return !(v.getParentNode().orElse(null) instanceof FieldDeclaration);
  }

  private CodeUnit functionalUnit(FunctionalContext context, String name, Node body, Set<LockRef> entryLocks) {
    CodeUnit unit;
    switch (context.kind()) {
      case TASK:
        unit = new CodeUnit(nextUnitId++, CodeUnit.Kind.TASK, name, true, Set.of(), context.task());
        break;
      case INLINE:
        unit = new CodeUnit(nextUnitId++, CodeUnit.Kind.METHOD, name, true, Set.of(), null);
        break;
      default:
        unit = new CodeUnit(nextUnitId++, CodeUnit.Kind.METHOD, name, false, entryLocks, null);
        break;
    }
    register(unit, body);
    if (context.kind() == FunctionalContext.Kind.INLINE && current() != null) {
      current().edges.add(new PendingEdge(unit, body));
    }
    return unit;
  }

  private void methodReference(MethodReferenceExpr reference) {
    String owner;
    Expression scope = reference.getScope();
    if (scope instanceof ThisExpr) {
      owner = symbols.typeOf(scope);
    } else if (scope instanceof TypeExpr) {
      owner = types.resolve(((TypeExpr) scope).getType());
    } else {
      owner = symbols.typeOf(scope);
    }
    CodeUnit target = null;
    TypeDeclaration<?> declaration = types.declaration(owner);
    if (declaration != null) {
      List<MethodDeclaration> overloads = declaration.getMethodsByName(reference.getIdentifier());
      for (MethodDeclaration m : overloads) {
        target = methodUnits.get(m);
        if (target != null) {
          break;
        }
      }
      if (overloads.size() > 1) {
        overloadedReferences.add(reference);
      }
    }
    if (target == null) {
      return;
    }
    FunctionalContext context = functionalContext(reference);
    if (context.kind() == FunctionalContext.Kind.TASK) {
      CodeUnit task = functionalUnit(context, "method reference at line " + line(reference), null, Set.of());
      infos.get(task).edges.add(new PendingEdge(target, reference));
    } else if (current() != null) {
      current().edges.add(new PendingEdge(target, reference));
    }
  }

  private void newClass(ObjectCreationExpr creation) {
    startedNamedClasses(creation, creation.getArguments());
    if (creation.getAnonymousClassBody().isEmpty()) {
      String created = types.resolve(creation.getType());
      ConstructorDeclaration constructor = symbols.constructor(created, creation.getArguments().size());
      if (constructor != null && current() != null && methodUnits.containsKey(constructor)) {
        current().edges.add(new PendingEdge(methodUnits.get(constructor), creation));
      }
      creation.getScope().ifPresent(this::scan);
      creation.getArguments().forEach(this::scan);
      return;
    }
    FunctionalContext context = functionalContext(creation);
    String createdType = types.resolve(creation.getType());
    if (context.kind() == FunctionalContext.Kind.INLINE && types.isSubtype(createdType, "java.lang.Thread")) {
      context = FunctionalContext.task(taskRoot(creation, "the thread created", false));
    }
    List<MethodDeclaration> methods = new ArrayList<>();
    for (BodyDeclaration<?> member : creation.getAnonymousClassBody().get()) {
      if (member instanceof MethodDeclaration && ((MethodDeclaration) member).getBody().isPresent()) {
        MethodDeclaration method = (MethodDeclaration) member;
        boolean entryPoint =
            (method.getNameAsString().equals("run") || method.getNameAsString().equals("call"))
                && method.getParameters().isEmpty();
        FunctionalContext methodContext =
            context.kind() == FunctionalContext.Kind.TASK && !entryPoint ? FunctionalContext.DEFERRED : context;
        CodeUnit unit =
            functionalUnit(
                methodContext,
                method.getNameAsString() + "() of the anonymous class at line " + line(creation),
                method,
                locksHeldByCaller(creation, createdType, method));
        methodUnits.put(method, unit);
        methods.add(method);
      }
    }
    creation.getArguments().forEach(this::scan);
    for (MethodDeclaration method : methods) {
      scanCallable(method);
    }
  }

  /** The lock an anonymous {@code Monitor.Guard}'s {@code isSatisfied()} always runs under. */
  private Set<LockRef> locksHeldByCaller(ObjectCreationExpr creation, String createdType, MethodDeclaration method) {
    for (LockApis.CallbackUnderLock callback : LockApis.CALLBACKS_UNDER_LOCK) {
      if (method.getNameAsString().equals(callback.method())
          && types.isSubtype(createdType, callback.owner())
          && creation.getArguments().size() > callback.lockArgument()) {
        LockRef lock = locks.lockObject(creation.getArgument(callback.lockArgument()));
        return lock == null ? Set.of() : Set.of(lock);
      }
    }
    return Set.of();
  }

  /** {@code executor.submit(new Worker())} / {@code new Thread(this)}: the class's run() is a task. */
  private void startedNamedClasses(Expression call, List<Expression> arguments) {
    boolean candidate =
        arguments.stream()
            .map(LintSymbols::skipParens)
            .anyMatch(
                a -> a instanceof ObjectCreationExpr && ((ObjectCreationExpr) a).getAnonymousClassBody().isEmpty()
                    || a instanceof ThisExpr);
    if (!candidate) {
      return; // only new Worker() or this can start a named class's run()
    }
    Optional<ThreadStartApis.Entry> start = threadStartOf(call);
    if (start.isEmpty()) {
      return;
    }
    for (Expression argument : arguments) {
      Expression a = LintSymbols.skipParens(argument);
      String started = null;
      if (a instanceof ObjectCreationExpr && ((ObjectCreationExpr) a).getAnonymousClassBody().isEmpty()) {
        started = types.resolve(((ObjectCreationExpr) a).getType());
      } else if (a instanceof ThisExpr && ((ThisExpr) a).getTypeName().isEmpty()) {
        started = symbols.typeOf(a);
      }
      TypeDeclaration<?> declaration = types.declaration(started);
      if (declaration == null) {
        continue;
      }
      for (MethodDeclaration method : declaration.getMethods()) {
        CodeUnit target = methodUnits.get(method);
        if (target != null
            && method.getParameters().isEmpty()
            && (method.getNameAsString().equals("run") || method.getNameAsString().equals("call"))) {
          ThreadRoot root = taskRoot(call, start.get().description(), false);
          CodeUnit task =
              register(new CodeUnit(nextUnitId++, CodeUnit.Kind.TASK, root.describe(), true, Set.of(), root), null);
          infos.get(task).edges.add(new PendingEdge(target, call));
        }
      }
    }
  }

  private void recordSameClassCall(MethodCallExpr call) {
    if (current() == null) {
      return;
    }
    MethodDeclaration callee =
        symbols.method(symbols.receiverType(call), call.getNameAsString(), call.getArguments().size());
    CodeUnit unit = callee == null ? null : methodUnits.get(callee);
    if (unit != null) {
      current().edges.add(new PendingEdge(unit, call));
    }
  }

  private void enhancedFor(ForEachStmt loop) {
    Expression iterated = LintSymbols.skipParens(loop.getIterable());
    if (iterated instanceof MethodCallExpr && ((MethodCallExpr) iterated).getScope().isPresent()) {
      MethodCallExpr call = (MethodCallExpr) iterated;
      MapField field = mapFieldOf(call.getScope().get());
      if (field != null && call.getNameAsString().equals("entrySet")) {
        for (VariableDeclarator v : loop.getVariable().getVariables()) {
          aliases.put(v, new Alias(field, AliasKind.ENTRY));
        }
      }
    }
  }

  private void recordUse(Node node, LintSymbols.Variable variable) {
    if (variable == null || current() == null) {
      return;
    }
    ValueLocal value = valueLocals.get(variable.declaration());
    if (value != null) {
      LintCallSyntax.ValueUse use = LintCallSyntax.useOfValue(node);
      if (use != null) {
        current().mutations.add(
            new PendingMutation(value.field(), value.source(), value.line(), use.method(), variable.name(), use.node()));
      }
      return;
    }
    MapField field = fields.get(variable.declaration());
    if (field != null) {
      classifyMapUse(field, node, AliasKind.MAP);
      return;
    }
    Alias alias = aliases.get(variable.declaration());
    if (alias != null) {
      classifyMapUse(alias.field(), node, alias.kind());
      return;
    }
    MapField local = localMaps.get(variable.declaration());
    if (local != null) {
      classifyMapUse(local, node, AliasKind.MAP);
    }
  }

  /**
   * {@code local = field} (or a view of it) makes uses of {@code local} uses of the field, unless the
   * field is given another map right after, in the same block: then the local holds the detached
   * old map (the swap idiom). As the javac front end.
   */
  private void recordAlias(Node local, Expression init, Node at) {
    Expression value = LintSymbols.skipParens(init);
    MapField field = mapFieldOf(value);
    if (field != null) {
      if (!reassignedAfter(field, at)) {
        aliases.put(local, new Alias(field, AliasKind.MAP));
      }
      return;
    }
    if (value instanceof MethodCallExpr && ((MethodCallExpr) value).getScope().isPresent()) {
      MethodCallExpr call = (MethodCallExpr) value;
      MapField owner = mapFieldOf(call.getScope().get());
      if (owner != null && MapMethods.isView(call.getNameAsString()) && reassignedAfter(owner, at)) {
        return;
      }
      if (owner != null && MapMethods.isView(call.getNameAsString())) {
        aliases.put(local, new Alias(owner, AliasKind.VIEW));
        return;
      }
      MapField iterated = viewOwner(call.getScope().get());
      if (iterated != null && call.getNameAsString().equals("iterator")) {
        aliases.put(local, new Alias(iterated, AliasKind.ITERATOR));
      }
    }
  }

  /** A later statement of the block around {@code at} assigns {@code field}. */
  private boolean reassignedAfter(MapField field, Node at) {
    Node statement = at;
    while (statement != null && !(statement instanceof Statement)) {
      statement = statement.getParentNode().orElse(null);
    }
    if (statement == null || !(statement.getParentNode().orElse(null) instanceof BlockStmt)) {
      return false;
    }
    boolean after = false;
    for (Statement s : ((BlockStmt) statement.getParentNode().get()).getStatements()) {
      if (after
          && s instanceof ExpressionStmt
          && ((ExpressionStmt) s).getExpression() instanceof AssignExpr) {
        LintSymbols.Variable target = symbols.variableOf(((AssignExpr) ((ExpressionStmt) s).getExpression()).getTarget());
        if (target != null && fields.get(target.declaration()) == field) {
          return true;
        }
      }
      after |= s == statement;
    }
    return false;
  }

  /** The map field behind a view: {@code map.keySet()} or a local holding one. */
  private MapField viewOwner(Expression expression) {
    Expression e = LintSymbols.skipParens(expression);
    LintSymbols.Variable variable = symbols.variableOf(e);
    Alias alias = variable == null ? null : aliases.get(variable.declaration());
    if (alias != null && alias.kind() == AliasKind.VIEW) {
      return alias.field();
    }
    if (e instanceof MethodCallExpr && ((MethodCallExpr) e).getScope().isPresent()) {
      MethodCallExpr call = (MethodCallExpr) e;
      if (MapMethods.isView(call.getNameAsString())) {
        return mapFieldOf(call.getScope().get());
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ what a use does

  private void classifyMapUse(MapField field, Node use, AliasKind kind) {
    Node parent = LintCallSyntax.parentSkippingParens(use);
    Node leaf = LintCallSyntax.outermostParens(use);
    UnitInfo unit = current();

    if (parent instanceof MethodCallExpr && ((MethodCallExpr) parent).getScope().orElse(null) == leaf) {
      MethodCallExpr call = (MethodCallExpr) parent;
      String method = call.getNameAsString();
      boolean nullArgument = call.getArguments().stream().anyMatch(AstFactExtractor::isNullLiteral);
      if (kind == AliasKind.ENTRY || kind == AliasKind.ITERATOR) {
        Effect effect =
            kind == AliasKind.ENTRY ? MapMethods.effectOnEntry(method) : MapMethods.effectOnIterator(method);
        if (effect == Effect.WRITE) {
          unit.accesses.add(new Pending(field, Effect.WRITE, method, use, false, false));
        }
        return;
      }
      if (kind == AliasKind.VIEW) {
        unit.accesses.add(
            new Pending(field, MapMethods.effectOnView(method), method, use, false, false, viewTraversal(method)));
        return;
      }
      if (MapMethods.isView(method)) {
        classifyViewUse(field, use, call, method);
        return;
      }
      unit.accesses.add(
          new Pending(
              field,
              MapMethods.effectOnMap(method),
              method,
              use,
              false,
              nullArgument,
              callSyntax.describe(call, this::mapFieldOf, field)));
      if (!field.local()) {
        trackValue(field, method, use, call);
        recordStoredValue(field, method, call);
        recordNullableArguments(field, method, use, call);
      }
      return;
    }
    if (kind == AliasKind.ENTRY || kind == AliasKind.ITERATOR) {
      return;
    }
    if (kind == AliasKind.VIEW) {
      if (parent instanceof ForEachStmt) {
        unit.accesses.add(
            new Pending(field, Effect.ITERATE, "iterator", use, false, false, MapCall.traversal("for-each")));
      } else if (parent instanceof ReturnStmt) {
        unit.accesses.add(new Pending(field, Effect.ITERATE, null, use, false, false));
        unit.escapes.add(new PendingEscape(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(use), parent));
      } else {
        unit.accesses.add(new Pending(field, Effect.ITERATE, null, use, false, false));
      }
      return;
    }
    if (parent instanceof AssignExpr && ((AssignExpr) parent).getTarget() == leaf) {
      List<String> values = new ArrayList<>();
      describeValue(((AssignExpr) parent).getValue(), values);
      boolean fresh = !values.isEmpty() && values.stream().allMatch(MapTypes::isFresh);
      unit.accesses.add(new Pending(field, Effect.ASSIGN, null, use, fresh, false));
      if (!field.local()) {
        detectLazyInit(field, use);
      }
      return;
    }
    if (parent instanceof AssignExpr && ((AssignExpr) parent).getValue() == leaf) {
      LintSymbols.Variable target = symbols.variableOf(((AssignExpr) parent).getTarget());
      if (target != null && target.isField() && !fields.containsKey(target.declaration())) {
        unit.escapes.add(new PendingEscape(field, Escape.Kind.STORED, "'" + target.name() + "'", parent));
      }
      unit.accesses.add(new Pending(field, Effect.REFERENCE_READ, null, use, false, false));
      return;
    }
    if (parent instanceof ReturnStmt) {
      unit.escapes.add(new PendingEscape(field, Escape.Kind.RETURNED, enclosingMethodName(use), parent));
      unit.accesses.add(new Pending(field, Effect.REFERENCE_READ, null, use, false, false));
      return;
    }
    if (parent instanceof BinaryExpr) {
      boolean concatenation = ((BinaryExpr) parent).getOperator() == BinaryExpr.Operator.PLUS;
      unit.accesses.add(
          new Pending(field, concatenation ? Effect.ITERATE : Effect.REFERENCE_READ, null, use, false, false));
      return;
    }
    if (isArgument(parent, leaf)) {
      classifyArgument(field, use, parent);
      return;
    }
    unit.accesses.add(new Pending(field, Effect.REFERENCE_READ, null, use, false, false));
  }

  /**
   * A value handed out by {@code get}/{@code computeIfAbsent}/...: a call made on it right away, or
   * the local it goes into when that local only ever holds values of this map (or new ones).
   */
  private void trackValue(MapField field, String method, Node use, MethodCallExpr call) {
    if (!MapMethods.VALUE_SOURCES.contains(method)) {
      return;
    }
    int line = line(use);
    LintCallSyntax.ValueUse valueUse = LintCallSyntax.useOfValue(call);
    if (valueUse != null) {
      current().mutations.add(new PendingMutation(field, method, line, valueUse.method(), null, valueUse.node()));
      return;
    }
    Node parent = LintCallSyntax.parentSkippingParens(call);
    LintSymbols.Variable local = null;
    if (parent instanceof VariableDeclarator && isLocal((VariableDeclarator) parent)) {
      local = localVariable((VariableDeclarator) parent);
    } else if (parent instanceof AssignExpr
        && ((AssignExpr) parent).getValue() == LintCallSyntax.outermostParens(call)
        && ((AssignExpr) parent).getOperator() == AssignExpr.Operator.ASSIGN) {
      local = symbols.variableOf(((AssignExpr) parent).getTarget());
    }
    if (local == null || local.isField() || valueLocals.containsKey(local.declaration())) {
      return;
    }
    List<Expression> values = callSyntax.valuesOf(local.declaration(), call);
    if (values == null || !values.stream().allMatch(v -> isValueOf(field, v, call, true))) {
      return;
    }
    // A new object the local gets is one of the map's values only once it is stored there (the
    // get / create / putIfAbsent idiom); else it is a private copy.
    boolean createsValues =
        values.stream().anyMatch(v -> LintSymbols.skipParensAndCasts(v) instanceof ObjectCreationExpr);
    if (!createsValues || storesInto(field, local.declaration(), call)) {
      valueLocals.put(local.declaration(), new ValueLocal(field, method, line));
    }
  }

  private boolean storesInto(MapField field, Node local, Node use) {
    for (MethodCallExpr call : callSyntax.callsTaking(local, use)) {
      if (call.getScope().isPresent()
          && MapMethods.STORED_VALUE_ARGUMENT.containsKey(call.getNameAsString())
          && mapFieldOf(call.getScope().get()) == field) {
        return true;
      }
    }
    return false;
  }

  /**
   * A value of {@code field}, a new object or null; with {@code throughLocals}, also a local holding
   * only such values ({@code list = previous} after {@code previous = m.putIfAbsent(..)}).
   */
  private boolean isValueOf(MapField field, Expression value, Node use, boolean throughLocals) {
    Expression e = LintSymbols.skipParensAndCasts(value);
    if (e instanceof NullLiteralExpr || e instanceof ObjectCreationExpr) {
      return true;
    }
    if (throughLocals && e instanceof NameExpr) {
      LintSymbols.Variable variable = symbols.variable((NameExpr) e);
      if (variable != null && !variable.isField()) {
        List<Expression> values = callSyntax.valuesOf(variable.declaration(), use);
        return values != null
            && !values.isEmpty()
            && values.stream().allMatch(v -> isValueOf(field, v, use, false));
      }
    }
    if (e instanceof MethodCallExpr && ((MethodCallExpr) e).getScope().isPresent()) {
      MethodCallExpr call = (MethodCallExpr) e;
      return MapMethods.VALUE_SOURCES.contains(call.getNameAsString())
          && mapFieldOf(call.getScope().get()) == field;
    }
    return false;
  }

  /** Keys and values of the call that may be null there. */
  private void recordNullableArguments(MapField field, String method, Node use, MethodCallExpr call) {
    List<Expression> arguments = call.getArguments();
    for (int i = 0; i < arguments.size(); i++) {
      boolean key = i == 0 && MapMethods.KEY_METHODS.contains(method);
      if (!key && !MapMethods.VALUE_ARGUMENTS.getOrDefault(method, Set.of()).contains(i)) {
        continue;
      }
      LintNullSyntax.Source source = nullSyntax.sourceOf(arguments.get(i), call);
      if (source != null) {
        nullableArguments.add(
            new NullableArgument(
                field, method, key, arguments.get(i).toString(), source.kind(), source.detail(), source.line(),
                site(use)));
      }
    }
  }

  /** The value a put-like call stores, or what the function of computeIfAbsent returns. */
  private void recordStoredValue(MapField field, String method, MethodCallExpr call) {
    int line = line(call);
    List<Expression> arguments = call.getArguments();
    Integer position = MapMethods.STORED_VALUE_ARGUMENT.get(method);
    if (position != null && arguments.size() >= 2) {
      Expression value =
          LintSymbols.skipParensAndCasts(arguments.get(position < 0 ? arguments.size() - 1 : position));
      LintSymbols.Variable local = value instanceof NameExpr ? symbols.variable((NameExpr) value) : null;
      List<Expression> localValues =
          local == null || local.isField() ? null : callSyntax.valuesOf(local.declaration(), call);
      if (localValues == null) {
        describeStoredValue(field, value, line);
      } else {
        localValues.forEach(v -> describeStoredValue(field, v, line));
      }
      return;
    }
    if (!MapMethods.STORING_FUNCTIONS.contains(method) || arguments.size() != 2) {
      return;
    }
    Expression function = LintSymbols.skipParens(arguments.get(1));
    if (function instanceof LambdaExpr) {
      LambdaExpr lambda = (LambdaExpr) function;
      if (lambda.getExpressionBody().isPresent()) {
        describeStoredValue(field, lambda.getExpressionBody().get(), line);
      } else {
        returnedValues(lambda.getBody(), field, line);
      }
    } else if (function instanceof MethodReferenceExpr
        && ((MethodReferenceExpr) function).getIdentifier().equals("new")
        && ((MethodReferenceExpr) function).getScope() instanceof TypeExpr) {
      String created = typeName(((TypeExpr) ((MethodReferenceExpr) function).getScope()).getType());
      if (created != null) {
        storedValues.add(new StoredValue(field, "new:" + created, line));
      }
    }
  }

  /** The values a lambda body returns, leaving out nested lambdas and classes. */
  private void returnedValues(Node node, MapField field, int line) {
    if (node instanceof LambdaExpr || node instanceof TypeDeclaration || node instanceof ObjectCreationExpr) {
      return;
    }
    if (node instanceof ReturnStmt && ((ReturnStmt) node).getExpression().isPresent()) {
      describeStoredValue(field, ((ReturnStmt) node).getExpression().get(), line);
      return;
    }
    for (Node child : node.getChildNodes()) {
      returnedValues(child, field, line);
    }
  }

  private void describeStoredValue(MapField field, Expression value, int line) {
    Expression e = LintSymbols.skipParensAndCasts(value);
    String described = null;
    if (e instanceof ObjectCreationExpr) {
      String created = types.resolve(((ObjectCreationExpr) e).getType());
      described = created == null ? null : "new:" + created;
    } else if (e instanceof MethodCallExpr && staticOwner((MethodCallExpr) e) != null) {
      described = "call:" + staticOwner((MethodCallExpr) e) + "." + ((MethodCallExpr) e).getNameAsString();
    } else {
      String type = symbols.typeOf(e);
      described = type == null ? null : "type:" + type;
    }
    if (described != null) {
      storedValues.add(new StoredValue(field, described, line));
    }
  }

  /** The erased value type {@code V} of a declared {@code Map<K, V>}, see {@code MapField#valueType}. */
  private String mapValueType(Type declared) {
    if (declared == null || !declared.isClassOrInterfaceType()) {
      return null;
    }
    Optional<com.github.javaparser.ast.NodeList<Type>> arguments =
        declared.asClassOrInterfaceType().getTypeArguments();
    return arguments.isPresent() && arguments.get().size() == 2 ? typeName(arguments.get().get(1)) : null;
  }

  /** {@code java.util.List}, {@code int[]}; null for type variables, wildcards and unknown names. */
  private String typeName(Type type) {
    if (type.isArrayType()) {
      String element = typeName(type.asArrayType().getComponentType());
      return element == null ? null : element + "[]";
    }
    if (type.isPrimitiveType()) {
      return type.asString();
    }
    return type.isClassOrInterfaceType() ? types.resolve(type) : null;
  }

  private void classifyViewUse(MapField field, Node use, MethodCallExpr viewCall, String view) {
    UnitInfo unit = current();
    Node parent = LintCallSyntax.parentSkippingParens(viewCall);
    Node leaf = LintCallSyntax.outermostParens(viewCall);
    if (parent instanceof MethodCallExpr && ((MethodCallExpr) parent).getScope().orElse(null) == leaf) {
      String method = ((MethodCallExpr) parent).getNameAsString();
      Effect effect = MapMethods.isView(method) ? Effect.ITERATE : MapMethods.effectOnView(method);
      MapCall call = viewTraversal(method);
      if (effect == Effect.WRITE) {
        call =
            call.within(
                callSyntax.enclosingLoop(parent, this::mapFieldOf, field),
                LintCallSyntax.exitsAfter(parent),
                callSyntax.enclosingUpdate(parent, this::mapFieldOf, field));
      }
      unit.accesses.add(new Pending(field, effect, view + "()." + method, use, false, false, call));
      return;
    }
    if (parent instanceof ReturnStmt) {
      unit.accesses.add(new Pending(field, Effect.ITERATE, view, use, false, false));
      unit.escapes.add(new PendingEscape(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(use), parent));
      return;
    }
    if (isArgument(parent, leaf)) {
      classifyArgument(field, use, parent);
      return;
    }
    if (parent instanceof ForEachStmt) {
      unit.accesses.add(new Pending(field, Effect.ITERATE, view, use, false, false, MapCall.traversal("for-each")));
      return;
    }
    unit.accesses.add(new Pending(field, Effect.ITERATE, view, use, false, false));
  }

  /** How a call on a view walks the map: {@code iterator}, {@code stream}…, or null. */
  private static MapCall viewTraversal(String method) {
    return MapMethods.isTraversal(method) ? MapCall.traversal(method) : MapCall.NONE;
  }

  private static boolean isArgument(Node parent, Node leaf) {
    if (parent instanceof MethodCallExpr) {
      return ((MethodCallExpr) parent).getArguments().stream().anyMatch(a -> a == leaf);
    }
    if (parent instanceof ObjectCreationExpr) {
      return ((ObjectCreationExpr) parent).getArguments().stream().anyMatch(a -> a == leaf);
    }
    return false;
  }

  /** The map (or a view) passed as an argument: copied, formatted, wrapped, or handed out. */
  /** The field or local a wrapper call initialises or is assigned to, as locks name it, or null. */
  private String wrapperName(MethodCallExpr call) {
    Node parent = LintCallSyntax.parentSkippingParens(call);
    LintSymbols.Variable target = null;
    if (parent instanceof VariableDeclarator
        && ((VariableDeclarator) parent).getInitializer().map(LintSymbols::skipParens).orElse(null) == call) {
      VariableDeclarator v = (VariableDeclarator) parent;
      target =
          isLocal(v)
              ? localVariable(v)
              : new LintSymbols.Variable(v, v.getNameAsString(), v.getType(), true, LintSymbols.enclosingType(v));
    } else if (parent instanceof AssignExpr && LintSymbols.skipParens(((AssignExpr) parent).getValue()) == call) {
      target = symbols.variableOf(((AssignExpr) parent).getTarget());
    }
    if (target == null) {
      return null;
    }
    return target.isField() ? locks.fieldName(target) : target.name();
  }

  private void classifyArgument(MapField field, Node use, Node call) {
    UnitInfo unit = current();
    String created = call instanceof ObjectCreationExpr ? types.resolve(((ObjectCreationExpr) call).getType()) : null;
    unit.accesses.add(
        new Pending(
            field,
            Effect.ITERATE,
            null,
            use,
            false,
            false,
            created == null ? MapCall.NONE : MapCall.traversal("new:" + created)));
    String owner;
    String name;
    if (call instanceof ObjectCreationExpr) {
      owner = types.resolve(((ObjectCreationExpr) call).getType());
      name = "<init>";
      if (symbols.constructor(owner, ((ObjectCreationExpr) call).getArguments().size()) != null
          && types.declaration(owner) != null
          && isInTopLevel(types.declaration(owner))) {
        return;
      }
      if (owner != null && (isMap(owner) || types.isSubtype(owner, "java.util.Collection"))) {
        return; // a copy
      }
    } else {
      MethodCallExpr invocation = (MethodCallExpr) call;
      owner = symbols.receiverType(invocation);
      name = invocation.getNameAsString();
      if (owner != null && MapTypes.kindOfValue("call:" + owner + "." + name) == MapKind.SYNCHRONIZED) {
        unit.wraps.add(new PendingWrap(field, wrapperName(invocation), use));
      }
      MethodDeclaration local = symbols.method(owner, name, invocation.getArguments().size());
      if (local != null && methodUnits.containsKey(local)) {
        return;
      }
    }
    for (MethodRef wrapper : MapArguments.VIEW_WRAPPERS) {
      if (matches(wrapper, owner, name)) {
        Node outer = LintCallSyntax.parentSkippingParens(call);
        if (outer instanceof ReturnStmt) {
          unit.escapes.add(new PendingEscape(field, Escape.Kind.VIEW_RETURNED, enclosingMethodName(use), outer));
        }
        return;
      }
    }
    for (MethodRef consumer : MapArguments.SYNCHRONOUS_CONSUMERS) {
      if (matches(consumer, owner, name)) {
        return;
      }
    }
    if (isImmediate(owner, name) || threadStart(owner, name).isPresent()) {
      return;
    }
    if (call instanceof MethodCallExpr
        && ((MethodCallExpr) call).getScope().map(s -> mapFieldOf(s) == field).orElse(false)) {
      return; // cache.equals(cache)
    }
    String detail;
    if (call instanceof MethodCallExpr) {
      MethodCallExpr invocation = (MethodCallExpr) call;
      detail =
          invocation.getScope().map(s -> s + "." + invocation.getNameAsString()).orElse(invocation.getNameAsString())
              + "(..)";
    } else {
      detail = ((ObjectCreationExpr) call).getType().getNameAsString() + "(..)";
    }
    unit.escapes.add(new PendingEscape(field, Escape.Kind.PASSED, detail, call));
  }

  private boolean isInTopLevel(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n == topLevel) {
        return true;
      }
    }
    return false;
  }

  private String enclosingMethodName(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration) {
        return methodName((CallableDeclaration<?>) n);
      }
    }
    return "an initializer";
  }

  /** {@code if (f == null) { synchronized (x) { if (f == null) { f = ...; } } }}. */
  private void detectLazyInit(MapField field, Node assignedField) {
    IfStmt inner = null;
    boolean locked = false;
    for (Node n = assignedField.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration || n instanceof LambdaExpr || n instanceof TypeDeclaration) {
        return;
      }
      if (n instanceof IfStmt && checksNull((IfStmt) n, field)) {
        if (inner == null) {
          inner = (IfStmt) n;
        } else if (locked) {
          lazyInits.add(new LazyInit(field, site(assignedField), line(n)));
          return;
        }
      }
      if (n instanceof SynchronizedStmt && inner != null) {
        locked = true;
      }
    }
  }

  private boolean checksNull(IfStmt statement, MapField field) {
    Expression condition = LintSymbols.skipParens(statement.getCondition());
    if (!(condition instanceof BinaryExpr) || ((BinaryExpr) condition).getOperator() != BinaryExpr.Operator.EQUALS) {
      return false;
    }
    BinaryExpr binary = (BinaryExpr) condition;
    return isNullLiteral(binary.getRight()) && mapFieldOf(binary.getLeft()) == field
        || isNullLiteral(binary.getLeft()) && mapFieldOf(binary.getRight()) == field;
  }

  // ------------------------------------------------------------------ where functional code runs

  private FunctionalContext functionalContext(Expression functional) {
    Node parent = LintCallSyntax.parentSkippingParens(functional);
    Node leaf = LintCallSyntax.outermostParens(functional);
    if (parent instanceof MethodCallExpr && isArgument(parent, leaf)) {
      MethodCallExpr call = (MethodCallExpr) parent;
      String owner = symbols.receiverType(call);
      String name = call.getNameAsString();
      if (owner == null || isImmediate(owner, name) && !inParallelStream(call)) {
        return inParallelStream(call)
            ? FunctionalContext.task(taskRoot(call, "the parallel stream callback", true))
            : FunctionalContext.INLINE;
      }
      Optional<ThreadStartApis.Entry> start = threadStart(owner, name);
      if (start.isPresent()) {
        return FunctionalContext.task(taskRoot(call, start.get().description(), false));
      }
      if (inParallelStream(call)) {
        return FunctionalContext.task(taskRoot(call, "the parallel stream callback", true));
      }
      return FunctionalContext.INLINE;
    }
    if (parent instanceof ObjectCreationExpr && isArgument(parent, leaf)) {
      Optional<ThreadStartApis.Entry> start = threadStartOf((ObjectCreationExpr) parent);
      return start.isPresent()
          ? FunctionalContext.task(taskRoot((Expression) parent, start.get().description(), false))
          : FunctionalContext.INLINE;
    }
    if (parent instanceof VariableDeclarator) {
      Expression start = startedLater.get(leaf);
      if (start != null) {
        return FunctionalContext.task(taskRoot(start, threadStartOf(start).get().description(), false));
      }
      // a lambda kept in a local runs where it is called: inline; one kept in a field runs later
      return isLocal((VariableDeclarator) parent) ? FunctionalContext.INLINE : FunctionalContext.DEFERRED;
    }
    if (parent instanceof ReturnStmt || parent instanceof AssignExpr) {
      return FunctionalContext.DEFERRED;
    }
    return FunctionalContext.INLINE;
  }

  private static boolean inParallelStream(MethodCallExpr call) {
    for (Optional<Expression> scope = call.getScope(); scope.isPresent(); ) {
      Expression receiver = LintSymbols.skipParens(scope.get());
      if (!(receiver instanceof MethodCallExpr)) {
        return false;
      }
      MethodCallExpr inner = (MethodCallExpr) receiver;
      if (ThreadStartApis.PARALLEL_STREAM_METHODS.contains(inner.getNameAsString())) {
        return true;
      }
      scope = inner.getScope();
    }
    return false;
  }

  private ThreadRoot taskRoot(Expression start, String description, boolean repeated) {
    return rootsByStartCall.computeIfAbsent(
        start,
        s -> {
          String executor = null;
          boolean singleThread = false;
          if (s instanceof MethodCallExpr && ((MethodCallExpr) s).getScope().isPresent()) {
            LintSymbols.Variable receiver = symbols.variableOf(((MethodCallExpr) s).getScope().get());
            if (receiver != null && receiver.isField()) {
              executor = locks.fieldName(receiver);
              singleThread = singleThreadExecutors.contains(receiver.declaration());
            }
          }
          UnitInfo starter = current();
          return new ThreadRoot(
              ThreadRoot.Kind.TASK,
              line(s),
              description,
              executor,
              singleThread,
              repeated || insideLoop(s),
              starter == null ? -1 : starter.unit.id(),
              order(s));
        });
  }

  private static boolean insideLoop(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration || n instanceof LambdaExpr || n instanceof TypeDeclaration) {
        return false;
      }
      if (n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt) {
        return true;
      }
    }
    return false;
  }

  private Optional<ThreadStartApis.Entry> threadStartOf(Expression call) {
    String owner;
    String name;
    if (call instanceof ObjectCreationExpr) {
      owner = types.resolve(((ObjectCreationExpr) call).getType());
      name = "<init>";
    } else {
      owner = symbols.receiverType((MethodCallExpr) call);
      name = ((MethodCallExpr) call).getNameAsString();
    }
    if (owner == null || isImmediate(owner, name)) {
      return Optional.empty();
    }
    return threadStart(owner, name);
  }

  private boolean isImmediate(String owner, String name) {
    for (MethodRef ref : options.immediateCallbacks().candidates(name)) {
      if (matches(ref, owner, name)) {
        return true;
      }
    }
    return false;
  }

  private Optional<ThreadStartApis.Entry> threadStart(String owner, String name) {
    for (ThreadStartApis.Entry entry : options.threadStartApis().candidates(name)) {
      if (matches(entry.method(), owner, name)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  private boolean matches(MethodRef ref, String owner, String name) {
    return owner != null
        && (ref.name().equals(MethodRef.ANY_NAME) || ref.name().equals(name))
        && types.isSubtype(owner, ref.owner());
  }

  /** The map field an expression denotes directly ({@code cache}, {@code this.cache}, an alias). */
  private MapField mapFieldOf(Expression expression) {
    LintSymbols.Variable variable = symbols.variableOf(LintSymbols.skipParens(expression));
    if (variable == null) {
      return null;
    }
    MapField field = fields.get(variable.declaration());
    if (field != null) {
      return field;
    }
    Alias alias = aliases.get(variable.declaration());
    if (alias != null) {
      return alias.kind() == AliasKind.MAP ? alias.field() : null;
    }
    return localMaps.get(variable.declaration());
  }

  // ------------------------------------------------------------------ sites

  private static int line(Node node) {
    return node.getBegin().map(p -> p.line).orElse(0);
  }

  /** A position usable to order accesses and task starts inside one unit. */
  private static int order(Node node) {
    return node.getBegin().map(p -> p.line * 10_000 + Math.min(p.column, 9_999)).orElse(0);
  }

  private Site site(Node node) {
    int line = line(node);
    int column = node.getBegin().map(p -> p.column).orElse(1);
    String text = line >= 1 && line - 1 < source.size() ? source.get(line - 1) : "";
    return new Site(line, column, member(node), text, suppressions(node), node);
  }

  private String member(Node node) {
    String member = "";
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration && member.isEmpty()) {
        member = methodName((CallableDeclaration<?>) n);
      } else if (n instanceof VariableDeclarator && member.isEmpty() && !isLocal((VariableDeclarator) n)) {
        member = ((VariableDeclarator) n).getNameAsString();
      } else if (n instanceof TypeDeclaration) {
        return flatName((TypeDeclaration<?>) n) + "#" + member;
      }
    }
    return topLevel.getNameAsString() + "#" + member;
  }

  /** {@code pkg.Outer$Inner}, as javac's flat names. */
  private String flatName(TypeDeclaration<?> type) {
    String qualified = types.qualifiedName(type).orElse(type.getNameAsString());
    String top = types.qualifiedName(topLevel).orElse(topLevel.getNameAsString());
    return qualified.startsWith(top + ".")
        ? top + qualified.substring(top.length()).replace('.', '$')
        : qualified;
  }

  private Set<String> suppressions(Node node) {
    Set<String> names = new HashSet<>();
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      NodeWithAnnotations<?> annotated = null;
      if (n instanceof BodyDeclaration) {
        annotated = (NodeWithAnnotations<?>) n;
      } else if (n instanceof VariableDeclarationExpr) {
        annotated = (VariableDeclarationExpr) n;
      } else if (n instanceof VariableDeclarator && n.getParentNode().orElse(null) instanceof NodeWithAnnotations) {
        annotated = (NodeWithAnnotations<?>) n.getParentNode().get();
      }
      if (annotated == null) {
        continue;
      }
      for (AnnotationExpr annotation : annotated.getAnnotations()) {
        if (annotation.getNameAsString().equals("SuppressWarnings")
            || annotation.getNameAsString().equals("java.lang.SuppressWarnings")) {
          names.addAll(annotationValues(annotation));
        }
      }
    }
    return names;
  }

  private static boolean isNullLiteral(Expression expression) {
    return LintSymbols.skipParens(expression) instanceof NullLiteralExpr;
  }
}

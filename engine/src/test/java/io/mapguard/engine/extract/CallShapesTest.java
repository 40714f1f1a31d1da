package io.mapguard.engine.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.model.MapCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The call shapes on a tree written by hand: the shared extraction needs nothing of a compiler, only
 * the port's answers. Node ids stand in for source positions.
 */
class CallShapesTest {
  /** A node of the hand-written tree: its kind, a name or literal text, its children by role. */
  static final class Node {
    final Kind kind;
    final String text;
    final List<Node> children;
    final int id;
    private static int next;

    Node(Kind kind, String text, Node... children) {
      this.kind = kind;
      this.text = text;
      this.children = new ArrayList<>(Arrays.asList(children));
      this.id = ++next;
    }
  }

  /** Children by role: a call's receiver (or null) then its arguments; an if's condition, then, else. */
  static class TreePort implements SyntaxPort<Node> {
    @Override public Kind kind(Node node) { return node.kind; }
    @Override public Node skipParens(Node e) { return e.kind == Kind.PARENS ? skipParens(e.children.get(0)) : e; }
    @Override public Node castOperand(Node cast) { return cast.children.get(0); }
    @Override public Node left(Node binary) { return binary.children.get(0); }
    @Override public Node right(Node binary) { return binary.children.get(1); }
    @Override public Node operand(Node unary) { return unary.children.get(0); }
    @Override public Node array(Node arrayAccess) { return arrayAccess.children.get(0); }
    @Override public Node assignTarget(Node assignment) { return assignment.children.get(0); }
    @Override public Node assignedValue(Node assignment) { return assignment.children.get(1); }
    /** A local declaration: an OTHER_STATEMENT whose text is {@code local:name}, its child the initializer. */
    @Override public String localDeclaredBy(Node n) { return n.text != null && n.text.startsWith("local:") ? n.text.substring(6).replace("@Nullable", "") : null; }
    @Override public boolean declaresLocal(Node n) { return localDeclaredBy(n) != null; }
    @Override public Node initializer(Node d) { return d.children.isEmpty() ? null : d.children.get(0); }
    @Override public SyntaxPath<Node> statementOfDeclaration(SyntaxPath<Node> declaration) { return declaration; }
    @Override public String name(Node node) { return node.text != null && node.text.startsWith("field:") ? node.text.substring(6) : node.text; }
    @Override public Node selected(Node fieldAccess) { return fieldAccess.children.get(0); }
    @Override public Node receiver(Node call) { return call.children.get(0); }
    @Override public List<Node> arguments(Node call) { return call.children.subList(1, call.children.size()); }
    @Override public String literalKey(Node literal) { return literal.text; }
    @Override public boolean isNullLiteral(Node e) { Node s = skipParens(e); return s.kind == Kind.LITERAL && "null".equals(s.text); }
    @Override public Node condition(Node s) { return s.children.get(0); }
    @Override public Node thenPart(Node s) { return s.children.get(1); }
    @Override public Node elsePart(Node s) { return s.children.size() > 2 ? s.children.get(2) : null; }
    @Override public List<Node> statements(Node block) { return block.children; }
    @Override public int order(Node node) { return node.id; }
    /** A for-each's children: iterable, body; its text: the variable. Loops: condition, body. */
    @Override public Node iterable(Node forEach) { return forEach.children.get(0); }
    @Override public String loopVariable(Node forEach) { return forEach.text; }
    @Override public Node loopBody(Node loop) { return loop.children.get(1); }
    @Override public Node loopCondition(Node loop) { return loop.children.get(0); }
    /** A lambda's text: its parameters, comma-separated; its child: the body. */
    @Override public List<String> lambdaParameters(Node lambda) { return List.of(lambda.text.split(",")); }
    /** Every identifier is a local here, named by its text. */
    @Override public Object localVariable(Node e) { Node s = skipParens(e); return s.kind == Kind.IDENTIFIER ? s.text.intern() : null; }
    @Override public Object declaredVariable(Node d) { return variableName(d).intern(); }
    @Override public boolean namesVariable(Node identifier) { return true; }
    @Override public void forEachNode(Node root, java.util.function.Predicate<Node> enter) {
      if (enter.test(root)) {
        for (Node child : root.children) {
          if (child != null) {
            forEachNode(child, enter);
          }
        }
      }
    }
    /** A try's children: its block, then its catch blocks. */
    @Override public Node tryBlock(Node t) { return t.children.get(0); }
    @Override public List<Node> catchBlocks(Node t) { return t.children.subList(1, t.children.size()); }
    @Override public Node returnedValue(Node r) { return r.children.isEmpty() ? null : r.children.get(0); }
    @Override public Node statementExpression(Node s) { return s.children.get(0); }
    @Override public List<Node> declarators(Node s) { return localDeclaredBy(s) != null ? List.of(s) : List.of(); }
    /** A method's or lambda's parameters: its children that declare locals ({@code local:name}); its annotations: none. */
    @Override public List<Node> parameters(Node m) { return m.children.stream().filter(c -> c != null && localDeclaredBy(c) != null && c.kind == Kind.OTHER).toList(); }
    @Override public List<String> annotationNames(Node d) { return d.text != null && d.text.endsWith("@Nullable") ? List.of("javax.annotation.Nullable") : List.of(); }
    @Override public Node calledMethod(Node call) { return null; }
    /** The tree {@link #pathTo} finds nodes in: set by a test that needs it. */
    Node root;
    @Override public SyntaxPath<Node> pathTo(Node node) { return CallShapesTest.pathTo(root, node); }
    @Override public boolean isVariableDeclaration(Node n) { return localDeclaredBy(n) != null || declaredName(n) != null || isFieldOfNamedClass(n); }
    /** A callee is {@code owner#name}: see {@link #CALLEES}. */
    @Override public Object callee(Node call) {
      return call.kind == Kind.NEW ? "java.util." + call.text + "#<init>" : OWNERS.getOrDefault(call.text, "com.acme.Log") + "#" + call.text;
    }
    @Override public String createdTypeName(Node creation) { return creation.text; }
    /** A declaration's text {@code decl:name} names what it initialises (see {@link #declaredName}). */
    @Override public String variableInitializedBy(Node holder, Node value) {
      return declaredName(holder) != null && declaredInitializer(holder) == value ? declaredName(holder) : null;
    }
    @Override public boolean isMap(Node e) { return true; }
    @Override public String text(Node e) { return e.text; }
    /** Types, fields and classes are not modelled here: every name is a local. */
    @Override public boolean declaredTypeIsSubtype(Node d, String type) { return false; }
    /** The supertypes a test gives a node (a class), by node. */
    final java.util.Map<Node, List<String>> supertypes = new java.util.IdentityHashMap<>();
    @Override public boolean isSubtype(Node e, String type) { return supertypes.getOrDefault(e, List.of()).contains(type); }
    /** The modifiers and annotations a test gives a declaration, by node. */
    final java.util.Map<Node, java.util.Set<Modifier>> modifiers = new java.util.IdentityHashMap<>();
    final java.util.Map<Node, List<Annotation>> annotations = new java.util.IdentityHashMap<>();
    @Override public boolean hasModifier(Node d, Modifier m) { return modifiers.getOrDefault(d, java.util.Set.of()).contains(m); }
    @Override public List<Annotation> annotations(Node d) { return annotations.getOrDefault(d, List.of()); }
    /** A method's body: its first BLOCK child; a method named like its class ({@code <init>}) is a constructor. */
    @Override public Node methodBody(Node m) { return m.children.stream().filter(c -> c != null && c.kind == Kind.BLOCK).findFirst().orElse(null); }
    @Override public boolean isConstructor(Node m) { return m.text.equals("<init>"); }
    @Override public List<String> parameterTypesAsWritten(Node m) { return parameters(m).stream().map(p -> "Object").toList(); }
    @Override public String methodDisplayName(Node m) { return m.text + "(" + String.join(", ", parameterTypesAsWritten(m)) + ")"; }
    @Override public boolean onlyThisFileSees(Node type) { return hasModifier(type, Modifier.PRIVATE); }
    /** Types are cheap here; a declaration declares a map when a test says its supertypes include Map. */
    @Override public boolean resolvesTypesCheaply() { return true; }
    @Override public boolean declaresMap(Node d) { return isSubtype(d, "java.util.Map"); }
    /** A field is a declaration {@code field:name}. */
    @Override public boolean isFieldOfNamedClass(Node d) { return d.text != null && d.text.startsWith("field:"); }
    @Override public boolean hasClassBody(Node creation) { return false; }
    @Override public boolean sizedByInt(Node creation) { return true; }
    /** A field {@code field:name} is named {@code name}; a local by {@link #localDeclaredBy}. */
    @Override public String variableName(Node d) { return isFieldOfNamedClass(d) ? d.text.substring(6) : localDeclaredBy(d); }
    @Override public List<String> declaredTypeChain(Node d) { return supertypes.getOrDefault(d, List.of()); }
    @Override public String declaredTypeAsWritten(Node d) { return null; }
    @Override public String mapValueType(Node d) { return null; }
    @Override public List<Annotation> typeAnnotations(Node d) { return List.of(); }
    /** The class a test says declares a field. */
    final java.util.Map<Node, Node> declaringClasses = new java.util.IdentityHashMap<>();
    @Override public Node declaringClass(Node d) { return declaringClasses.get(d); }
    @Override public String fieldNameIn(Node type, String name) { return type.text + "." + name; }
    /** A for-each's loop variable is declared by the for-each itself (its text: the name). */
    @Override public Node loopVariableDeclaration(Node forEach) { return new Node(Kind.OTHER, "local:" + forEach.text); }
    /** A class's text is its flat name; a class without text is anonymous. */
    @Override public String flatName(Node type) { return type.text; }
    @Override public List<Node> superConstructorArguments(Node constructor) { return null; }
    @Override public List<Node> classBodyMethods(Node creation) { return creation.children.stream().filter(c -> c != null && c.kind == Kind.METHOD).toList(); }
    @Override public boolean returnsBoolean(Node call) { return false; }
    @Override public String thisName(Node self) { return self.kind == Kind.CLASS && declaringClasses.containsValue(self) ? self.text + ".this" : "this"; }
    @Override public String classLiteralName(Node literal) { return literal.text; }
    @Override public String fieldName(Node e) { return null; }
    @Override public String fieldOwner(Node e) { return null; }
    @Override public boolean isStaticField(Node e) { return false; }
    @Override public Node otherClassConstantInitializer(Node e) { return null; }
    @Override public Object variable(Node e) { return localVariable(e); }
    /** A lambda's child is its body; constructor references and value types are not modelled. */
    @Override public Node lambdaBody(Node lambda) { return lambda.children.get(0); }
    @Override public String constructorReferenceType(Node reference) { return null; }
    @Override public String valueDescriptor(Node e) { return e.kind == Kind.NEW ? "new:" + e.text : null; }
    @Override public List<String> typeAndSupertypes(Node e) { return e.kind == Kind.NEW ? List.of(e.text) : null; }
    @Override public String staticCallTarget(Node call) { return null; }
    /** A declaration statement's text: {@code decl:name}; its child: the initializer. */
    @Override public String declaredName(Node s) { return s.text != null && s.text.startsWith("decl:") ? s.text.substring(5) : null; }
    @Override public Node declaredInitializer(Node s) { return s.children.get(0); }
    @Override public int line(Node node) { return node.id; }
    @Override public List<String> classTypes(Node type) { return List.of(type.text); }
    @Override public Overriding overriding(Node method) { return Overriding.NONE; }
    @Override public Node synchronizedLock(Node statement) { return statement.children.get(0); }
  }

  private final CallShapes<Node> shapes = new CallShapes<>(new TreePort());

  /** The classes the few library methods the tests call belong to; any other method is {@code com.acme.Log}'s. */
  static final java.util.Map<String, String> OWNERS =
      java.util.Map.of(
          "unmodifiableMap", "java.util.Collections",
          "synchronizedMap", "java.util.Collections",
          "submit", "java.util.concurrent.ExecutorService",
          "forEach", "java.lang.Iterable",
          "parallelStream", "java.util.Collection",
          "getProperty", "java.lang.System",
          "getParameter", "javax.servlet.ServletRequest");

  /** Callees as {@link TreePort#callee} spells them; a class is a subtype of itself only. */
  static final Callees CALLEES =
      new Callees() {
        @Override public String owner(Object callee) { return ((String) callee).split("#")[0]; }
        @Override public String name(Object callee) { return ((String) callee).split("#")[1]; }
        @Override public boolean ownerKnown(Object callee) { return true; }
        @Override public boolean ownerIsSubtype(Object callee, String type) { return owner(callee).equals(type); }
        @Override public String synchronizedMethodOwner(Object callee) { return null; }
      };

  static Node id(String name) { return new Node(Kind.IDENTIFIER, name); }

  static Node call(Node receiver, String method, Node... arguments) {
    Node call = new Node(Kind.METHOD_CALL, method, receiver);
    call.children.addAll(Arrays.asList(arguments));
    return call;
  }

  /** The path from {@code root} down to {@code target}. */
  static SyntaxPath<Node> pathTo(Node root, Node target) {
    return path(root, target, null);
  }

  /** The path from {@code root} down to {@code target}, or null. */
  private static SyntaxPath<Node> path(Node root, Node target, SyntaxPath<Node> above) {
    SyntaxPath<Node> here = SyntaxPath.of(root, above);
    if (root == target) {
      return here;
    }
    for (Node child : root.children) {
      SyntaxPath<Node> found = child == null ? null : path(child, target, here);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  @Test
  void keysAreStableTextOrNull() {
    Node key = new Node(Kind.PLUS, null, id("prefix"), call(id("user"), "id"));
    assertEquals("prefix+user.id()", shapes.key(key, n -> ""));
    Node thisField = new Node(Kind.FIELD_ACCESS, "name", new Node(Kind.THIS, null));
    assertEquals("name", shapes.key(thisField, n -> ""));
    assertEquals("\"a\"", shapes.key(new Node(Kind.LITERAL, "\"a\""), n -> ""));
    assertNull(shapes.key(id("k"), n -> n.text.equals("k") ? null : ""), "a local changed in place is no stable key");
    assertEquals("k@42", shapes.key(id("k"), n -> "@42"), "a reassigned local reads one of its values");
    assertNull(shapes.key(new Node(Kind.OTHER_EXPRESSION, "new"), n -> ""));
  }

  @Test
  void negatedContainsKeyTestsTheCallDirectly() {
    Node containsKey = call(id("cache"), "containsKey", id("k"));
    Node put = new Node(Kind.OTHER_STATEMENT, "put");
    Node ifStatement = new Node(Kind.IF, null, new Node(Kind.PARENS, null, new Node(Kind.LOGICAL_NOT, null, containsKey)), put);
    Node method = new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, ifStatement));

    MapCall.Test test = shapes.directTest(path(method, containsKey, null));

    assertEquals(new MapCall.Test(ifStatement.id, MapCall.Polarity.RESULT_FALSE, true, false), test);
    assertEquals(List.of(new MapCall.Branch(ifStatement.id, true)), shapes.branches(path(method, put, null)));
  }

  @Test
  void nullCheckOfTheResultLocalInTheNextStatement() {
    Node declaration = new Node(Kind.OTHER_STATEMENT, "V v = m.get(k)");
    Node comparison = new Node(Kind.EQUAL, null, id("v"), new Node(Kind.LITERAL, "null"));
    Node ifStatement = new Node(Kind.IF, null, new Node(Kind.CONDITIONAL_AND, null, comparison, id("ready")), new Node(Kind.RETURN, null));
    Node block = new Node(Kind.BLOCK, null, declaration, ifStatement);

    MapCall.Test test = shapes.localTest(path(block, declaration, null), "v");

    assertEquals(new MapCall.Test(ifStatement.id, MapCall.Polarity.RESULT_NULL, false, true), test);
  }

  @Test
  void statementAfterAnEarlyReturnRunsInTheElseBranch() {
    Node guard = new Node(Kind.IF, null, id("done"), new Node(Kind.BLOCK, null, new Node(Kind.RETURN, null)));
    Node put = new Node(Kind.OTHER_STATEMENT, "put");
    Node body = new Node(Kind.BLOCK, null, guard, put);
    Node method = new Node(Kind.METHOD, "m", body);

    assertEquals(List.of(new MapCall.Branch(guard.id, false)), shapes.branches(path(method, put, null)));
    assertTrue(shapes.exits(guard.children.get(1)));
    assertFalse(shapes.exits(put));
  }

  @Test
  void exitsAfterWhenTheNextStatementBreaks() {
    Node remove = new Node(Kind.OTHER_STATEMENT, "remove");
    Node loopBody = new Node(Kind.BLOCK, null, remove, new Node(Kind.BREAK, null));
    Node other = new Node(Kind.OTHER_STATEMENT, "other");
    Node goesOn = new Node(Kind.BLOCK, null, other, new Node(Kind.OTHER_STATEMENT, "more"));

    assertTrue(shapes.exitsAfter(path(loopBody, remove, null)));
    assertFalse(shapes.exitsAfter(path(goesOn, other, null)));
  }

  @Test
  void argumentOfACallOnTheSameMap() {
    Node get = call(id("counts"), "get", id("k"));
    Node receiver = id("counts");
    Node put = call(receiver, "put", id("k"), new Node(Kind.PLUS, null, get, new Node(Kind.LITERAL, "1")));
    Node statement = new Node(Kind.OTHER_STATEMENT, null, put);

    int order = shapes.argumentOf(path(statement, get, null), n -> n.kind == Kind.IDENTIFIER ? n.text : null, "counts");

    assertEquals(receiver.id, order);
  }

  private static final java.util.function.Function<Node, Object> FIELDS =
      n -> n.kind == Kind.IDENTIFIER && n.text.equals("cache") ? "cache" : null;

  @Test
  void removeInsideForEachOverTheKeySetIsInTheLoop() {
    Node remove = new Node(Kind.OTHER_STATEMENT, "remove");
    Node loop = new Node(Kind.FOR_EACH, "key", call(id("cache"), "keySet"), new Node(Kind.BLOCK, null, remove));
    Node method = new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, loop));

    MapCall.Loop found = shapes.enclosingLoop(path(method, remove, null), FIELDS, "cache");

    assertEquals(new MapCall.Loop(loop.id, "for-each", java.util.Set.of("key")), found);
  }

  @Test
  void iteratorLoopNamesTheKeyTheBodyTakesFromNext() {
    Node next = new Node(Kind.OTHER_STATEMENT, "decl:e", call(id("it"), "next"));
    Node remove = new Node(Kind.OTHER_STATEMENT, "remove");
    Node loop = new Node(Kind.WHILE, null, call(id("it"), "hasNext"), new Node(Kind.BLOCK, null, next, remove));
    Node iterator = new Node(Kind.OTHER_STATEMENT, "local:it", call(call(id("cache"), "entrySet"), "iterator"));
    Node method = new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, iterator, loop));

    MapCall.Loop found = shapes.enclosingLoop(path(method, remove, null), FIELDS, "cache");

    assertEquals(new MapCall.Loop(loop.id, "iterator", java.util.Set.of("e.getKey()")), found);
    Node parameterOnly = new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, loop));
    assertNull(
        new CallShapes<>(new TreePort()).enclosingLoop(path(parameterOnly, remove, null), FIELDS, "cache"),
        "an iterator the method is given is not known to walk the map");
  }

  @Test
  void describeFollowsTheValueLocalThroughItsMethod() {
    // v = new V(); cache.put(k, v); v.touch(); v = other; k++;
    Node given = new Node(Kind.ASSIGN, null, id("v"), new Node(Kind.OTHER_EXPRESSION, "new V()"));
    Node put = call(id("cache"), "put", id("k"), id("v"));
    Node touch = call(id("v"), "touch");
    Node reassigned = new Node(Kind.ASSIGN, null, id("v"), id("other"));
    Node increment = new Node(Kind.INCREMENT, null, id("k"));
    Node method =
        new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, stmt(given), stmt(put), stmt(touch), stmt(reassigned), stmt(increment)));

    MapCall described = shapes.describe(path(method, put, null), FIELDS, "cache");

    assertNull(described.key(), "k is changed in place: no stable key");
    assertEquals("v", described.valueLocal());
    assertEquals(touch.children.get(0).id, described.valueReadLine(), "the next use of v reads it");
    assertEquals(given.id, described.valueReassigned(), "v = new V() does not read v");
    assertTrue(described.resultDiscarded());
    assertEquals(List.of(given.children.get(1), reassigned.children.get(1)), shapes.locals().valuesOf("v", path(method, put, null)));
    assertNull(shapes.locals().valuesOf("k", path(method, put, null)), "k++ changes it in place");
    assertEquals(List.of(put), shapes.locals().callsTaking("v", path(method, put, null)));
  }

  @Test
  void aValueLocalWrittenNextIsNotReadAfterTheCall() {
    // v = v + 1; cache.put(k, v); v = null;
    Node given = new Node(Kind.ASSIGN, null, id("v"), new Node(Kind.PLUS, null, id("v"), new Node(Kind.LITERAL, "1")));
    Node put = call(id("cache"), "put", id("k"), id("v"));
    Node cleared = new Node(Kind.ASSIGN, null, id("v"), new Node(Kind.LITERAL, "null"));
    Node method = new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, stmt(given), stmt(put), stmt(cleared)));

    MapCall described = shapes.describe(path(method, put, null), FIELDS, "cache");

    assertEquals("k", described.key());
    assertEquals(0, described.valueReadLine(), "the next use assigns v");
    assertEquals(0, described.valueReassigned(), "v = v + 1 reads v");
  }

  /** A {@code Map<…> name = new HashMap<>()} field, for the roles that take one. */
  static io.mapguard.engine.model.MapField hashMapField(String name) {
    return new io.mapguard.engine.model.MapField(
        name, List.of("java.util.Map"), List.of("new:java.util.HashMap"), false, true, false, false, null, null,
        false, null, false, null, null);
  }

  static Node stmt(Node expression) {
    return new Node(Kind.EXPRESSION_STATEMENT, null, expression);
  }

  @Test
  void lambdaOfComputeIfAbsentIsAnUpdateOfThatMap() {
    Node put = call(id("cache"), "put", id("k"), id("v"));
    Node lambda = new Node(Kind.LAMBDA, "k", put);
    Node compute = call(id("cache"), "computeIfAbsent", id("k"), lambda);
    Node statement = new Node(Kind.OTHER_STATEMENT, null, compute);

    assertEquals(new MapCall.Update(compute.id, "computeIfAbsent"), shapes.enclosingUpdate(path(statement, put, null), FIELDS, "cache"));
    Node other = call(id("cache"), "forEach", new Node(Kind.LAMBDA, "k,v", put));
    assertNull(shapes.enclosingUpdate(path(new Node(Kind.OTHER_STATEMENT, null, other), put, null), FIELDS, "cache"));
  }

  @Test
  void callOnAValueAndStoreIntoItsElementAreUsesOfIt() {
    Node get = call(id("lists"), "get", id("k"));
    Node add = call(get, "add", id("v"));
    assertEquals(new CallShapes.ValueUse<>("add", add), shapes.useOfValue(path(add, get, null)));

    Node counter = call(id("counts"), "get", id("k"));
    Node access = new Node(Kind.ARRAY_ACCESS, null, counter, new Node(Kind.LITERAL, "0"));
    Node increment = new Node(Kind.INCREMENT, null, access);
    assertEquals(new CallShapes.ValueUse<>("[]=", increment), shapes.useOfValue(path(increment, counter, null)));

    Node index = call(id("counts"), "get", id("k"));
    Node read = new Node(Kind.ARRAY_ACCESS, null, id("table"), index);
    assertNull(shapes.useOfValue(path(new Node(Kind.INCREMENT, null, read), index, null)), "an index is no use of the value");
  }

  @Test
  void holdsLockConjunctsNameTheirLocks() {
    Node first = call(id("Thread"), "holdsLock", id("lock"));
    Node second = call(new Node(Kind.FIELD_ACCESS, "Thread", new Node(Kind.FIELD_ACCESS, "lang", id("java"))), "holdsLock", id("other"));
    Node unrelated = call(id("Other"), "holdsLock", id("x"));
    Node condition = new Node(Kind.CONDITIONAL_AND, null, new Node(Kind.CONDITIONAL_AND, null, first, second), unrelated);

    assertEquals(List.of(first.children.get(1), second.children.get(1)), shapes.holdsLockArguments(condition));
  }

  @Test
  void resultKeptInALocalAndTestedInTheNextStatement() {
    Node get = call(id("sessions"), "get", id("k"));
    Node declaration = new Node(Kind.OTHER_STATEMENT, "local:session", get);
    Node ifStatement = new Node(Kind.IF, null, new Node(Kind.EQUAL, null, id("session"), new Node(Kind.LITERAL, "null")), new Node(Kind.BLOCK, null));
    Node block = new Node(Kind.BLOCK, null, declaration, ifStatement);

    CallShapes.ResultUse use = shapes.resultUse(path(block, get, null));

    assertEquals(false, use.discarded());
    assertEquals("session", use.local());
    assertEquals(new MapCall.Test(ifStatement.id, MapCall.Polarity.RESULT_NULL, true, true), use.test());
    Node put = call(id("sessions"), "put", id("k"), id("v"));
    Node statement = new Node(Kind.EXPRESSION_STATEMENT, null, put);
    assertEquals(new CallShapes.ResultUse(true, null, null, null), shapes.resultUse(path(new Node(Kind.BLOCK, null, statement), put, null)));
    Node assigned = call(id("sessions"), "remove", id("k"));
    Node assignment = new Node(Kind.ASSIGN, null, id("old"), assigned);
    Node assignStatement = new Node(Kind.EXPRESSION_STATEMENT, null, assignment);
    assertEquals("old", shapes.resultUse(path(new Node(Kind.BLOCK, null, assignStatement), assigned, null)).local());
  }
}

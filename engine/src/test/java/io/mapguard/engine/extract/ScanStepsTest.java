package io.mapguard.engine.extract;

import static io.mapguard.engine.extract.CallShapesTest.call;
import static io.mapguard.engine.extract.CallShapesTest.id;
import static io.mapguard.engine.extract.CallShapesTest.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.ImmediateCallbacks;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the use scan does at the nodes it stops at, on trees written by hand (see CallShapesTest). */
class ScanStepsTest {
  private static final MapField CACHE = CallShapesTest.hashMapField("cache");
  private final TreePort port = new TreePort();
  private final CallShapes<Node> shapes = new CallShapes<>(port);
  private final KnownApis apis =
      new KnownApis(CallShapesTest.CALLEES, ImmediateCallbacks.defaults(), ThreadStartApis.defaults());
  private final Map<Object, MapField> fields = new HashMap<>(Map.of("cache", CACHE));
  private final Map<Object, Alias> aliases = new HashMap<>();
  private final UnitScan<Node, Node> method =
      new UnitScan<>(new CodeUnit(0, CodeUnit.Kind.METHOD, "m()", false, Set.of(), null), null);
  private final Map<CodeUnit, UnitScan<Node, Node>> registered = new HashMap<>();
  private int nextId = 1;

  private final ScanSteps.FrontEnd<Node, Node> frontEnd =
      new ScanSteps.FrontEnd<>() {
        @Override public UnitScan<Node, Node> current() { return method; }
        @Override public Node position(SyntaxPath<Node> path) { return path.leaf(); }
        @Override public Site site(Node at) { return new Site(at.id, 1, "A#m()", "", Set.of(), at); }
        @Override public int nextUnitId() { return nextId++; }
        @Override public UnitScan<Node, Node> register(CodeUnit unit, Node body) {
          UnitScan<Node, Node> scan = new UnitScan<>(unit, body);
          registered.put(unit, scan);
          return scan;
        }
        @Override public CodeUnit unitCalled(Object callee) { return null; }
        @Override public void putMethodUnit(Node m, CodeUnit unit) {}
        @Override public CodeUnit referencedUnit(Node reference) { return null; }
        @Override public List<ScanSteps.MethodUnit> unitsOfClass(Node creationOrThis) { return List.of(); }
      };

  private final ScanSteps<Node, Node> steps =
      new ScanSteps<>(
          shapes,
          new LockNames<>(port),
          new TaskStarts<>(port, apis, new IdentityHashMap<>(), java.util.Map.of(), new IdentityHashMap<>(), () -> 0),
          new LocalAliases<>(port),
          new MapFields<>(port, null, new HashMap<>(), new HashMap<>()),
          frontEnd,
          new ScanSteps.Tables<>(fields, aliases, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>()));

  {
    steps.classifyWith(
        new MapUses<>(
            shapes,
            apis,
            new MapUses.FrontEnd<>() {
              @Override public Node position(SyntaxPath<Node> path) { return path.leaf(); }
              @Override public Site site(Node at) { return frontEnd.site(at); }
              @Override public UnitScan<Node, Node> current() { return method; }
              @Override public String enclosingMethodName(SyntaxPath<Node> use) { return "m()"; }
              @Override public Node analysedDeclaration(Object callee) { return null; }
            },
            steps::mapFieldOf,
            (expression, out) -> {},
            new MapUses.Tables(fields, new HashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), Set.of())));
  }

  private static Node inMethod(Node... statements) {
    return new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, statements));
  }

  @Test
  void aUseOfTheFieldIsClassified() {
    Node cache = id("cache");
    Node root = inMethod(stmt(call(cache, "put", id("k"), id("v"))));
    steps.use(CallShapesTest.pathTo(root, cache));

    assertEquals(Effect.WRITE, method.accesses.get(0).effect());
    assertSame(CACHE, method.accesses.get(0).field());
  }

  @Test
  void aLocalPublishedIntoTheFieldStandsForItAndAnEntryLoopVariableIsAnEntryOfIt() {
    Node assign = new Node(Kind.ASSIGN, null, id("cache"), id("fresh"));
    Node root = inMethod(stmt(assign));
    steps.assignment(CallShapesTest.pathTo(root, assign));
    assertEquals(new Alias(CACHE, AliasKind.MAP), aliases.get("fresh"));

    Node loop = new Node(Kind.FOR_EACH, "e", call(id("cache"), "entrySet"), new Node(Kind.BLOCK, null));
    steps.enhancedFor(loop);
    assertEquals(new Alias(CACHE, AliasKind.ENTRY), aliases.get("e"));
  }

  @Test
  void anInlineLambdaIsAUnitCalledFromHereAndASubmittedOneATask() {
    Node inline = new Node(Kind.LAMBDA, "", new Node(Kind.BLOCK, null));
    Node root = inMethod(stmt(call(id("xs"), "forEach", inline)));
    port.root = root;
    CodeUnit inlineUnit = steps.lambda(CallShapesTest.pathTo(root, inline));
    assertEquals(CodeUnit.Kind.METHOD, inlineUnit.kind());
    assertSame(inlineUnit, method.edges.get(0).callee());

    Node task = new Node(Kind.LAMBDA, "", new Node(Kind.BLOCK, null));
    Node submitted = inMethod(stmt(call(id("pool"), "submit", task)));
    port.root = submitted;
    CodeUnit taskUnit = steps.lambda(CallShapesTest.pathTo(submitted, task));
    assertEquals(CodeUnit.Kind.TASK, taskUnit.kind());
    assertEquals(1, method.edges.size());
    assertTrue(registered.containsKey(taskUnit));
  }
}

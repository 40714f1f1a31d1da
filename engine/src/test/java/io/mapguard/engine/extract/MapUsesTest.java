package io.mapguard.engine.extract;

import static io.mapguard.engine.extract.CallShapesTest.call;
import static io.mapguard.engine.extract.CallShapesTest.id;
import static io.mapguard.engine.extract.CallShapesTest.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.ImmediateCallbacks;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What a use of a map means, on trees written by hand (see CallShapesTest); positions are the nodes. */
class MapUsesTest {
  private static final MapField CACHE = CallShapesTest.hashMapField("cache");
  private static final Function<Node, Object> FIELDS =
      n -> n.kind == Kind.IDENTIFIER && n.text.equals("cache") ? CACHE : null;

  private final UnitScan<Node, Node> unit =
      new UnitScan<>(new CodeUnit(0, CodeUnit.Kind.METHOD, "m()", false, Set.of(), null), null);
  private final MapUses<Node, Node> uses =
      new MapUses<>(
          new CallShapes<>(new TreePort()),
          new KnownApis(CallShapesTest.CALLEES, ImmediateCallbacks.defaults(), ThreadStartApis.defaults()),
          new MapUses.FrontEnd<>() {
            @Override
            public Node position(SyntaxPath<Node> path) {
              return path.leaf();
            }

            @Override
            public Site site(Node at) {
              return new Site(at.id, 1, "A#m()", "", Set.of(), at);
            }

            @Override
            public UnitScan<Node, Node> current() {
              return unit;
            }

            @Override
            public String enclosingMethodName(SyntaxPath<Node> use) {
              return "m()";
            }

            @Override
            public Node analysedDeclaration(Object callee) {
              // a method of the class whose body reads its parameter: the map is read at the call
              return callee.equals("com.acme.Log#helper") ? new Node(Kind.OTHER, "helper") : null;
            }
          },
          FIELDS,
          (expression, out) -> {
            if (expression.kind == Kind.NEW) {
              out.add("new:java.util.HashMap");
            }
          },
          new MapUses.Tables(
              Map.of("cache", CACHE),
              new IdentityHashMap<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              Set.of()));

  private void classify(Node root, Node use) {
    uses.classify(CACHE, CallShapesTest.pathTo(root, use), AliasKind.MAP);
  }

  @Test
  void aCallOnTheMapIsAnAccessWithItsEffect() {
    Node cache = id("cache");
    Node put = call(cache, "put", id("k"), id("v"));
    classify(new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, stmt(put))), cache);

    UnitScan.PendingAccess<Node> access = unit.accesses.get(0);
    assertEquals(Effect.WRITE, access.effect());
    assertEquals("put", access.method());
    assertEquals(cache, access.at());
    assertEquals("k", access.call().key());
  }

  @Test
  void returningTheMapIsAnEscapeAndAssigningANewOneIsAFreshAssignment() {
    Node returned = id("cache");
    Node ret = new Node(Kind.RETURN, null, returned);
    classify(new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, ret)), returned);
    assertEquals(Escape.Kind.RETURNED, unit.escapes.get(0).kind());
    assertEquals(ret, unit.escapes.get(0).at());

    Node assigned = id("cache");
    Node assign = new Node(Kind.ASSIGN, null, assigned, new Node(Kind.NEW, "HashMap"));
    classify(new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, stmt(assign))), assigned);
    UnitScan.PendingAccess<Node> access = unit.accesses.get(1);
    assertEquals(Effect.ASSIGN, access.effect());
    assertEquals(true, access.fresh());
  }

  private Node inMethod(Node expression) {
    return new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, stmt(expression)));
  }

  @Test
  void aMapPassedToAnotherClassesMethodEscapesAndIsReadWhole() {
    Node passed = id("cache");
    Node log = call(id("audit"), "record", passed);
    classify(inMethod(log), passed);

    assertEquals(Effect.ITERATE, unit.accesses.get(0).effect());
    UnitScan.PendingEscape<Node> escape = unit.escapes.get(0);
    assertEquals(Escape.Kind.PASSED, escape.kind());
    assertEquals("audit.record(..)", escape.detail());
    assertEquals(log, escape.at());
  }

  @Test
  void aMapPassedToAMethodAnalysedHereOrToItselfDoesNotEscape() {
    Node passed = id("cache");
    classify(inMethod(call(null, "helper", passed)), passed);
    Node argument = id("cache");
    classify(inMethod(call(id("cache"), "equals", argument)), argument);

    assertEquals(List.of(), unit.escapes);
    assertEquals(2, unit.accesses.size());
  }

  @Test
  void aCopyReadsTheMapWholeAndKeepsNothing() {
    Node copied = id("cache");
    classify(inMethod(new Node(Kind.NEW, "HashMap", copied)), copied);

    assertEquals("new:java.util.HashMap", unit.accesses.get(0).call().traversal());
    assertEquals(List.of(), unit.escapes);
  }

  @Test
  void aReturnedUnmodifiableViewEscapesAsAViewAndASynchronizedWrapperIsNamed() {
    Node viewed = id("cache");
    Node ret = new Node(Kind.RETURN, null, call(id("Collections"), "unmodifiableMap", viewed));
    classify(new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, ret)), viewed);
    assertEquals(Escape.Kind.VIEW_RETURNED, unit.escapes.get(0).kind());
    assertEquals(ret, unit.escapes.get(0).at());

    Node wrapped = id("cache");
    Node declaration = new Node(Kind.OTHER_STATEMENT, "decl:safe", call(id("Collections"), "synchronizedMap", wrapped));
    classify(new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, declaration)), wrapped);
    assertEquals("safe", unit.wraps.get(0).wrapper());
    assertEquals(Escape.Kind.PASSED, unit.escapes.get(1).kind());
  }
}

package io.mapguard.engine.extract;

import static io.mapguard.engine.extract.CallShapesTest.call;
import static io.mapguard.engine.extract.CallShapesTest.id;
import static io.mapguard.engine.extract.CallShapesTest.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.model.MapField;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which locals hold values of a map field, on trees written by hand (see CallShapesTest). */
class MapValueLocalsTest {
  private static final MapField INDEX =
      CallShapesTest.hashMapField("index");
  private static final Function<Node, Object> FIELDS =
      n -> n.kind == Kind.IDENTIFIER && n.text.equals("index") ? INDEX : null;

  private final MapValueLocals<Node> values = new MapValueLocals<>(new CallShapes<>(new TreePort()));

  private Map<Object, ValueLocal> track(Node method, Node get) {
    Map<Object, ValueLocal> found = new IdentityHashMap<>();
    values.track(INDEX, "get", 7, CallShapesTest.pathTo(method, get), FIELDS, found);
    return found;
  }

  @Test
  void aLocalHoldingOnlyTheMapsValuesIsAValueLocal() {
    // List l = index.get(k); if (l == null) l = null;
    Node get = call(id("index"), "get", id("k"));
    Node method =
        new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null,
            new Node(Kind.OTHER_STATEMENT, "local:l", get),
            stmt(new Node(Kind.ASSIGN, null, id("l"), new Node(Kind.LITERAL, "null")))));

    assertEquals(Map.of("l", new ValueLocal(INDEX, "get", 7)), track(method, get));
  }

  @Test
  void aNewObjectIsTheMapsValueOnlyOnceStoredThere() {
    // List l = index.get(k); if (…) { l = new ArrayList<>(); }   — a private copy
    Node get = call(id("index"), "get", id("k"));
    Node copy =
        new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null,
            new Node(Kind.OTHER_STATEMENT, "local:l", get),
            stmt(new Node(Kind.ASSIGN, null, id("l"), new Node(Kind.NEW, "new ArrayList<>()")))));
    assertEquals(Map.of(), track(copy, get));

    // … then index.put(k, l): the new list is the map's value
    Node get2 = call(id("index"), "get", id("k"));
    Node stored =
        new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null,
            new Node(Kind.OTHER_STATEMENT, "local:l", get2),
            stmt(new Node(Kind.ASSIGN, null, id("l"), new Node(Kind.NEW, "new ArrayList<>()"))),
            stmt(call(id("index"), "put", id("k"), id("l")))));
    assertEquals(Map.of("l", new ValueLocal(INDEX, "get", 7)), track(stored, get2));
  }
}

package io.mapguard.engine.extract;

import static io.mapguard.engine.extract.CallShapesTest.call;
import static io.mapguard.engine.extract.CallShapesTest.id;
import static io.mapguard.engine.extract.CallShapesTest.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.NullableArgument;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.model.StoredValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a call puts into a map, on trees written by hand (see CallShapesTest). */
class MapCallValuesTest {
  private static final MapField INDEX =
      CallShapesTest.hashMapField("index");

  private final MapCallValues<Node> values = new MapCallValues<>(new CallShapes<>(new TreePort()), null, Set.of());

  @Test
  void aPutStoresEveryValueItsLocalIsGiven() {
    // List v = new ArrayList(); if (…) v = new LinkedList(); index.put(k, v);
    Node put = call(id("index"), "put", id("k"), id("v"));
    Node method =
        new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null,
            new Node(Kind.OTHER_STATEMENT, "local:v", new Node(Kind.NEW, "ArrayList")),
            stmt(new Node(Kind.ASSIGN, null, id("v"), new Node(Kind.NEW, "LinkedList"))),
            stmt(put)));
    List<StoredValue> stored = new ArrayList<>();

    values.storedValues(INDEX, "put", CallShapesTest.pathTo(method, put), stored);

    assertEquals(
        List.of(new StoredValue(INDEX, "new:ArrayList", put.id), new StoredValue(INDEX, "new:LinkedList", put.id)),
        stored);
  }

  @Test
  void computeIfAbsentStoresWhatItsFunctionReturns() {
    // index.computeIfAbsent(k, x -> { return new ArrayList(); })
    Node body = new Node(Kind.BLOCK, null, new Node(Kind.RETURN, null, new Node(Kind.NEW, "ArrayList")));
    Node compute = call(id("index"), "computeIfAbsent", id("k"), new Node(Kind.LAMBDA, "x", body));
    List<StoredValue> stored = new ArrayList<>();

    values.storedValues(INDEX, "computeIfAbsent", CallShapesTest.pathTo(stmt(compute), compute), stored);

    assertEquals(List.of(new StoredValue(INDEX, "new:ArrayList", compute.id)), stored);
  }

  @Test
  void aNullValueIsANullableArgument() {
    Node put = call(id("index"), "put", id("k"), new Node(Kind.LITERAL, "null"));
    Site site = new Site(3, 5, "A#m()", "", Set.of(), put);
    List<NullableArgument> nullable = new ArrayList<>();

    values.nullableArguments(INDEX, "put", CallShapesTest.pathTo(stmt(put), put), site, node -> null, nullable);

    assertEquals(
        List.of(new NullableArgument(INDEX, "put", false, "null", NullableArgument.Source.LITERAL, null, 0, site)),
        nullable);
  }
}

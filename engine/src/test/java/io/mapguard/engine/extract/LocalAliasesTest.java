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
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Locals standing for a map field, on trees written by hand (see CallShapesTest). */
class LocalAliasesTest {
  private static final MapField PENDING = CallShapesTest.hashMapField("pending");
  private static final Function<Node, Object> FIELDS =
      n -> n.kind == Kind.IDENTIFIER && n.text.equals("pending") ? PENDING : null;

  private final LocalAliases<Node> aliases = new LocalAliases<>(new TreePort());

  private Map<Object, Alias> record(String local, Node init, Node method, Node at) {
    Map<Object, Alias> found = new IdentityHashMap<>();
    aliases.record(local.intern(), init, CallShapesTest.pathTo(method, at), found, v -> v == "pending" ? PENDING : null, FIELDS);
    return found;
  }

  @Test
  void aLocalHoldingTheFieldOrAViewOrAnIteratorStandsForIt() {
    Node field = id("pending");
    Node declaration = new Node(Kind.OTHER_STATEMENT, "local:m", field);
    Node method = new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, declaration));
    assertEquals(Map.of("m", new Alias(PENDING, AliasKind.MAP)), record("m", field, method, declaration));

    Node keys = call(id("pending"), "keySet");
    Node viewDeclaration = new Node(Kind.OTHER_STATEMENT, "local:keys", keys);
    Node viewMethod = new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, viewDeclaration));
    assertEquals(Map.of("keys", new Alias(PENDING, AliasKind.VIEW)), record("keys", keys, viewMethod, viewDeclaration));
  }

  @Test
  void theSwapIdiomDetachesTheOldMap() {
    // Map old = pending; pending = new HashMap<>();
    Node field = id("pending");
    Node declaration = new Node(Kind.OTHER_STATEMENT, "local:old", field);
    Node swap = stmt(new Node(Kind.ASSIGN, null, id("pending"), new Node(Kind.NEW, "HashMap")));
    Node method = new Node(Kind.METHOD, "flush", new Node(Kind.BLOCK, null, declaration, swap));

    assertEquals(Map.of(), record("old", field, method, declaration));
  }
}

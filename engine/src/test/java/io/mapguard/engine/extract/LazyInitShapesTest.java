package io.mapguard.engine.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.model.MapField;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Double-checked lazy initialization, on trees written by hand (see CallShapesTest). */
class LazyInitShapesTest {
  private static final MapField CACHE =
      CallShapesTest.hashMapField("cache");
  private static final Function<Node, Object> FIELDS =
      n -> n.kind == Kind.IDENTIFIER && n.text.equals("cache") ? CACHE : null;

  private final LazyInitShapes<Node> shapes = new LazyInitShapes<>(new TreePort());

  private static Node nullCheck(Node then) {
    Node test = new Node(Kind.EQUAL, null, new Node(Kind.IDENTIFIER, "cache"), new Node(Kind.LITERAL, "null"));
    return new Node(Kind.IF, null, test, then);
  }

  @Test
  void aCheckALockAndASecondCheckAroundTheAssignmentIsDoubleChecked() {
    // if (cache == null) { synchronized (this) { if (cache == null) { cache = new HashMap<>(); } } }
    Node assign = new Node(Kind.ASSIGN, null, new Node(Kind.IDENTIFIER, "cache"), new Node(Kind.NEW, "HashMap"));
    Node outer =
        nullCheck(new Node(Kind.SYNCHRONIZED, null, new Node(Kind.THIS, null), nullCheck(assign)));
    Node method = new Node(Kind.METHOD, "get", new Node(Kind.BLOCK, null, outer));

    assertEquals(outer.id, shapes.outerCheckLine(CACHE, CallShapesTest.pathTo(method, assign), FIELDS));
  }

  @Test
  void aSingleCheckUnderALockIsNot() {
    // synchronized (this) { if (cache == null) { cache = new HashMap<>(); } }
    Node assign = new Node(Kind.ASSIGN, null, new Node(Kind.IDENTIFIER, "cache"), new Node(Kind.NEW, "HashMap"));
    Node method =
        new Node(Kind.METHOD, "get", new Node(Kind.SYNCHRONIZED, null, new Node(Kind.THIS, null), nullCheck(assign)));

    assertEquals(0, shapes.outerCheckLine(CACHE, CallShapesTest.pathTo(method, assign), FIELDS));
  }
}

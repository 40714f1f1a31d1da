package io.mapguard.engine.extract;

import static io.mapguard.engine.extract.CallShapesTest.call;
import static io.mapguard.engine.extract.CallShapesTest.id;
import static io.mapguard.engine.extract.CallShapesTest.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Annotation;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where a report says a node is, on trees written by hand (see CallShapesTest). */
class SiteNamesTest {
  private final TreePort port = new TreePort();
  private final SiteNames<Node> names = new SiteNames<>(port, "Cache");

  @Test
  void aNodeInAMethodOfANestedClassIsNamedAfterBothAndAnAnonymousClassIsSkipped() {
    Node use = id("cache");
    Node method = new Node(Kind.METHOD, "get", new Node(Kind.BLOCK, null, stmt(call(use, "get", id("k")))));
    Node anonymous = new Node(Kind.CLASS, null, method);
    Node nested = new Node(Kind.CLASS, "com.acme.Cache$State", stmt(new Node(Kind.NEW, "Object", anonymous)));
    Node root = new Node(Kind.CLASS, "com.acme.Cache", nested);

    assertEquals("com.acme.Cache$State#get()", names.member(CallShapesTest.pathTo(root, use)));
  }

  @Test
  void aFieldInitializerIsNamedAfterTheFieldAndSuppressionsComeFromEveryDeclarationAround() {
    Node value = new Node(Kind.NEW, "HashMap");
    Node field = new Node(Kind.OTHER_STATEMENT, "field:index", value);
    Node root = new Node(Kind.CLASS, "com.acme.Cache", field);
    port.annotations.put(field, List.of(new Annotation("java.lang.SuppressWarnings", List.of("MapCapacityHint"))));
    port.annotations.put(root, List.of(new Annotation("SuppressWarnings", List.of("UnsynchronizedSharedMap"))));

    SyntaxPath<Node> at = CallShapesTest.pathTo(root, value);
    assertEquals("com.acme.Cache#index", names.member(at));
    assertEquals(Set.of("MapCapacityHint", "UnsynchronizedSharedMap"), names.suppressions(at));
  }
}

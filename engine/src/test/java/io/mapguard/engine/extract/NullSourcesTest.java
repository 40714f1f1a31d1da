package io.mapguard.engine.extract;

import static io.mapguard.engine.extract.CallShapesTest.call;
import static io.mapguard.engine.extract.CallShapesTest.id;
import static io.mapguard.engine.extract.CallShapesTest.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.ImmediateCallbacks;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.NullableArgument;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Null sources and the checks that rule them out, on trees written by hand (see CallShapesTest). */
class NullSourcesTest {
  private final NullSources<Node> nulls =
      new NullSources<>(
          new CallShapes<>(new TreePort()),
          new KnownApis(CallShapesTest.CALLEES, ImmediateCallbacks.defaults(), ThreadStartApis.defaults()),
          Set.of());

  private static Node nullLiteral() {
    return new Node(Kind.LITERAL, "null");
  }

  private static Node method(Node... parametersThenBody) {
    return new Node(Kind.METHOD, "m", parametersThenBody);
  }

  private static Node block(Node... statements) {
    return new Node(Kind.BLOCK, null, statements);
  }

  private NullSources.Source sourceOfValue(Node root, Node put) {
    SyntaxPath<Node> path = CallShapesTest.pathTo(root, put);
    return nulls.sourceOf(put.children.get(2), path, false);
  }

  @Test
  void aLocalAssignedNullIsASourceUntilANullCheckGuardsTheCall() {
    Node value = nullLiteral();
    Node put = call(id("cache"), "put", id("k"), id("v"));
    Node unguarded = method(block(new Node(Kind.OTHER_STATEMENT, "local:v", value), stmt(put)));

    assertEquals(
        new NullSources.Source(NullableArgument.Source.ASSIGNED_NULL, "v", value.id),
        sourceOfValue(unguarded, put));

    Node guardedPut = call(id("cache"), "put", id("k"), id("v"));
    Node guard = new Node(Kind.IF, null, new Node(Kind.NOT_EQUAL, null, id("v"), nullLiteral()), stmt(guardedPut));
    Node guarded = method(block(new Node(Kind.OTHER_STATEMENT, "local:v", nullLiteral()), guard));
    assertNull(sourceOfValue(guarded, guardedPut), "if (v != null) rules it out");
  }

  @Test
  void requireNonNullBeforeTheCallRulesItOut() {
    Node put = call(id("cache"), "put", id("k"), id("v"));
    Node checked =
        method(block(
            new Node(Kind.OTHER_STATEMENT, "local:v", nullLiteral()),
            stmt(call(null, "requireNonNull", id("v"))),
            stmt(put)));
    assertNull(sourceOfValue(checked, put));
  }

  @Test
  void aNullableParameterIsASource() {
    Node put = call(id("cache"), "put", id("k"), id("p"));
    Node method = method(new Node(Kind.OTHER, "local:p@Nullable"), block(stmt(put)));
    assertEquals(new NullSources.Source(NullableArgument.Source.NULLABLE_PARAMETER, "p", 0), sourceOfValue(method, put));

    Node plainPut = call(id("cache"), "put", id("k"), id("p"));
    Node plain = method(new Node(Kind.OTHER, "local:p"), block(stmt(plainPut)));
    assertNull(sourceOfValue(plain, plainPut), "an unannotated parameter is not known to be null");
  }

  @Test
  void anotherMapsGetIsASourceUnlessContainsKeyGuardsIt() {
    Node get = call(id("other"), "get", id("x"));
    Node put = call(id("cache"), "put", id("k"), get);
    assertEquals(
        new NullSources.Source(NullableArgument.Source.MAP_GET, "other", get.id),
        sourceOfValue(method(block(stmt(put))), put));

    Node guardedPut = call(id("cache"), "put", id("k"), call(id("other"), "get", id("x")));
    Node guard = new Node(Kind.IF, null, call(id("other"), "containsKey", id("x")), stmt(guardedPut));
    assertNull(sourceOfValue(method(block(guard)), guardedPut));
  }

  @Test
  void aLibraryMethodDocumentedToReturnNullIsASourceInTheFormThatReturnsNull() {
    Node getProperty = call(id("System"), "getProperty", id("key"));
    Node put = call(id("cache"), "put", id("k"), getProperty);
    assertEquals(
        new NullSources.Source(NullableArgument.Source.NULLABLE_API, "System.getProperty(...)", getProperty.id),
        sourceOfValue(method(block(stmt(put))), put));

    Node withDefault = call(id("cache"), "put", id("k"), call(id("System"), "getProperty", id("key"), id("fallback")));
    assertNull(sourceOfValue(method(block(stmt(withDefault))), withDefault), "getProperty(key, default)");

    Node parameter = call(id("request"), "getParameter", id("name"));
    Node putLocal = call(id("cache"), "put", id("k"), id("v"));
    assertEquals(
        new NullSources.Source(NullableArgument.Source.NULLABLE_API, "request.getParameter(...)", parameter.id),
        sourceOfValue(method(block(new Node(Kind.OTHER_STATEMENT, "local:v", parameter), stmt(putLocal))), putLocal));

    Node checkedPut = call(id("cache"), "put", id("k"), id("v"));
    Node guard = new Node(Kind.IF, null, new Node(Kind.NOT_EQUAL, null, id("v"), nullLiteral()), stmt(checkedPut));
    Node checked =
        method(block(new Node(Kind.OTHER_STATEMENT, "local:v", call(id("request"), "getParameter", id("name"))), guard));
    assertNull(sourceOfValue(checked, checkedPut), "if (v != null) rules it out");

    Node otherOwner = call(id("cache"), "put", id("k"), call(id("log"), "getHeader", id("name")));
    assertNull(sourceOfValue(method(block(stmt(otherOwner))), otherOwner), "com.acme.Log#getHeader is no servlet request");
  }
}

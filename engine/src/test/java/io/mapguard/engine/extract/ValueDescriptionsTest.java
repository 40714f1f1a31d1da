package io.mapguard.engine.extract;

import static io.mapguard.engine.extract.CallShapesTest.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value descriptors of what is assigned to a map, on trees written by hand (see CallShapesTest). */
class ValueDescriptionsTest {
  private final ValueDescriptions<Node> descriptions = new ValueDescriptions<>(new TreePort(), null);

  @Test
  void aConditionalIsBothBranchesAndALocalMadeWithNewIsThatCreation() {
    Node created = new Node(Kind.NEW, "java.util.HashMap");
    Node conditional =
        new Node(Kind.CONDITIONAL, null, id("flag"), id("fresh"), new Node(Kind.LITERAL, "null"));
    List<String> out = new ArrayList<>();

    descriptions.describe(conditional, out, local -> local == "fresh" ? created : null);

    assertEquals(List.of("new:java.util.HashMap", "null:"), out);
  }

  @Test
  void aValueOfUnknownTypeHasNoDescriptor() {
    List<String> out = new ArrayList<>();
    descriptions.describe(id("somewhere"), out, local -> null);
    assertEquals(List.of(), out);
  }
}

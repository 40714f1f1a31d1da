package io.mapguard.engine.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Annotation;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.extract.SyntaxPort.Modifier;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A map field's or local map's facts from its declaration, on trees written by hand. */
class MapFieldsTest {
  private static final Site SITE = new Site(3, 1, "A", "", Set.of(), null);
  private final TreePort port = new TreePort();
  private final Node topLevel = new Node(Kind.CLASS, "A");
  private final Map<Object, List<String>> assigned = new HashMap<>();
  private final Map<Object, List<String>> localValues = new HashMap<>();
  private final MapFields<Node> fields = new MapFields<>(port, topLevel, assigned, localValues);

  private Node field(String name, Node owner) {
    Node declaration = new Node(Kind.OTHER_STATEMENT, "field:" + name);
    port.declaringClasses.put(declaration, owner);
    port.supertypes.put(declaration, List.of("java.util.HashMap", "java.util.Map"));
    return declaration;
  }

  @Test
  void aFieldCarriesItsTypeValuesModifiersAndDeclaredGuard() {
    Node cache = field("cache", topLevel);
    port.modifiers.put(cache, Set.of(Modifier.STATIC, Modifier.FINAL));
    port.annotations.put(cache, List.of(new Annotation("javax.annotation.concurrent.GuardedBy", List.of("lock"))));
    assigned.put("cache", List.of("new:java.util.HashMap"));

    MapField field = fields.field(cache, SITE);
    assertEquals("cache", field.name());
    assertEquals(List.of("java.util.HashMap", "java.util.Map"), field.declaredType());
    assertEquals(List.of("new:java.util.HashMap"), field.assignedValues());
    assertTrue(field.isStatic() && field.isFinal() && !field.isVolatile());
    assertEquals("lock", field.declaredGuard());
    assertEquals("javax.annotation.concurrent.GuardedBy", field.guardAnnotation());
    assertFalse(field.local());
  }

  @Test
  void aGuardInANestedClassIsNamedFromThatClassAndConfinementComesFromTheClassToo() {
    Node state = new Node(Kind.CLASS, "State");
    port.annotations.put(state, List.of(new Annotation("io.mapguard.annotations.ThreadConfined", List.of())));
    Node byMonitor = field("index", state);
    port.annotations.put(byMonitor, List.of(new Annotation("javax.annotation.concurrent.GuardedBy", List.of("this.monitor"))));
    Node byThis = field("names", state);
    port.annotations.put(byThis, List.of(new Annotation("javax.annotation.concurrent.GuardedBy", List.of("this"))));

    assertEquals("State.monitor", fields.field(byMonitor, SITE).declaredGuard());
    assertEquals("State.this", fields.field(byThis, SITE).declaredGuard());
    assertTrue(fields.field(byThis, SITE).threadConfined());
  }

  @Test
  void aLocalMapCarriesItsValuesAndIsLocal() {
    Node local = new Node(Kind.OTHER_STATEMENT, "local:seen");
    port.supertypes.put(local, List.of("java.util.TreeMap", "java.util.Map"));
    localValues.put("seen", List.of("new:java.util.TreeMap"));

    MapField map = fields.local(local, SITE);
    assertEquals("seen", map.name());
    assertEquals(List.of("new:java.util.TreeMap"), map.assignedValues());
    assertTrue(map.local());
    assertEquals(SITE, map.declaration());
  }
}

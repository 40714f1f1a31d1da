package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.ReadsThatWrite;
import java.util.List;
import java.util.function.Function;

/**
 * What is assigned to a map variable, as the knowledge tables' value descriptors:
 * {@code new:<type>}, {@code call:<Owner>.<factory>}, {@code null:} or {@code type:<type>}
 * ({@code accessOrdered:java.util.LinkedHashMap} for a LinkedHashMap created in access order), the
 * type being the first of the value's type and supertypes the tables know. Written once for every
 * front end, against the {@link SyntaxPort}.
 */
public final class ValueDescriptions<N> {
  private final SyntaxPort<N> port;
  private final AccessOrderedMaps<N> accessOrdered;

  /** @param topLevel the class whose subclasses of LinkedHashMap count, or null for none */
  public ValueDescriptions(SyntaxPort<N> port, N topLevel) {
    this.port = port;
    this.accessOrdered = new AccessOrderedMaps<>(port, topLevel);
  }

  /**
   * Adds the descriptors of {@code expression} to {@code out}: both branches of a conditional, and
   * for a local initialised with {@code new} that creation (a local holding a new map is as fresh
   * as the map).
   *
   * @param newInitializerOfLocal the {@code new} a local (by the port's handle) is initialised
   *     with, or null
   */
  public void describe(N expression, List<String> out, Function<Object, N> newInitializerOfLocal) {
    N e = port.skipParens(expression);
    Kind kind = port.kind(e);
    Object local = kind == Kind.IDENTIFIER ? port.localVariable(e) : null;
    N creation = local == null ? null : newInitializerOfLocal.apply(local);
    if (creation != null) {
      describe(creation, out, newInitializerOfLocal);
      return;
    }
    if (kind == Kind.CONDITIONAL) {
      describe(port.thenPart(e), out, newInitializerOfLocal);
      describe(port.elsePart(e), out, newInitializerOfLocal);
      return;
    }
    if (port.isNullLiteral(e)) {
      out.add("null:");
      return;
    }
    if (kind == Kind.NEW) {
      List<String> created = port.typeAndSupertypes(e);
      if (created != null) {
        String type = firstKnown(created);
        boolean accessOrder = type.equals(ReadsThatWrite.LINKED_HASH_MAP) && accessOrdered.creates(e, created);
        out.add((accessOrder ? ReadsThatWrite.ACCESS_ORDERED : "new:") + type);
      }
      return;
    }
    String factory = kind == Kind.METHOD_CALL ? port.staticCallTarget(e) : null;
    if (factory != null && MapTypes.kindOfValue("call:" + factory) != MapKind.UNKNOWN) {
      out.add("call:" + factory);
      return;
    }
    List<String> type = port.typeAndSupertypes(e);
    if (type != null) {
      out.add("type:" + firstKnown(type));
    } else if (kind == Kind.METHOD_CALL) {
      String built = builtMap(e);
      if (built != null) {
        out.add("type:" + built);
      }
    }
  }

  /**
   * For a call whose type the front end cannot tell (mapvet without the library's jar): the map a
   * known builder or cache hands out ({@link MapTypes#builtMap}), found from the first receiver
   * along the chain whose type is known by its name, or null.
   */
  private String builtMap(N call) {
    String method = port.name(call);
    for (N receiver = port.receiver(call); receiver != null; ) {
      N r = port.skipParens(receiver);
      Kind kind = port.kind(r);
      String staticCall = kind == Kind.METHOD_CALL ? port.staticCallTarget(r) : null;
      List<String> types =
          staticCall != null
              ? List.of(staticCall.substring(0, staticCall.lastIndexOf('.')))
              : port.typeAndSupertypes(r);
      for (String type : types == null ? List.<String>of() : types) {
        String built = MapTypes.builtMap(type, method);
        if (built != null) {
          return built;
        }
      }
      if (types != null || kind != Kind.METHOD_CALL) {
        return null;
      }
      receiver = port.receiver(r);
    }
    return null;
  }

  /** The first type of the chain the tables know, else the type itself. */
  private static String firstKnown(List<String> chain) {
    for (String name : chain) {
      if (MapTypes.isKnown(name)) {
        return name;
      }
    }
    return chain.isEmpty() ? "?" : chain.get(0);
  }
}

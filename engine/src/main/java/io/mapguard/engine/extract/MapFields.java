package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Annotation;
import io.mapguard.engine.extract.SyntaxPort.Modifier;
import io.mapguard.engine.knowledge.ConcurrencyAnnotations;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link MapField} of a map field or of a local map, from its declaration: its name, declared
 * type chain, the values assigned to it (the triage's), modifiers, declared guard and confinement.
 * Written once for every front end, against the {@link SyntaxPort}.
 *
 * @param <N> the front end's node type
 */
public final class MapFields<N> {
  private final SyntaxPort<N> port;
  private final N topLevel;
  private final Map<Object, List<String>> assignedValues;
  private final Map<Object, List<String>> localMapValues;

  /** @param topLevel the class analysed (a guard in it is named as written) */
  public MapFields(
      SyntaxPort<N> port,
      N topLevel,
      Map<Object, List<String>> assignedValues,
      Map<Object, List<String>> localMapValues) {
    this.port = port;
    this.topLevel = topLevel;
    this.assignedValues = assignedValues;
    this.localMapValues = localMapValues;
  }

  /** A map field declared (or inherited) here, reported at {@code declaration}. */
  public MapField field(N declaration, Site site) {
    String guard = null;
    String guardAnnotation = null;
    List<Annotation> annotations = new ArrayList<>(port.annotations(declaration));
    annotations.addAll(port.typeAnnotations(declaration));
    for (Annotation annotation : annotations) {
      if (ConcurrencyAnnotations.GUARDED_BY.contains(annotation.name())) {
        guard = annotation.values().isEmpty() ? null : qualifyGuard(declaration, annotation.values().get(0));
        guardAnnotation = annotation.name();
      }
    }
    N owner = port.declaringClass(declaration);
    boolean confined =
        Annotation.anyNamed(port.annotations(declaration), ConcurrencyAnnotations.THREAD_CONFINED)
            || owner != null && Annotation.anyNamed(port.annotations(owner), ConcurrencyAnnotations.THREAD_CONFINED);
    return new MapField(
        port.variableName(declaration),
        port.declaredTypeChain(declaration),
        List.copyOf(assignedValues.getOrDefault(port.declaredVariable(declaration), List.of())),
        port.hasModifier(declaration, Modifier.STATIC),
        port.hasModifier(declaration, Modifier.FINAL),
        port.hasModifier(declaration, Modifier.VOLATILE),
        false,
        guard,
        guardAnnotation,
        confined,
        site,
        false,
        port.mapValueType(declaration),
        subclassesUseAs(declaration, owner));
  }

  /** {@link MapField#subclassesUseAs} of the field {@code declaration}, declared in {@code owner}. */
  private String subclassesUseAs(N declaration, N owner) {
    if (owner != topLevel
        || owner == null
        || port.hasModifier(declaration, Modifier.STATIC)
        || port.hasModifier(declaration, Modifier.PRIVATE)
        || port.hasModifier(owner, Modifier.FINAL)) {
      return null;
    }
    List<String> types = port.classTypes(owner);
    return types.isEmpty() ? null : types.get(0) + "#" + port.variableName(declaration);
  }

  /** A local variable or parameter holding a map, for the rules that need no sharing. */
  public MapField local(N declaration, Site site) {
    return new MapField(
        port.variableName(declaration),
        port.declaredTypeChain(declaration),
        List.copyOf(localMapValues.getOrDefault(port.declaredVariable(declaration), List.of())),
        false,
        port.hasModifier(declaration, Modifier.FINAL),
        false,
        false,
        null,
        null,
        false,
        site,
        true,
        null,
        null);
  }

  /**
   * A {@code @GuardedBy} naming a field or {@code this} means the field's own class, which for a
   * nested class differs from the engine's top-level spelling: "monitor" in {@code State} is
   * {@code State.monitor}.
   */
  private String qualifyGuard(N field, String guard) {
    N owner = port.declaringClass(field);
    if (guard == null || owner == null || owner == topLevel) {
      return guard;
    }
    String value = guard.trim();
    if (value.equals("this")) {
      return port.thisName(owner);
    }
    String name = value.startsWith("this.") ? value.substring("this.".length()) : value;
    String member = port.fieldNameIn(owner, name);
    return member == null ? guard : member;
  }
}

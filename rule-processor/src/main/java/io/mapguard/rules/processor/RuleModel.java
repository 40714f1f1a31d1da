package io.mapguard.rules.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * One rule as its check's {@code @RuleDefinition} writes it, read through the annotation mirror: the
 * processor does not link against the engine, whose annotation it reads.
 */
record RuleModel(
    TypeElement check,
    String name,
    String summary,
    String brief,
    int order,
    String since,
    String severity,
    boolean enabledByDefault,
    List<String> tags) {
  static final String DEFINITION = "io.mapguard.engine.rules.RuleDefinition";
  static final String RULES_PACKAGE = "io.mapguard.engine.rules";
  static final String RULE_CHECK = RULES_PACKAGE + ".RuleCheck";
  static final String RULE = "io.mapguard.engine.report.Rule";

  /**
   * The file, beside the catalogue in {@link #RULES_PACKAGE}, where the engine's processor writes the
   * checks it found, one binary class name a line, in catalogue order; the checker's processor reads
   * it from the engine on the classpath. Not under META-INF: javac finds a jar's resources only in
   * folders named like packages.
   */
  static final String INDEX = "rule-checks";

  /** The definition on {@code type}, with the defaults filled in; empty when it has none. */
  static Optional<RuleModel> read(TypeElement type, Elements elements) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (!annotation.getQualifiedName().contentEquals(DEFINITION)) {
        continue;
      }
      Map<? extends ExecutableElement, ? extends AnnotationValue> values =
          elements.getElementValuesWithDefaults(mirror);
      Map<String, Object> byName = new HashMap<>();
      values.forEach((method, value) -> byName.put(method.getSimpleName().toString(), value.getValue()));
      List<String> tags = new ArrayList<>();
      for (Object tag : (List<?>) byName.get("tags")) {
        tags.add((String) ((AnnotationValue) tag).getValue());
      }
      return Optional.of(
          new RuleModel(
              type,
              (String) byName.get("name"),
              (String) byName.get("summary"),
              (String) byName.get("brief"),
              (Integer) byName.get("order"),
              (String) byName.get("since"),
              ((VariableElement) byName.get("severity")).getSimpleName().toString(),
              (Boolean) byName.get("enabledByDefault"),
              List.copyOf(tags)));
    }
    return Optional.empty();
  }

  /** The Java constant of the rule: {@code MapCapacityHint} → {@code MAP_CAPACITY_HINT}, as {@code Rule.constantName}. */
  String constantName() {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}

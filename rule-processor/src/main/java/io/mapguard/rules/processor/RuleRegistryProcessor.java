package io.mapguard.rules.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * In the engine's compilation: the rule catalogue {@code io.mapguard.engine.rules.Rules} (each
 * rule's {@code Rule} constant, every rule and every check in catalogue order, lookups by name and
 * by check) and the index of checks the checker's {@link BugCheckerProcessor} reads, from the
 * {@code @RuleDefinition} of every check. A definition that breaks the conventions a rule's name is
 * found by (its check is {@code <Name>Check}) or that clashes with another is a compile error.
 */
public final class RuleRegistryProcessor extends AbstractProcessor {
  private static final Pattern RULE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  static final String GENERATOR = RuleRegistryProcessor.class.getName();

  private boolean generated;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(RuleModel.DEFINITION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (generated || annotations.isEmpty()) {
      return false;
    }
    TypeElement definition = annotations.iterator().next();
    List<RuleModel> rules = new ArrayList<>();
    boolean valid = true;
    for (Element element : round.getElementsAnnotatedWith(definition)) {
      RuleModel rule = RuleModel.read((TypeElement) element, processingEnv.getElementUtils()).orElseThrow();
      valid &= valid(rule);
      rules.add(rule);
    }
    generated = true;
    // nothing is written from a broken definition: the errors are the compilation's only output
    if (!valid || !unique(rules)) {
      return true;
    }
    rules.sort(Comparator.comparingInt(RuleModel::order));
    try {
      registry(rules).writeTo(processingEnv.getFiler());
      index(rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  private boolean valid(RuleModel rule) {
    TypeElement check = rule.check();
    List<String> problems = new ArrayList<>();
    if (!RULE_NAME.matcher(rule.name()).matches()) {
      problems.add("the rule name '" + rule.name() + "' is not UpperCamelCase");
    }
    if (!check.getSimpleName().contentEquals(rule.name() + "Check")) {
      problems.add("the check of rule " + rule.name() + " must be called " + rule.name() + "Check");
    }
    if (check.getKind() != ElementKind.CLASS
        || !check.getModifiers().contains(Modifier.PUBLIC)
        || check.getModifiers().contains(Modifier.ABSTRACT)
        || check.getNestingKind().isNested()) {
      problems.add("a check is a public, top-level, concrete class");
    }
    TypeElement ruleCheck = processingEnv.getElementUtils().getTypeElement(RuleModel.RULE_CHECK);
    if (ruleCheck == null
        || !processingEnv.getTypeUtils().isAssignable(check.asType(), ruleCheck.asType())) {
      problems.add("a check implements " + RuleModel.RULE_CHECK);
    }
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(check.getEnclosedElements());
    if (constructors.stream()
        .noneMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC))) {
      problems.add("a check has a public constructor without parameters");
    }
    for (String text : List.of(rule.summary(), rule.brief(), rule.since())) {
      if (text.isBlank()) {
        problems.add("summary, brief and since must not be blank");
        break;
      }
    }
    for (String problem : problems) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, problem, check);
    }
    return problems.isEmpty();
  }

  private boolean unique(List<RuleModel> rules) {
    Map<Integer, RuleModel> byOrder = new HashMap<>();
    Map<String, RuleModel> byName = new HashMap<>();
    boolean unique = true;
    for (RuleModel rule : rules) {
      RuleModel sameOrder = byOrder.putIfAbsent(rule.order(), rule);
      if (sameOrder != null) {
        error(rule, "order " + rule.order() + " is taken by " + sameOrder.name());
        unique = false;
      }
      RuleModel sameName = byName.putIfAbsent(rule.constantName(), rule);
      if (sameName != null) {
        error(rule, "rule " + rule.name() + " clashes with " + sameName.check().getQualifiedName());
        unique = false;
      }
    }
    return unique;
  }

  private void error(RuleModel rule, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, rule.check());
  }

  private static JavaFile registry(List<RuleModel> rules) {
    ClassName ruleType = ClassName.get("io.mapguard.engine.report", "Rule");
    ClassName checkType = ClassName.get(RuleModel.RULES_PACKAGE, "RuleCheck");
    TypeName checkClass =
        ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(checkType));
    TypeName ruleList = ParameterizedTypeName.get(ClassName.get(List.class), ruleType);
    TypeName checkList = ParameterizedTypeName.get(ClassName.get(List.class), checkType);
    TypeSpec.Builder type =
        TypeSpec.classBuilder("Rules")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(generated(GENERATOR))
            .addJavadoc(
                "The rule catalogue: every rule's metadata, as the {@code @RuleDefinition} of its"
                    + " check\ndefines it, and every check, in catalogue order ({@code order}). Made"
                    + " by the rule processor\n({@code rule-processor/}) when the engine compiles.\n");
    CodeBlock.Builder all = CodeBlock.builder();
    CodeBlock.Builder checks = CodeBlock.builder();
    CodeBlock.Builder byCheck = CodeBlock.builder();
    for (RuleModel rule : rules) {
      ClassName check = ClassName.get(rule.check());
      type.addField(
          FieldSpec.builder(ruleType, rule.constantName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("See docs/rules/$L.md.\n", rule.name())
              .initializer(
                  "new $T(\n$>$>$S,\n$S,\n$S,\n$T.Severity.$L,\n$L,\n$S,\n$L)$<$<",
                  ruleType,
                  rule.name(),
                  rule.summary(),
                  rule.brief(),
                  ruleType,
                  rule.severity(),
                  rule.enabledByDefault(),
                  rule.since(),
                  rule.order())
              .build());
      String separator = all.isEmpty() ? "" : ",\n";
      all.add(separator + "$L", rule.constantName());
      checks.add(separator + "new $T()", check);
      byCheck.add(separator + "$T.entry($T.class, $L)", Map.class, check, rule.constantName());
    }
    type.addField(
        FieldSpec.builder(ruleList, "ALL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of(\n$>$>$L)$<$<", List.class, all.build())
            .build());
    type.addField(
        FieldSpec.builder(checkList, "CHECKS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of(\n$>$>$L)$<$<", List.class, checks.build())
            .build());
    type.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(ClassName.get(Map.class), checkClass, ruleType),
                "BY_CHECK",
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.ofEntries(\n$>$>$L)$<$<", Map.class, byCheck.build())
            .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(
        MethodSpec.methodBuilder("all")
            .addJavadoc("Every rule, in catalogue order.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ruleList)
            .addStatement("return ALL")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("checks")
            .addJavadoc("Every rule's check, in catalogue order: the order the engine runs them in.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(checkList)
            .addStatement("return CHECKS")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("byName")
            .addJavadoc("The rule called {@code name}, by its rule name or its constant's name.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), ruleType))
            .addParameter(String.class, "name")
            .addStatement("return $T.find(ALL, name)", ruleType)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("checkOf")
            .addJavadoc("The check of {@code rule}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(checkType)
            .addParameter(ruleType, "rule")
            .addStatement("return CHECKS.get(ALL.indexOf(rule))")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("ruleOf")
            .addJavadoc("The rule a check's class defines; what {@link RuleCheck#rule()} answers.\n")
            .addModifiers(Modifier.STATIC)
            .returns(ruleType)
            .addParameter(checkClass, "check")
            .addStatement("$T rule = BY_CHECK.get(check)", ruleType)
            .beginControlFlow("if (rule == null)")
            .addStatement(
                "throw new $T(check.getName() + $S)",
                IllegalStateException.class,
                " has no @RuleDefinition")
            .endControlFlow()
            .addStatement("return rule")
            .build());
    return JavaFile.builder(RuleModel.RULES_PACKAGE, type.build())
        .addFileComment("Generated from the @RuleDefinition of each check by $L. Do not edit.", GENERATOR)
        .skipJavaLangImports(true)
        .build();
  }

  private void index(List<RuleModel> rules) throws IOException {
    Element[] origins = rules.stream().map(RuleModel::check).toArray(Element[]::new);
    FileObject file =
        processingEnv.getFiler().createResource(
            StandardLocation.CLASS_OUTPUT, RuleModel.RULES_PACKAGE, RuleModel.INDEX, origins);
    try (Writer writer = file.openWriter()) {
      for (RuleModel rule : rules) {
        writer.write(processingEnv.getElementUtils().getBinaryName(rule.check()) + "\n");
      }
    }
  }

  static AnnotationSpec generated(String generator) {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", generator)
        .build();
  }
}

package io.mapguard.rules.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * In the checker's compilation, when the option {@value #PACKAGE_OPTION} names a package: one Error
 * Prone check per rule of the engine on the classpath, in that package, named as the rule, with the
 * {@code @BugPattern} of its {@code @RuleDefinition} and {@code @AutoService(BugChecker.class)}
 * (so the AutoService processor registers it). Each extends the package's hand-written
 * {@code MapGuardBugChecker} and answers its rule from {@code io.mapguard.engine.rules.Rules}. The
 * rules are read from the engine's index ({@link RuleModel#INDEX}) and the definitions kept in its
 * class files. The option is set for the main compilation only: a test compilation would make the
 * same classes again.
 */
public final class BugCheckerProcessor extends AbstractProcessor {
  static final String PACKAGE_OPTION = "mapguard.bugCheckerPackage";

  private static final ClassName BUG_PATTERN = ClassName.get("com.google.errorprone", "BugPattern");
  private static final String STANDARD_TAGS = "com.google.errorprone.BugPattern.StandardTags";
  private static final ClassName BUG_CHECKER =
      ClassName.get("com.google.errorprone.bugpatterns", "BugChecker");
  private static final ClassName FLAGS = ClassName.get("com.google.errorprone", "ErrorProneFlags");
  private static final ClassName AUTO_SERVICE =
      ClassName.get("com.google.auto.service", "AutoService");
  private static final ClassName INJECT = ClassName.get("javax.inject", "Inject");
  private static final ClassName RULE = ClassName.get("io.mapguard.engine.report", "Rule");
  private static final ClassName RULES = ClassName.get(RuleModel.RULES_PACKAGE, "Rules");

  private boolean generated;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(PACKAGE_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    String packageName = processingEnv.getOptions().get(PACKAGE_OPTION);
    if (generated || packageName == null) {
      return false;
    }
    generated = true;
    Elements elements = processingEnv.getElementUtils();
    String docsBase = docsBase(elements);
    Map<String, String> standardTags = standardTags(elements);
    try {
      for (String checkName : index()) {
        TypeElement check = elements.getTypeElement(checkName);
        Optional<RuleModel> rule =
            check == null ? Optional.empty() : RuleModel.read(check, elements);
        if (rule.isEmpty()) {
          error("the rule index names " + checkName + ", which has no @RuleDefinition here");
          continue;
        }
        bugChecker(packageName, rule.get(), docsBase, standardTags)
            .writeTo(processingEnv.getFiler());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }

  /** The engine's checks in catalogue order; empty, with an error, when the index is missing. */
  private List<String> index() {
    String where = RuleModel.RULES_PACKAGE.replace('.', '/') + "/" + RuleModel.INDEX;
    try (InputStream in =
        processingEnv
            .getFiler()
            .getResource(StandardLocation.CLASS_PATH, RuleModel.RULES_PACKAGE, RuleModel.INDEX)
            .openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .toList();
    } catch (IOException e) {
      error(
          "no rule index "
              + where
              + " on the classpath: compile the engine with the rule processor ("
              + e
              + ")");
      return List.of();
    }
  }

  private static String docsBase(Elements elements) {
    TypeElement rule = elements.getTypeElement(RULE.canonicalName());
    for (VariableElement field : ElementFilter.fieldsIn(rule.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals("DOCS_BASE")) {
        return (String) field.getConstantValue();
      }
    }
    throw new IllegalStateException(RULE + ".DOCS_BASE is missing");
  }

  /** {@code BugPattern.StandardTags}' values to their constants' names, to write the constant. */
  private static Map<String, String> standardTags(Elements elements) {
    Map<String, String> tags = new HashMap<>();
    TypeElement standard = elements.getTypeElement(STANDARD_TAGS);
    if (standard != null) {
      for (VariableElement field : ElementFilter.fieldsIn(standard.getEnclosedElements())) {
        if (field.getConstantValue() instanceof String value) {
          tags.put(value, field.getSimpleName().toString());
        }
      }
    }
    return tags;
  }

  private static JavaFile bugChecker(
      String packageName, RuleModel rule, String docsBase, Map<String, String> standardTags) {
    ClassName self = ClassName.get(packageName, rule.name());
    CodeBlock.Builder tags = CodeBlock.builder();
    for (String tag : rule.tags()) {
      String separator = tags.isEmpty() ? "" : ", ";
      String constant = standardTags.get(tag);
      if (constant != null) {
        tags.add(separator + "$T.StandardTags.$L", BUG_PATTERN, constant);
      } else {
        tags.add(separator + "$S", tag);
      }
    }
    AnnotationSpec bugPattern =
        AnnotationSpec.builder(BUG_PATTERN)
            .addMember("name", "$S", rule.name())
            .addMember("summary", "$S", rule.summary())
            .addMember("severity", "$T.SeverityLevel.$L", BUG_PATTERN, rule.severity())
            .addMember("linkType", "$T.LinkType.CUSTOM", BUG_PATTERN)
            .addMember("link", "$S", docsBase + rule.name() + ".md")
            .addMember("tags", rule.tags().size() == 1 ? "$L" : "{$L}", tags.build())
            .build();
    TypeSpec type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(ClassName.get(packageName, "MapGuardBugChecker"))
            .addJavadoc("See docs/rules/$L.md.\n", rule.name())
            .addAnnotation(AnnotationSpec.builder(AUTO_SERVICE).addMember("value", "$T.class", BUG_CHECKER).build())
            .addAnnotation(bugPattern)
            .addAnnotation(RuleRegistryProcessor.generated(BugCheckerProcessor.class.getName()))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc("For {@link java.util.ServiceLoader}, which Error Prone uses to find plugin checks.\n")
                    .addModifiers(Modifier.PUBLIC)
                    .addStatement("this($T.empty())", FLAGS)
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addAnnotation(INJECT)
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(FLAGS, "flags")
                    .addStatement("super(flags)")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("rule")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PROTECTED)
                    .returns(RULE)
                    .addStatement("return $T.$L", RULES, rule.constantName())
                    .build())
            .build();
    return JavaFile.builder(packageName, type)
        .addFileComment(
            "Generated from the @RuleDefinition of $L by $L. Do not edit.",
            rule.check().getQualifiedName(),
            BugCheckerProcessor.class.getName())
        .skipJavaLangImports(true)
        .build();
  }

  private void error(String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message);
  }
}

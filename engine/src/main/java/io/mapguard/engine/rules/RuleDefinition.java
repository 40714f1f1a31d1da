package io.mapguard.engine.rules;

import io.mapguard.engine.report.Rule;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, written once, on its check: a public class {@code <name>Check} implementing
 * {@link RuleCheck}, with a public no-argument constructor. At build time the rule processor
 * ({@code rule-processor/}) makes the catalogue {@code Rules} of this package from every
 * definition of the engine, and the checker's Error Prone check of each rule. Kept in the class
 * files because the checker's build reads the definitions from the engine's jar, and at run time for
 * the tests that hold the generated checks to it; the analysis reads {@code Rules}, never this. The
 * meaning of each attribute: {@link Rule}'s components of the same name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleDefinition {
  String name();

  String summary();

  String brief();

  /** Where the rule goes in listings and tables; unique, the processor checks it. */
  int order();

  String since();

  Rule.Severity severity() default Rule.Severity.WARNING;

  boolean enabledByDefault() default true;

  /** Error Prone's {@code @BugPattern} tags ({@code BugPattern.StandardTags} values). */
  String[] tags() default {"FragileCode"};
}

package io.mapguard.rules.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor on small engines: the annotation, {@code Rule} and {@code RuleCheck} as the engine
 * declares them (cut down), and checks written here.
 */
class RuleRegistryProcessorTest {
  private static final Map<String, String> ENGINE =
      Map.of(
          "io/mapguard/engine/report/Rule.java",
          """
          package io.mapguard.engine.report;
          import java.util.*;
          public record Rule(String ruleName, String summary, String brief, Severity severity,
              boolean enabledByDefault, String since, int order) {
            public static final String DOCS_BASE = "https://example.org/rules/";
            public enum Severity { SUGGESTION, WARNING, ERROR }
            public static Optional<Rule> find(Collection<Rule> rules, String name) {
              return rules.stream().filter(r -> r.ruleName().equals(name)).findFirst();
            }
          }
          """,
          "io/mapguard/engine/rules/RuleDefinition.java",
          """
          package io.mapguard.engine.rules;
          import io.mapguard.engine.report.Rule;
          public @interface RuleDefinition {
            String name(); String summary(); String brief(); int order(); String since();
            Rule.Severity severity() default Rule.Severity.WARNING;
            boolean enabledByDefault() default true;
            String[] tags() default {"FragileCode"};
          }
          """,
          "io/mapguard/engine/rules/RuleCheck.java",
          """
          package io.mapguard.engine.rules;
          public interface RuleCheck {
            default io.mapguard.engine.report.Rule rule() { return Rules.ruleOf(getClass()); }
          }
          """);

  private static String check(String name, int order, String extra) {
    return "package io.mapguard.engine.rules;\n"
        + "@RuleDefinition(name = \"" + name + "\", summary = \"Says \\\"why\\\"\", brief = \"what\","
        + " order = " + order + ", since = \"0.3.0\"" + extra + ")\n"
        + "public final class " + name + "Check implements RuleCheck {}\n";
  }

  private record Result(boolean success, String diagnostics, Path out) {}

  private static Result compile(Path dir, Map<String, String> checks) throws IOException {
    Path src = dir.resolve("src");
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    List<String> files = new ArrayList<>();
    Map<String, String> all = new java.util.HashMap<>(ENGINE);
    checks.forEach((name, text) -> all.put("io/mapguard/engine/rules/" + name + ".java", text));
    for (Map.Entry<String, String> source : all.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d", out.toString(),
                "-s", out.toString(),
                "-processor", RuleRegistryProcessor.class.getName(),
                "-processorpath", System.getProperty("java.class.path")));
    args.addAll(files);
    int status =
        javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    return new Result(status == 0, diagnostics.toString(StandardCharsets.UTF_8), out);
  }

  @Test
  void catalogueListsTheRulesInTheirOrder(@TempDir Path dir) throws Exception {
    Result result =
        compile(
            dir,
            Map.of(
                "ZebraRuleCheck", check("ZebraRule", 1, ""),
                "AlphaRuleCheck", check("AlphaRule", 2, ", enabledByDefault = false")));
    assertTrue(result.success(), result.diagnostics());
    String rules = Files.readString(result.out().resolve("io/mapguard/engine/rules/Rules.java"));
    assertTrue(rules.indexOf("ZEBRA_RULE = new Rule(") < rules.indexOf("ALPHA_RULE = new Rule("));
    assertTrue(rules.contains("\"Says \\\"why\\\"\""), rules);
    assertEquals(
        List.of("io.mapguard.engine.rules.ZebraRuleCheck", "io.mapguard.engine.rules.AlphaRuleCheck"),
        Files.readAllLines(result.out().resolve("io/mapguard/engine/rules/" + RuleModel.INDEX)));
  }

  @Test
  void aCheckNotNamedAfterItsRuleIsAnError(@TempDir Path dir) throws Exception {
    String misnamed = check("Zebra", 1, "").replace("class ZebraCheck", "class StripesCheck");
    Result result = compile(dir, Map.of("StripesCheck", misnamed));
    assertFalse(result.success());
    assertTrue(result.diagnostics().contains("must be called ZebraCheck"), result.diagnostics());
    assertFalse(Files.exists(dir.resolve("out/io/mapguard/engine/rules/Rules.java")));
  }

  @Test
  void twoRulesInOnePlaceAreAnError(@TempDir Path dir) throws Exception {
    Result result =
        compile(dir, Map.of("OneCheck", check("One", 1, ""), "TwoCheck", check("Two", 1, "")));
    assertFalse(result.success());
    assertTrue(result.diagnostics().contains("order 1 is taken by"), result.diagnostics());
  }
}

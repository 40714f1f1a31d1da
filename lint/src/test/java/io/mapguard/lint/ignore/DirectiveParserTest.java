package io.mapguard.lint.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectiveParserTest {
  @Test
  void parsesRulesReasonAndPosition() {
    List<IgnoreDirective> directives =
        DirectiveParser.parse(
            "class A {\n"
                + "\tint x; //  mapvet:ignore  GuardedMapEscape ,UnsafeMapPublication --  a -- b \n"
                + "}");

    assertEquals(1, directives.size());
    IgnoreDirective directive = directives.get(0);
    assertEquals(2, directive.line());
    assertEquals(9, directive.column());
    assertEquals(List.of("GuardedMapEscape", "UnsafeMapPublication"), directive.rules());
    assertEquals("a -- b", directive.reason());
    assertEquals(List.of(), directive.problems());
    assertTrue(directive.isEffective());
    assertTrue(directive.covers(2));
    assertTrue(directive.covers(3));
    assertFalse(directive.covers(1));
    assertFalse(directive.covers(4));
  }

  @Test
  void acceptsEnumStyleRuleNames() {
    IgnoreDirective directive =
        DirectiveParser.parse("// mapvet:ignore GUARDED_MAP_ESCAPE -- r").get(0);

    assertEquals(List.of("GuardedMapEscape"), directive.rules());
  }

  @Test
  void ignoresBlockCommentsStringsAndCharLiterals() {
    String source =
        "/* mapvet:ignore GuardedMapEscape -- r */\n"
            + "char c = '\"'; String s = \"// mapvet:ignore GuardedMapEscape -- r\";\n"
            + "String t = \"\"\"\n  \\\"\"\" // mapvet:ignore GuardedMapEscape -- r\n  \"\"\";\n";

    assertEquals(List.of(), DirectiveParser.parse(source));
  }

  @Test
  void emptyRuleNameInAListIsAProblem() {
    IgnoreDirective directive =
        DirectiveParser.parse("// mapvet:ignore GuardedMapEscape,, -- r").get(0);

    assertEquals(List.of("GuardedMapEscape"), directive.rules());
    assertEquals(
        List.of("mapvet:ignore directive has an empty rule name in 'GuardedMapEscape,,'"),
        directive.problems());
    assertTrue(directive.isEffective());
  }

  @Test
  void glueAfterTheKeywordIsMalformed() {
    IgnoreDirective directive = DirectiveParser.parse("// mapvet:ignore-all -- r").get(0);

    assertEquals(
        List.of(
            "unknown mapvet directive 'mapvet:ignore-all'; write // mapvet:ignore RuleName --"
                + " reason"),
        directive.problems());
    assertFalse(directive.isEffective());
  }
}

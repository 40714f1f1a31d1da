package io.mapguard.lint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NestingLimitsTest {
  @Test
  void bracketsAndOperatorsInCommentsAndLiteralsDoNotCount() {
    String noise = "\"" + "((((+".repeat(5_000) + "\" /* " + "{[(-".repeat(5_000) + " */";

    assertEquals(Optional.empty(), NestingLimits.exceeded("class A { String s = " + noise + "; }"));
  }

  @Test
  void depthCountsEveryKindOfBracket() {
    int half = NestingLimits.MAX_DEPTH / 2;
    String within = "(".repeat(half) + "[".repeat(half - 1) + "]".repeat(half - 1) + ")".repeat(half);

    assertEquals(Optional.empty(), NestingLimits.exceeded("{" + within + "}"));
    assertEquals(
        Optional.of("brackets nested 10,001 deep, beyond mapvet's limit of 10,000; skipped"),
        NestingLimits.exceeded("{{" + within + "}}"));
  }

  @Test
  void aChainEndsAtACommaSoLargeTablesAreFine() {
    String table = "int[] t = {" + "1 + 2, ".repeat(NestingLimits.MAX_CHAIN) + "3};";
    String chain = "int x = " + "1 + ".repeat(NestingLimits.MAX_CHAIN) + "1;";

    assertEquals(Optional.empty(), NestingLimits.exceeded(table));
    assertEquals(
        Optional.of(
            "an expression of 200,001 chained operators, beyond mapvet's limit of 200,000; skipped"),
        NestingLimits.exceeded(chain));
  }
}

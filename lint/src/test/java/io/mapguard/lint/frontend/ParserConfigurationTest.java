package io.mapguard.lint.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import io.mapguard.lint.analysis.SourceAnalyzer;
import org.junit.jupiter.api.Test;

/** What mapvet's lean parser configuration keeps and what it leaves out. */
class ParserConfigurationTest {
  private static CompilationUnit parse(String source) {
    ParseResult<CompilationUnit> result =
        SourceAnalyzer.parse(new JavaParser(SourceAnalyzer.parserConfiguration(true)), source);
    assertTrue(result.isSuccessful(), () -> result.getProblems().toString());
    return result.getResult().orElseThrow();
  }

  @Test
  void parsesJava25AndTurnsVarIntoVarType() {
    CompilationUnit unit =
        parse(
            "record R(int a) {}\n"
                + "class A {\n"
                + "  int f(Object o) {\n"
                + "    var m = new java.util.HashMap<String, Integer>();\n"
                + "    return switch (o) { case R(int a) when a > 0 -> a; default -> { yield 0; } };\n"
                + "  }\n"
                + "}\n");

    VariableDeclarator local = unit.findFirst(VariableDeclarator.class).orElseThrow();
    assertTrue(local.getType() instanceof VarType, local.getType().getClass().getName());
    assertEquals(4, local.getBegin().orElseThrow().line, "positions come from the kept tokens");
  }

  @Test
  void varAsAWordInsideOtherWordsOrAsATypeNameElsewhere() {
    // "variable" and "invariant" are no reason to look; the one real 'var' after them still is one
    CompilationUnit unit =
        parse("class A {\n  int variable; int invariant;\n  void f() { var x = 1; }\n}\n");

    assertEquals(1, unit.findAll(VarType.class).size());
    assertTrue(parse("class A { int variable; }\n").findAll(VarType.class).isEmpty());
  }

  @Test
  void theTypeSolversParsesWithoutTokensStillMakeVarTypes() {
    CompilationUnit unit =
        new JavaParser(SourceAnalyzer.parserConfiguration(false))
            .parse("class A { void f() { var x = 1; } }")
            .getResult()
            .orElseThrow();

    assertEquals(1, unit.findAll(VarType.class).size());
  }

  @Test
  void leavesLanguageLevelValidationAndCommentAttributionOut() {
    // javac rejects the repeated modifier; reporting that is the compiler's job, not mapvet's
    CompilationUnit unit = parse("public public class A {\n  /** doc */ void f() {}\n}\n");

    assertTrue(unit.findAll(Node.class).stream().allMatch(n -> n.getComment().isEmpty()));
  }

  @Test
  void attachesTheSymbolResolverToTheUnit() {
    ParserConfiguration configuration =
        SourceAnalyzer.parserConfiguration(true)
            .setSymbolResolver(new JavaSymbolSolver(new ReflectionTypeSolver()));

    CompilationUnit unit = new JavaParser(configuration).parse("class A {}").getResult().orElseThrow();

    assertTrue(unit.containsData(Node.SYMBOL_RESOLVER_KEY));
  }
}

package io.mapguard.lint.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The array-stack walks visit what JavaParser's own search does, in its order. */
class AstNodesTest {
  private static final CompilationUnit UNIT =
      StaticJavaParser.parse(
          """
          class A {
            java.util.Map<String, Integer> m = new java.util.HashMap<>();
            @SuppressWarnings("x") void f(int n) {
              g(h(1), m.get("k"));
              Runnable r = () -> { class Local { void i() { j(); } } new Local().i(); };
              if (n > 0) { f(n - 1); } else { k(new Object() { void l() { f(0); } }); }
            }
          }
          """);

  @Test
  void allFindsWhatFindAllFindsInTheSameOrder() {
    assertEquals(UNIT.findAll(MethodCallExpr.class), AstNodes.all(UNIT, MethodCallExpr.class));
    assertEquals(UNIT.findAll(Node.class), AstNodes.all(UNIT, Node.class));
  }

  @Test
  void forEachVisitsTheSameCallsInPreOrderAndLeavesOutNamesAndTypes() {
    List<Node> visited = new ArrayList<>();
    AstNodes.forEach(UNIT, node -> visited.add(node));
    List<Node> calls = visited.stream().filter(MethodCallExpr.class::isInstance).toList();
    assertEquals(UNIT.findAll(MethodCallExpr.class), calls);
    assertTrue(visited.stream().noneMatch(n -> n instanceof SimpleName || n instanceof Type), visited.toString());
  }

  @Test
  void childrenAreEnteredOnlyWhenAsked() {
    List<Node> visited = new ArrayList<>();
    AstNodes.forEach(
        UNIT,
        node -> {
          visited.add(node);
          return !(node instanceof com.github.javaparser.ast.expr.LambdaExpr);
        });
    // j() and i() are inside the lambda's body
    List<String> names = visited.stream().filter(MethodCallExpr.class::isInstance).map(n -> ((MethodCallExpr) n).getNameAsString()).toList();
    assertEquals(List.of("g", "h", "get", "f", "k", "f"), names);
  }

  /**
   * The passes over a whole class read the file's pre-order instead of walking: for every node as
   * the root (a class, a lambda, a name, a literal, the file), exactly what the walk visits.
   */
  @Test
  void forEachInOrderVisitsWhatTheWalkVisitsUnderEveryRoot() {
    CompilationUnit unit = UNIT.clone();
    for (Node root : unit.findAll(Node.class)) {
      List<Node> walked = new ArrayList<>();
      AstNodes.forEach(root, walked::add);
      List<Node> read = new ArrayList<>();
      AstNodes.forEachInOrder(root, read::add);
      assertEquals(walked.size(), read.size(), root.toString());
      for (int i = 0; i < walked.size(); i++) {
        assertTrue(walked.get(i) == read.get(i), root + ": " + walked.get(i) + " / " + read.get(i));
      }
    }
    // a node of no compilation unit is walked
    Node detached = StaticJavaParser.parseStatement("{ g(h(1)); }");
    List<Node> read = new ArrayList<>();
    AstNodes.forEachInOrder(detached, read::add);
    assertEquals(3, read.stream().filter(n -> n instanceof MethodCallExpr || n instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr).count());
  }

  @Test
  void aVeryDeepTreeIsWalkedWithoutRecursion() {
    StringBuilder sum = new StringBuilder("int x = 0");
    for (int i = 0; i < 20_000; i++) {
      sum.append(" + 1");
    }
    // mapvet's parser: JavaParser's validators would recurse over the tree themselves
    CompilationUnit deep =
        new com.github.javaparser.JavaParser(io.mapguard.lint.analysis.SourceAnalyzer.parserConfiguration(false))
            .parse("class D { " + sum + "; }")
            .getResult()
            .orElseThrow();
    assertEquals(20_000, AstNodes.all(deep, BinaryExpr.class).size());
    int[] read = {0};
    AstNodes.forEachInOrder(deep, node -> read[0] += node instanceof BinaryExpr ? 1 : 0);
    assertEquals(20_000, read[0]);
  }
}

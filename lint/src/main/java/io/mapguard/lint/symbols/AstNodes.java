package io.mapguard.lint.symbols;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Pre-order searches of a syntax tree, in the order of JavaParser's {@code findAll}. JavaParser's
 * walk goes through an iterator that synchronises on a {@code Stack} and wraps every child list, and
 * was the fact extraction's costliest step; these walks use a plain array stack (no recursion, so
 * deeply nested generated expressions cannot overflow the thread's stack).
 */
public final class AstNodes {
  private AstNodes() {}

  /** Every node of {@code kind} under {@code root}, {@code root} included, in pre-order. */
  public static <T extends Node> List<T> all(Node root, Class<T> kind) {
    List<T> found = new ArrayList<>();
    ArrayDeque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (kind.isInstance(node)) {
        found.add(kind.cast(node));
      }
      pushChildren(node, pending);
    }
    return found;
  }

  /**
   * Visits {@code root} and the nodes under it in pre-order, the children of a node only when
   * {@code enter} returns true for it; leaves out names, types, modifiers, annotations and what is
   * inside literals: none is an expression or statement the shared extraction looks at.
   */
  public static void forEach(Node root, Predicate<Node> enter) {
    ArrayDeque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node instanceof LiteralExpr) {
        enter.test(node);
      } else if (!holdsNoIndexedKind(node) && enter.test(node)) {
        pushChildren(node, pending);
      }
    }
  }

  private static void pushChildren(Node node, ArrayDeque<Node> pending) {
    List<Node> children = node.getChildNodes();
    for (int i = children.size() - 1; i >= 0; i--) {
      pending.push(children.get(i));
    }
  }

  /**
   * Names, types, annotations, modifiers and literals: no expression or statement the extraction
   * looks at can be inside them, and they are most of a tree's nodes.
   */
  private static boolean holdsNoIndexedKind(Node node) {
    return node instanceof SimpleName
        || node instanceof Type
        || node instanceof Name
        || node instanceof AnnotationExpr
        || node instanceof LiteralExpr
        || node instanceof Modifier;
  }
}

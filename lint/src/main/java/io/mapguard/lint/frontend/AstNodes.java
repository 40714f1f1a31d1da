package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
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
final class AstNodes {
  private AstNodes() {}

  /** Every node of {@code kind} under {@code root}, {@code root} included, in pre-order. */
  static <T extends Node> List<T> all(Node root, Class<T> kind) {
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
  static void forEach(Node root, Predicate<Node> enter) {
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
   * Names, types, annotations, modifiers and literals: nothing the index collects can be inside
   * them, and they are most of a tree's nodes.
   */
  private static boolean holdsNoIndexedKind(Node node) {
    return node instanceof SimpleName
        || node instanceof Type
        || node instanceof Name
        || node instanceof AnnotationExpr
        || node instanceof LiteralExpr
        || node instanceof Modifier;
  }

  /** The node kinds a class's fact extraction looks at, collected in one walk of the class. */
  static final class Index {
    final List<TypeDeclaration<?>> types = new ArrayList<>();
    final List<VariableDeclarator> variables = new ArrayList<>();
    final List<MethodCallExpr> calls = new ArrayList<>();
    final List<AssignExpr> assignments = new ArrayList<>();
    final List<ObjectCreationExpr> creations = new ArrayList<>();
    final List<Parameter> parameters = new ArrayList<>();

    Index(Node root) {
      ArrayDeque<Node> pending = new ArrayDeque<>();
      pending.push(root);
      while (!pending.isEmpty()) {
        Node node = pending.pop();
        if (node instanceof MethodCallExpr) {
          calls.add((MethodCallExpr) node);
        } else if (node instanceof VariableDeclarator) {
          variables.add((VariableDeclarator) node);
        } else if (node instanceof AssignExpr) {
          assignments.add((AssignExpr) node);
        } else if (node instanceof ObjectCreationExpr) {
          creations.add((ObjectCreationExpr) node);
        } else if (node instanceof Parameter) {
          parameters.add((Parameter) node);
        } else if (node instanceof TypeDeclaration) {
          types.add((TypeDeclaration<?>) node);
        } else if (holdsNoIndexedKind(node)) {
          continue;
        }
        pushChildren(node, pending);
      }
    }
  }
}

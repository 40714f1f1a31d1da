package io.mapguard.lint.symbols;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Pre-order searches of a syntax tree, in the order of JavaParser's {@code findAll}. JavaParser's
 * walk goes through an iterator that synchronises on a {@code Stack} and wraps every child list, and
 * was the fact extraction's costliest step; these walks use a plain array stack of child lists (no
 * recursion, so deeply nested generated expressions cannot overflow the thread's stack).
 */
public final class AstNodes {
  private static final int INITIAL_DEPTH = 64;

  private AstNodes() {}

  /** Every node of {@code kind} under {@code root}, {@code root} included, in pre-order. */
  public static <T extends Node> List<T> all(Node root, Class<T> kind) {
    List<T> found = new ArrayList<>();
    walk(
        root,
        node -> {
          if (kind.isInstance(node)) {
            found.add(kind.cast(node));
          }
          return true;
        });
    return found;
  }

  /**
   * Visits {@code root} and the nodes under it in pre-order, the children of a node only when
   * {@code enter} returns true for it; leaves out names, types, modifiers, annotations and what is
   * inside literals: none is an expression or statement the shared extraction looks at.
   */
  public static void forEach(Node root, Predicate<Node> enter) {
    walk(
        root,
        node -> {
          if (node instanceof LiteralExpr) {
            enter.test(node);
            return false;
          }
          return !holdsNoIndexedKind(node) && enter.test(node);
        });
  }

  /**
   * Hands {@code action} each node {@link #forEach} would visit under {@code root} when entering every
   * node: {@code root} and its descendants, in pre-order, without names, types, modifiers,
   * annotations and what is inside literals. For the passes over a whole class or file (the
   * triage's, the uses', the call keys'), several a file: they read the file's {@link PreOrder},
   * made by the first of them, instead of walking the tree again (walking was a tenth of a scan of
   * guava).
   */
  public static void forEachInOrder(Node root, Consumer<Node> action) {
    PreOrder order = root.findCompilationUnit().map(AstNodes::preOrderOf).orElse(null);
    int at = order == null ? -1 : order.indexOf(root);
    if (at < 0) {
      forEach(
          root,
          node -> {
            action.accept(node);
            return true;
          });
      return;
    }
    for (int i = at, end = order.ends[at]; i < end; i++) {
      action.accept(order.nodes[i]);
    }
  }

  /** A file's {@link PreOrder}, made at the first pass that asks and kept on its tree. */
  private static PreOrder preOrderOf(CompilationUnit unit) {
    if (unit.containsData(PRE_ORDER)) {
      return unit.getData(PRE_ORDER);
    }
    PreOrder order = PreOrder.of(unit);
    unit.setData(PRE_ORDER, order);
    return order;
  }

  private static final DataKey<PreOrder> PRE_ORDER = new DataKey<>() {};

  /**
   * The nodes {@link #forEach} visits under a compilation unit when entering every node, in
   * pre-order, and where each node's subtree ends: {@code nodes[i]}'s descendants are {@code
   * nodes[i + 1]} up to {@code nodes[ends[i] - 1]}. A tree read after it was made must not have
   * changed (mapvet's analysis only reads trees).
   */
  private static final class PreOrder {
    final Node[] nodes;
    final int[] ends;

    private PreOrder(Node[] nodes, int[] ends) {
      this.nodes = nodes;
      this.ends = ends;
    }

    @SuppressWarnings("unchecked")
    static PreOrder of(CompilationUnit unit) {
      List<Node> nodes = new ArrayList<>();
      int[] ends = new int[256];
      nodes.add(unit);
      // {@link #walk}'s stack of child lists, each also with the index of its parent: a list's
      // end is where its parent's subtree ends
      List<Node>[] lists = new List[INITIAL_DEPTH];
      int[] positions = new int[INITIAL_DEPTH];
      int[] parents = new int[INITIAL_DEPTH];
      int depth = 0;
      lists[depth] = unit.getChildNodes();
      parents[depth++] = 0;
      while (depth > 0) {
        int top = depth - 1;
        List<Node> list = lists[top];
        int position = positions[top];
        if (position == list.size()) {
          ends[parents[top]] = nodes.size();
          lists[top] = null;
          positions[top] = 0;
          depth = top;
          continue;
        }
        positions[top] = position + 1;
        Node node = list.get(position);
        boolean literal = node instanceof LiteralExpr;
        if (!literal && holdsNoIndexedKind(node)) {
          continue;
        }
        int index = nodes.size();
        nodes.add(node);
        if (index >= ends.length) {
          ends = Arrays.copyOf(ends, ends.length * 2);
        }
        List<Node> children = literal ? List.of() : node.getChildNodes();
        if (children.isEmpty()) {
          ends[index] = index + 1;
          continue;
        }
        if (depth == lists.length) {
          lists = Arrays.copyOf(lists, depth * 2);
          positions = Arrays.copyOf(positions, depth * 2);
          parents = Arrays.copyOf(parents, depth * 2);
        }
        lists[depth] = children;
        parents[depth++] = index;
      }
      return new PreOrder(nodes.toArray(new Node[0]), ends);
    }

    /**
     * Where {@code node} is, found down the path from the unit (each level's children are reached
     * by skipping their siblings' subtrees); -1 when it, or a node on the path, is not indexed.
     */
    int indexOf(Node node) {
      List<Node> path = new ArrayList<>();
      for (Node n = node; n != null && n != nodes[0]; n = n.getParentNode().orElse(null)) {
        path.add(n);
      }
      int at = 0;
      for (int level = path.size() - 1; level >= 0; level--) {
        Node wanted = path.get(level);
        int child = at + 1;
        while (child < ends[at] && nodes[child] != wanted) {
          child = ends[child];
        }
        if (child >= ends[at]) {
          return -1;
        }
        at = child;
      }
      return at;
    }
  }

  /**
   * The pre-order walk both searches share. Its stack holds child lists, each with the position
   * reached in it, rather than every pending node: a node's children are not copied onto the stack
   * one by one (most are leaves, names and types, popped again at once), which made pushing the
   * walk's costliest step.
   */
  @SuppressWarnings("unchecked")
  private static void walk(Node root, Predicate<Node> enter) {
    if (!enter.test(root)) {
      return;
    }
    List<Node>[] lists = new List[INITIAL_DEPTH];
    int[] positions = new int[INITIAL_DEPTH];
    int depth = 0;
    lists[depth++] = root.getChildNodes();
    while (depth > 0) {
      int top = depth - 1;
      List<Node> list = lists[top];
      int position = positions[top];
      if (position == list.size()) {
        lists[top] = null;
        positions[top] = 0;
        depth = top;
        continue;
      }
      positions[top] = position + 1;
      Node node = list.get(position);
      if (!enter.test(node)) {
        continue;
      }
      List<Node> children = node.getChildNodes();
      if (children.isEmpty()) {
        continue;
      }
      if (depth == lists.length) {
        lists = Arrays.copyOf(lists, depth * 2);
        positions = Arrays.copyOf(positions, depth * 2);
      }
      lists[depth++] = children;
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

  /** Whether a named class of the file (top-level or member) extends one the file does not declare. */
  public static boolean extendsAnotherFilesClass(CompilationUnit unit) {
    List<ClassOrInterfaceDeclaration> classes = new ArrayList<>();
    addNamedClasses(unit.getTypes(), classes);
    Set<String> declared = new HashSet<>();
    classes.forEach(type -> declared.add(type.getNameAsString()));
    for (ClassOrInterfaceDeclaration type : classes) {
      if (!type.isInterface()
          && type.getExtendedTypes().stream().anyMatch(extended -> !declared.contains(extended.getNameAsString()))) {
        return true;
      }
    }
    return false;
  }

  private static void addNamedClasses(
      List<? extends BodyDeclaration<?>> members, List<ClassOrInterfaceDeclaration> out) {
    for (BodyDeclaration<?> member : members) {
      if (member instanceof ClassOrInterfaceDeclaration type) {
        out.add(type);
      }
      if (member instanceof TypeDeclaration<?> type) {
        addNamedClasses(type.getMembers(), out);
      }
    }
  }
}

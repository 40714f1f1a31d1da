package io.mapguard.engine.extract;

/**
 * A node of a front end's tree with the chain of its enclosing nodes, innermost first: the shared
 * extraction walks outward along it (javac trees do not know their parents; a front end hands over
 * the path of the node it asks about). Front ends give views that find parents only when asked, so
 * a walk costs what it visits.
 */
public interface SyntaxPath<N> {
  /** The node. */
  N leaf();

  /** The path of the enclosing node, or null at the root. */
  SyntaxPath<N> parent();

  /** A path built by hand, node by node (tests, front ends without parent links). */
  static <N> SyntaxPath<N> of(N leaf, SyntaxPath<N> parent) {
    return new Linked<>(leaf, parent);
  }

  /** The enclosing path once parentheses and casts around this node are left out, or null. */
  default SyntaxPath<N> parentSkippingParens(SyntaxPort<N> port) {
    SyntaxPath<N> p = parent();
    while (p != null && port.kind(p.leaf()).wrapsExpression()) {
      p = p.parent();
    }
    return p;
  }

  /** A path whose parents are given. */
  record Linked<N>(N leaf, SyntaxPath<N> parent) implements SyntaxPath<N> {}
}

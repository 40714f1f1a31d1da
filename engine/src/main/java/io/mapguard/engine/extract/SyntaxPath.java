package io.mapguard.engine.extract;

/**
 * A node of a front end's tree with the chain of its enclosing nodes, innermost first: the shared
 * extraction walks outward along it (javac trees do not know their parents; a front end hands over
 * the path of the node it asks about).
 *
 * @param leaf the node
 * @param parent the path of the enclosing node, or null at the root
 */
public record SyntaxPath<N>(N leaf, SyntaxPath<N> parent) {

  /** The enclosing path once parentheses and casts around this node are left out, or null. */
  public SyntaxPath<N> parentSkippingParens(SyntaxPort<N> port) {
    SyntaxPath<N> p = parent;
    while (p != null && port.kind(p.leaf).wrapsExpression()) {
      p = p.parent;
    }
    return p;
  }
}

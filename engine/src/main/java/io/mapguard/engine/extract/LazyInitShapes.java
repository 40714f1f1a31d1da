package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.model.MapField;
import java.util.function.Function;

/**
 * Double-checked lazy initialization of a map field:
 * {@code if (f == null) { synchronized (x) { if (f == null) { f = …; } } }}. Written once for every
 * front end, against the {@link SyntaxPort}.
 */
public final class LazyInitShapes<N> {
  private final SyntaxPort<N> port;

  public LazyInitShapes(SyntaxPort<N> port) {
    this.port = port;
  }

  /**
   * The line of the outer null check when the assignment to {@code field} at {@code assign} is
   * double-checked (a null check, a {@code synchronized} block inside it, a null check inside
   * that), else 0.
   *
   * @param mapFieldOf the map field an expression denotes, or null
   */
  public int outerCheckLine(MapField field, SyntaxPath<N> assign, Function<N, Object> mapFieldOf) {
    boolean checkedInside = false;
    boolean locked = false;
    for (SyntaxPath<N> p = assign.parent(); p != null; p = p.parent()) {
      N leaf = p.leaf();
      Kind kind = port.kind(leaf);
      if (kind == Kind.METHOD || kind == Kind.LAMBDA || kind == Kind.CLASS) {
        return 0;
      }
      if (kind == Kind.IF && checksNull(port.condition(leaf), field, mapFieldOf)) {
        if (!checkedInside) {
          checkedInside = true;
        } else if (locked) {
          return port.line(leaf);
        }
      }
      if (kind == Kind.SYNCHRONIZED && checkedInside) {
        locked = true;
      }
    }
    return 0;
  }

  /**
   * Whether the assignment to {@code field} at {@code assign} runs only when the field is null: an
   * {@code if (f == null)} around it in its own method or lambda (a lazy creation).
   */
  public boolean insideNullCheck(MapField field, SyntaxPath<N> assign, Function<N, Object> mapFieldOf) {
    for (SyntaxPath<N> p = assign.parent(); p != null; p = p.parent()) {
      N leaf = p.leaf();
      Kind kind = port.kind(leaf);
      if (kind == Kind.METHOD || kind == Kind.LAMBDA || kind == Kind.CLASS) {
        return false;
      }
      if (kind == Kind.IF && checksNull(port.condition(leaf), field, mapFieldOf)) {
        return true;
      }
    }
    return false;
  }

  /** {@code field == null} or {@code null == field}. */
  private boolean checksNull(N condition, MapField field, Function<N, Object> mapFieldOf) {
    N c = port.skipParens(condition);
    if (port.kind(c) != Kind.EQUAL) {
      return false;
    }
    return port.isNullLiteral(port.right(c)) && mapFieldOf.apply(port.left(c)) == field
        || port.isNullLiteral(port.left(c)) && mapFieldOf.apply(port.right(c)) == field;
  }
}

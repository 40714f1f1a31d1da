package io.mapguard.engine.extract;

import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import java.util.ArrayList;
import java.util.List;

/**
 * A code unit under construction: its body and what the scan found inside it, each at a position
 * {@code P} of the front end's (javac: a tree path, JavaParser: a node), turned into facts by
 * {@link FactAssembly} once the locks held there are known.
 *
 * @param <N> the front end's node type
 * @param <P> the front end's position of a use
 */
public class UnitScan<N, P> {
  /**
   * A use of a map: the call made on it (or a view, entry, iterator of it), an assignment…
   *
   * @param ownMonitor true for a call of a {@code synchronized} method of the map's own class (a
   *     subclass of a map type): the call holds the map's monitor
   */
  public record PendingAccess<P>(
      MapField field,
      Effect effect,
      String method,
      P at,
      boolean fresh,
      boolean nullArgument,
      MapCall call,
      boolean ownMonitor) {
    public PendingAccess(MapField field, Effect effect, String method, P at, boolean fresh, boolean nullArgument) {
      this(field, effect, method, at, fresh, nullArgument, MapCall.NONE);
    }

    public PendingAccess(
        MapField field, Effect effect, String method, P at, boolean fresh, boolean nullArgument, MapCall call) {
      this(field, effect, method, at, fresh, nullArgument, call, false);
    }
  }

  /** A call from this unit into another unit of the class (a method, a lambda, a task). */
  public record PendingEdge<P>(CodeUnit callee, P at) {}

  /** A synchronized wrapper made around a map field. */
  public record PendingWrap<P>(MapField backing, String wrapper, P at) {}

  /** A map field (or a view of it) leaving the class's control. */
  /** @param view see {@link Escape#view} */
  public record PendingEscape<P>(MapField field, Escape.Kind kind, String detail, P at, String view) {
    public PendingEscape(MapField field, Escape.Kind kind, String detail, P at) {
      this(field, kind, detail, at, null);
    }
  }

  /** A value taken out of a map field and changed ({@code index.get(k).add(v)}). */
  public record PendingMutation<P>(
      MapField field, String source, int sourceLine, String method, String through, P at) {}

  public final CodeUnit unit;
  /** The unit's tree: a method, a lambda, a class for initializers. */
  public final N body;
  /** A lock API call (lock/unlock, tryLock, stamps…) is made in the unit. */
  public boolean hasLockCalls;
  /** A {@code synchronized} block is in the unit. */
  public boolean hasSynchronizedBlocks;

  public final List<PendingAccess<P>> accesses = new ArrayList<>();
  public final List<PendingEdge<P>> edges = new ArrayList<>();
  public final List<PendingEscape<P>> escapes = new ArrayList<>();
  public final List<PendingWrap<P>> wraps = new ArrayList<>();
  public final List<PendingMutation<P>> mutations = new ArrayList<>();

  public UnitScan(CodeUnit unit, N body) {
    this.unit = unit;
    this.body = body;
  }
}

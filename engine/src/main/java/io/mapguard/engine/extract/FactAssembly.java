package io.mapguard.engine.extract;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.knowledge.ReadsThatWrite;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.CallEdge;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.FlagUse;
import io.mapguard.engine.model.Holder;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.MapWrap;
import io.mapguard.engine.model.ReadingWrite;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.model.ValueMutation;
import io.mapguard.engine.project.CalledMethod;
import io.mapguard.engine.project.ProjectMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The last step of an extraction: each unit's pending uses, calls, wraps, mutations and escapes
 * become facts, with their sites, the locks held there, the update call and the loop over a map
 * around each call. Written once for every front end; the front end answers for its positions.
 *
 * @param <N> the front end's node type
 * @param <P> the front end's position of a use (see {@link UnitScan})
 */
public final class FactAssembly<N, P> {
  /**
   * What the assembly asks the front end about the positions it recorded.
   *
   * @param path the syntax path of a position
   * @param site the report site of a position
   * @param heldLocks the locks held at a unit's positions, or null when the unit tracks none (none
   *     are taken there)
   * @param updateAround the update function call ({@code computeIfAbsent}…) on a map whose
   *     function holds a call edge, or null
   */
  public record Positions<N, P>(
      Function<P, SyntaxPath<N>> path,
      Function<P, Site> site,
      Function<UnitScan<N, P>, Function<P, Set<LockRef>>> heldLocks,
      Function<P, CallShapes.UpdateCall> updateAround) {}

  private final CallShapes<N> shapes;
  private final KnownApis apis;
  private final Positions<N, P> positions;

  public FactAssembly(CallShapes<N> shapes, KnownApis apis, Positions<N, P> positions) {
    this.shapes = shapes;
    this.apis = apis;
    this.positions = positions;
  }

  /**
   * The methods of the class that return a value taken from one map field ({@code return
   * items.computeIfAbsent(k, ..)}): what their calls return is a value of that map.
   */
  private Map<CodeUnit, UnitScan.PendingMutation<P>> valueGetters(Collection<? extends UnitScan<N, P>> units) {
    Map<CodeUnit, UnitScan.PendingMutation<P>> getters = new HashMap<>();
    for (UnitScan<N, P> unit : units) {
      if (unit.unit.kind() != CodeUnit.Kind.METHOD || unit.unit.functional()) {
        continue;
      }
      for (UnitScan.PendingMutation<P> m : unit.mutations) {
        if (m.method().equals(ValueMutation.RETURNED)) {
          UnitScan.PendingMutation<P> other = getters.putIfAbsent(unit.unit, m);
          if (other != null && other.field() != m.field()) {
            getters.put(unit.unit, null); // values of two maps: neither is known at the call
          }
        }
      }
    }
    getters.values().removeIf(Objects::isNull);
    return getters;
  }

  /**
   * A use made right away of what a call of a value getter returns ({@code itemsOf(u).add(x)}): a
   * use of the map's value, taken out by the getter.
   */
  private void useOfReturnedValue(
      ClassFacts facts,
      UnitScan<N, P> unit,
      UnitScan.PendingEdge<P> edge,
      UnitScan.PendingMutation<P> returned,
      Function<P, Set<LockRef>> held) {
    SyntaxPath<N> call = positions.path().apply(edge.at());
    CallShapes.ValueUse<N> use = shapes.useOfValue(call);
    if (use == null || use.method().equals(ValueMutation.RETURNED)) {
      return; // a getter of the getter: its own callers' uses are not followed
    }
    facts
        .valueMutations()
        .add(
            new ValueMutation(
                returned.field(),
                edge.callee().name(),
                shapes.port().line(call.leaf()),
                use.method(),
                null,
                positions.site().apply(edge.at()),
                unit.unit,
                held.apply(edge.at())));
  }

  /**
   * Adds the facts of {@code units} to {@code facts}.
   *
   * @param fields the class's map fields, for the loops around calls
   * @param mapFieldOf the map field (or local map) an expression denotes, or null
   * @param loopsMatter false when the class has no loop over a map nor update function: no call
   *     edge can be inside one
   */
  public void assemble(
      ClassFacts facts,
      Collection<? extends UnitScan<N, P>> units,
      Collection<MapField> fields,
      Function<N, Object> mapFieldOf,
      boolean loopsMatter) {
    SyntaxPort<N> port = shapes.port();
    LazyInitShapes<N> nullChecks = new LazyInitShapes<>(port);
    Map<MapField, Boolean> readsMayWrite = new HashMap<>();
    ObjectHolders<N, P> objects = new ObjectHolders<>(port, apis, at -> positions.path().apply(at).leaf());
    // the methods that receive an object their caller holds, or reach a map field through a parameter
    Set<CodeUnit> receivers = new LinkedHashSet<>();
    Map<UnitScan.PendingAccess<P>, Holder> holders = holders(units, objects, receivers);
    Map<CodeUnit, UnitScan<N, P>> scans = new HashMap<>();
    units.forEach(unit -> scans.put(unit.unit, unit));
    // whose threads reach a nested object's maps matters only where the class's own evidence could
    // be about them (ClassAnalysis#classEvidenceReaches)
    boolean nestedMaps =
        ClassAnalysis.hasClassEvidence(facts) && fields.stream().anyMatch(field -> field.nestedClass() != null);
    Map<CodeUnit, UnitScan.PendingMutation<P>> valueGetters = valueGetters(units);
    for (UnitScan<N, P> unit : units) {
      facts.units().add(unit.unit);
      P inside = someplaceInside(unit);
      if (inside != null && unit.unit.kind() == CodeUnit.Kind.METHOD && !unit.unit.functional()) {
        SyntaxPath<N> at = positions.path().apply(inside);
        facts.projectMethods().put(unit.unit, Memo.of(() -> projectMethod(port, at)));
      }
      Function<P, Set<LockRef>> regions = positions.heldLocks().apply(unit);
      Function<P, Set<LockRef>> held = at -> regions == null ? Set.of() : regions.apply(at);
      // the maps a lazy creation in this unit fills: only their accesses ask whether they are in its branch
      Set<MapField> createdHere = new HashSet<>();
      for (UnitScan.PendingAccess<P> p : unit.accesses) {
        if (p.effect() == Effect.ASSIGN && p.fresh() && !p.field().local()) {
          createdHere.add(p.field());
        }
      }
      for (UnitScan.PendingAccess<P> p : unit.accesses) {
        MapField map = p.field();
        String writes =
            p.effect().readsContents() && readsMayWrite.computeIfAbsent(
                    map, m -> ReadsThatWrite.someReadsWrite(m.declaredType(), m.assignedValues()))
                ? ReadsThatWrite.why(map.declaredType(), map.assignedValues(), p.effect(), p.method())
                : null;
        (map.local() ? facts.localAccesses() : facts.accesses())
            .add(
                new Access(
                    map,
                    writes == null ? p.effect() : Effect.WRITE,
                    p.method(),
                    positions.site().apply(p.at()),
                    unit.unit,
                    held.apply(p.at()),
                    port.order(positions.path().apply(p.at()).leaf()),
                    p.fresh(),
                    p.nullArgument(),
                    p.call(),
                    holders.get(p),
                    createdHere.contains(map)
                        && nullChecks.insideNullCheck(map, positions.path().apply(p.at()), mapFieldOf),
                    writes == null ? null : new ReadingWrite(p.effect(), writes),
                    // named as synchronized (map) names it
                    p.ownMonitor() ? LockRef.monitor(map.name()) : null));
      }
      for (UnitScan.PendingEdge<P> e : unit.edges) {
        UnitScan.PendingMutation<P> returned = valueGetters.get(e.callee());
        if (returned != null) {
          useOfReturnedValue(facts, unit, e, returned, held);
        }
        CallShapes.UpdateCall around = positions.updateAround().apply(e.at());
        MapField updated =
            around == null || ((MapField) around.map()).local() ? null : (MapField) around.map();
        SyntaxPath<N> callPath = positions.path().apply(e.at());
        LoopAround looped = loopsMatter ? loopAround(callPath, fields, mapFieldOf) : null;
        N call = callPath.leaf();
        Set<MapField> inLazyCreationOf = createdHere.isEmpty() ? Set.of() : new HashSet<>();
        for (MapField created : createdHere) {
          if (nullChecks.insideNullCheck(created, callPath, mapFieldOf)) {
            inLazyCreationOf.add(created);
          }
        }
        // what the call passes and the object it is made on, when objects matter: some access goes
        // through a held object, or a nested class has map fields (see ClassAnalysis: whose threads
        // reach a nested object's maps)
        boolean followed =
            (!holders.isEmpty() || nestedMaps)
                && e.callee().kind() == CodeUnit.Kind.METHOD
                && port.kind(call) == SyntaxPort.Kind.METHOD_CALL;
        List<Holder> arguments = followed ? objects.arguments(unit, call) : List.of();
        Holder receiver = followed ? objects.receiver(unit, call) : null;
        if (receiver != null && receiver.kind() == Holder.Kind.PARAMETER) {
          receivers.add(unit.unit);
        }
        if (!arguments.isEmpty()) {
          receivers.add(e.callee());
        }
        facts
            .calls()
            .add(
                new CallEdge(
                    unit.unit,
                    e.callee(),
                    held.apply(e.at()),
                    port.line(call),
                    updated,
                    updated == null ? null : around.update(),
                    looped == null ? null : looped.map(),
                    looped == null ? null : looped.loop(),
                    port.order(call),
                    arguments,
                    receiver,
                    Set.copyOf(inLazyCreationOf)));
      }
      for (UnitScan.PendingWrap<P> w : unit.wraps) {
        facts
            .wraps()
            .add(
                new MapWrap(
                    w.backing(),
                    w.wrapper(),
                    positions.site().apply(w.at()),
                    unit.unit,
                    port.order(positions.path().apply(w.at()).leaf())));
      }
      for (UnitScan.PendingMutation<P> m : unit.mutations) {
        facts
            .valueMutations()
            .add(
                new ValueMutation(
                    m.field(),
                    m.source(),
                    m.sourceLine(),
                    m.method(),
                    m.through(),
                    positions.site().apply(m.at()),
                    unit.unit,
                    held.apply(m.at())));
      }
      for (UnitScan.PendingEscape<P> e : unit.escapes) {
        if (e.field().local()) {
          continue; // where a local map goes is the business of the sharing rules' fields only
        }
        facts
            .escapes()
            .add(
                new Escape(
                    e.field(),
                    e.kind(),
                    e.detail(),
                    positions.site().apply(e.at()),
                    unit.unit,
                    held.apply(e.at()),
                    e.view()));
      }
    }
    // what those methods do with such an object (see io.mapguard.engine.analysis.Ownership)
    for (CodeUnit receiver : receivers) {
      UnitScan<N, P> scan = scans.get(receiver);
      if (scan != null) {
        facts.parameterFates().addAll(objects.fates(scan));
      }
    }
  }

  /** A position inside the unit's own code: an access, an escape or a call, or null for none. */
  private static <N, P> P someplaceInside(UnitScan<N, P> unit) {
    if (!unit.accesses.isEmpty()) {
      return unit.accesses.get(0).at();
    }
    if (!unit.escapes.isEmpty()) {
      return unit.escapes.get(0).at();
    }
    return unit.edges.isEmpty() ? null : unit.edges.get(0).at();
  }

  /**
   * The method around {@code at} (a use or call inside a method unit) as other classes call it, when
   * they can (see {@link ClassFacts#projectMethods}); else null.
   */
  private static <N> CalledMethod projectMethod(SyntaxPort<N> port, SyntaxPath<N> at) {
    SyntaxPath<N> body = at;
    while (body != null && port.kind(body.leaf()) != SyntaxPort.Kind.METHOD && port.kind(body.leaf()) != SyntaxPort.Kind.CLASS) {
      body = body.parent();
    }
    if (body == null
        || port.kind(body.leaf()) != SyntaxPort.Kind.METHOD
        || port.hasModifier(body.leaf(), SyntaxPort.Modifier.PRIVATE)) {
      return null; // the class's own analysis holds all the calls of a private method
    }
    ProjectMethod method = ProjectCallShapes.methodOf(port, body);
    SyntaxPath<N> declaration = body;
    return method == null
        ? null
        : new CalledMethod(method, Memo.of(() -> !ProjectCallShapes.open(port, declaration)));
  }

  /**
   * Adds the reads and writes of the class's volatile non-map fields ({@code flags}, by variable
   * handle), each in the unit whose own code makes it (not in a lambda or class body inside it,
   * which is a unit of its own).
   */
  public void flagUses(ClassFacts facts, Collection<? extends UnitScan<N, P>> units, Set<Object> flags) {
    SyntaxPort<N> port = shapes.port();
    for (UnitScan<N, P> unit : units) {
      N root = unit.body;
      if (root == null) {
        continue;
      }
      Set<N> written = MethodLocals.identitySet();
      port.forEachNode(
          root,
          node -> {
            SyntaxPort.Kind kind = port.kind(node);
            if (node != root
                && (kind == SyntaxPort.Kind.LAMBDA
                    || kind == SyntaxPort.Kind.CLASS
                    || kind == SyntaxPort.Kind.NEW && port.hasClassBody(node))) {
              return false;
            }
            if (kind == SyntaxPort.Kind.ASSIGN) {
              written.add(port.skipParens(port.assignTarget(node)));
            } else if ((kind == SyntaxPort.Kind.IDENTIFIER || kind == SyntaxPort.Kind.FIELD_ACCESS)
                && flags.contains(port.variable(node))) {
              facts
                  .flagUses()
                  .add(new FlagUse(port.fieldName(node), written.contains(node), unit.unit, port.order(node)));
              return false;
            }
            return true;
          });
    }
  }

  /**
   * The holders of the accesses that reach a field of an object the unit holds itself ({@code
   * app.resources.put(…)} with {@code app} a parameter or a new object); empty for the common class
   * that reaches maps only through {@code this} and static fields. Units reaching one through a
   * parameter go into {@code receivers}.
   */
  private Map<UnitScan.PendingAccess<P>, Holder> holders(
      Collection<? extends UnitScan<N, P>> units, ObjectHolders<N, P> objects, Set<CodeUnit> receivers) {
    Map<UnitScan.PendingAccess<P>, Holder> holders = new IdentityHashMap<>();
    for (UnitScan<N, P> unit : units) {
      for (UnitScan.PendingAccess<P> access : unit.accesses) {
        if (!access.field().local()) {
          Holder holder = objects.ofFieldAccess(unit, positions.path().apply(access.at()).leaf());
          if (holder != null) {
            holders.put(access, holder);
            if (holder.kind() == Holder.Kind.PARAMETER) {
              receivers.add(unit.unit);
            }
          }
        }
      }
    }
    return holders;
  }

  /** A loop over a map field around a call, which goes on after the call. */
  private record LoopAround(MapField map, MapCall.Loop loop) {}

  private LoopAround loopAround(SyntaxPath<N> call, Collection<MapField> fields, Function<N, Object> mapFieldOf) {
    if (shapes.exitsAfter(call)) {
      return null;
    }
    LoopAround innermost = null; // nested loops over two maps: the one that starts last
    for (MapField field : fields) {
      MapCall.Loop loop = shapes.enclosingLoop(call, mapFieldOf, field);
      if (loop != null && (innermost == null || loop.line() > innermost.loop().line())) {
        innermost = new LoopAround(field, loop);
      }
    }
    return innermost;
  }

  /**
   * Units where the locks held matter: those that touch a map field or write a local map from a
   * task, and their callers in the class (the locks at a call become the callee's entry locks). A
   * front end whose lock regions are costly (javac builds a CFG) computes them only for these.
   */
  public static <N, P> Set<CodeUnit> lockSensitiveUnits(Collection<? extends UnitScan<N, P>> units) {
    Set<CodeUnit> sensitive = new HashSet<>();
    Map<CodeUnit, List<CodeUnit>> callers = new HashMap<>();
    List<CodeUnit> toVisit = new ArrayList<>();
    for (UnitScan<N, P> unit : units) {
      for (UnitScan.PendingEdge<P> edge : unit.edges) {
        callers.computeIfAbsent(edge.callee(), callee -> new ArrayList<>()).add(unit.unit);
      }
      if (touchesWhatLocksGuard(unit) && sensitive.add(unit.unit)) {
        toVisit.add(unit.unit);
      }
    }
    // callers of a sensitive unit, transitively: one visit per unit (classes of hundreds of units)
    while (!toVisit.isEmpty()) {
      CodeUnit callee = toVisit.remove(toVisit.size() - 1);
      for (CodeUnit caller : callers.getOrDefault(callee, List.of())) {
        if (sensitive.add(caller)) {
          toVisit.add(caller);
        }
      }
    }
    return sensitive;
  }

  private static boolean touchesWhatLocksGuard(UnitScan<?, ?> unit) {
    boolean task = unit.unit.kind() == CodeUnit.Kind.TASK;
    // a task's writes to a local map matter too: copies of it may write the map together
    for (UnitScan.PendingAccess<?> access : unit.accesses) {
      if (!access.field().local() || task && access.effect() == Effect.WRITE) {
        return true;
      }
    }
    for (UnitScan.PendingEscape<?> escape : unit.escapes) {
      if (!escape.field().local()) {
        return true;
      }
    }
    return !unit.wraps.isEmpty() || !unit.mutations.isEmpty();
  }
}

package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.extract.UnitScan.PendingAccess;
import io.mapguard.engine.extract.UnitScan.PendingEscape;
import io.mapguard.engine.extract.UnitScan.PendingMutation;
import io.mapguard.engine.extract.UnitScan.PendingWrap;
import io.mapguard.engine.knowledge.MapArguments;
import io.mapguard.engine.knowledge.MapKind;
import io.mapguard.engine.knowledge.MapMethods;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.SynchronizedWrappers;
import io.mapguard.engine.model.Effect;
import io.mapguard.engine.model.Escape;
import io.mapguard.engine.model.LazyInit;
import io.mapguard.engine.model.MapCall;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.NullableArgument;
import io.mapguard.engine.model.Site;
import io.mapguard.engine.model.StoredValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What one use of a map means, recorded in the unit the scan is in: the call made on it (or on a
 * view, entry or iterator of it), an assignment, a store elsewhere, a return, a value taken out and
 * changed, a value stored, a nullable argument, a lazy initialization. Written once for every front
 * end, against the {@link SyntaxPort}; where it needs the walk (the unit it is in, the method
 * around, whether a callee is analysed here) it asks the front end.
 *
 * @param <N> the front end's node type
 * @param <P> the front end's position of a use (see {@link UnitScan})
 */
public final class MapUses<N, P> {
  /** What the classification asks the front end. */
  public interface FrontEnd<N, P> {
    /** The front end's position of the node at {@code path}. */
    P position(SyntaxPath<N> path);

    Site site(P at);

    /** The unit the scan is in. */
    UnitScan<N, P> current();

    /** The name of the method around {@code use} for escape details, or "an initializer". */
    String enclosingMethodName(SyntaxPath<N> use);

    /**
     * The declaration of a callee ({@link SyntaxPort#callee}) when it is a method or constructor
     * analysed with this class (its body is a unit here, so what it does with a map argument is seen
     * where it does it), else null.
     */
    N analysedDeclaration(Object callee);
  }

  private final SyntaxPort<N> port;
  private final KnownApis apis;
  private final CallShapes<N> shapes;
  private final FrontEnd<N, P> frontEnd;
  private final Function<N, Object> mapFieldOf;
  private final MapValueLocals<N> valueLocals;
  private final MapCallValues<N> callValues;
  private final LazyInitShapes<N> lazyInits;

  /** The class-wide tables the uses read ({@code mapFields}, by variable handle) and add to. */
  public record Tables(
      Map<Object, ?> mapFields,
      Map<Object, ValueLocal> valueLocals,
      List<StoredValue> storedValues,
      List<NullableArgument> nullableArguments,
      List<LazyInit> lazyInits,
      Set<Object> nullableFields) {}

  private final Tables tables;
  private final BiConsumer<N, List<String>> describeValue;

  /**
   * @param mapFieldOf the map field (or local map) an expression denotes, or null
   * @param describeValue adds the value descriptors of an expression assigned to a map ({@code
   *     new:…}, {@code null:}…)
   */
  public MapUses(
      CallShapes<N> shapes,
      KnownApis apis,
      FrontEnd<N, P> frontEnd,
      Function<N, Object> mapFieldOf,
      BiConsumer<N, List<String>> describeValue,
      Tables tables) {
    this.describeValue = describeValue;
    this.port = shapes.port();
    this.apis = apis;
    this.shapes = shapes;
    this.frontEnd = frontEnd;
    this.mapFieldOf = mapFieldOf;
    this.tables = tables;
    this.valueLocals = new MapValueLocals<>(shapes);
    this.callValues = new MapCallValues<>(shapes, apis, tables.nullableFields());
    this.lazyInits = new LazyInitShapes<>(port);
  }

  /** A use of {@code field} (through an alias of {@code kind}) at {@code use}. */
  public void classify(MapField field, SyntaxPath<N> use, AliasKind kind) {
    SyntaxPath<N> parentPath = use.parentSkippingParens(port);
    N parent = parentPath == null ? null : parentPath.leaf();
    Kind parentKind = parent == null ? Kind.OTHER : port.kind(parent);
    UnitScan<N, P> unit = frontEnd.current();
    P at = frontEnd.position(use);

    if (parentKind == Kind.METHOD_CALL && isReceiver(parent, use)) {
      String method = port.name(parent);
      boolean nullArgument = port.arguments(parent).stream().anyMatch(port::isNullLiteral);
      if (kind == AliasKind.ENTRY || kind == AliasKind.ITERATOR) {
        Effect effect =
            kind == AliasKind.ENTRY ? MapMethods.effectOnEntry(method) : MapMethods.effectOnIterator(method);
        if (effect == Effect.WRITE) {
          unit.accesses.add(new PendingAccess<>(field, Effect.WRITE, method, at, false, false));
        }
        return;
      }
      if (kind == AliasKind.VIEW) {
        unit.accesses.add(
            new PendingAccess<>(field, MapMethods.effectOnView(method), method, at, false, false, traversal(method)));
        return;
      }
      if (MapMethods.isView(method)) {
        classifyViewUse(field, use, parentPath, method);
        return;
      }
      Object callee = port.callee(parent);
      String synchronizedIn = callee == null ? null : apis.callees().synchronizedMethodOwner(callee);
      unit.accesses.add(
          new PendingAccess<>(
              field,
              MapMethods.effectOnMap(method),
              method,
              at,
              false,
              nullArgument,
              shapes.describe(parentPath, mapFieldOf, field),
              synchronizedIn != null && MapTypes.synchronizedMethodsLockForTheirCallers(synchronizedIn)));
      if (!field.local()) {
        trackValue(field, method, use, parentPath);
        callValues.storedValues(field, method, parentPath, tables.storedValues());
        callValues.nullableArguments(
            field, method, parentPath, frontEnd.site(at), mapFieldOf, tables.nullableArguments());
      }
      return;
    }
    if (kind == AliasKind.ENTRY || kind == AliasKind.ITERATOR) {
      return;
    }
    if (kind == AliasKind.VIEW) {
      if (parentKind == Kind.FOR_EACH) {
        unit.accesses.add(
            new PendingAccess<>(field, Effect.ITERATE, "iterator", at, false, false, MapCall.traversal("for-each")));
      } else if (parentKind == Kind.RETURN) {
        unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, null, at, false, false));
        unit.escapes.add(
            new PendingEscape<>(
                field, Escape.Kind.VIEW_RETURNED, frontEnd.enclosingMethodName(use), frontEnd.position(parentPath)));
      } else {
        unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, null, at, false, false));
      }
      return;
    }
    if (parentKind == Kind.ASSIGN && port.skipParens(port.assignTarget(parent)) == use.leaf()) {
      List<String> values = new ArrayList<>();
      describeValue.accept(port.assignedValue(parent), values);
      boolean fresh = !values.isEmpty() && values.stream().allMatch(MapTypes::isFresh);
      int outerCheck = field.local() ? 0 : lazyInits.outerCheckLine(field, use, mapFieldOf);
      if (outerCheck > 0) {
        tables.lazyInits().add(new LazyInit(field, frontEnd.site(at), outerCheck));
      }
      boolean assignsNull = port.isNullLiteral(port.skipParensAndCasts(port.assignedValue(parent)));
      unit.accesses.add(new PendingAccess<>(field, Effect.ASSIGN, null, at, fresh, assignsNull));
      return;
    }
    if (parentKind == Kind.ASSIGN && port.skipParensAndCasts(port.assignedValue(parent)) == use.leaf()) {
      N target = port.skipParens(port.assignTarget(parent));
      Kind targetKind = port.kind(target);
      if ((targetKind == Kind.IDENTIFIER || targetKind == Kind.FIELD_ACCESS)
          && port.fieldName(target) != null
          && !tables.mapFields().containsKey(port.variable(target))) {
        unit.escapes.add(
            new PendingEscape<>(
                field, Escape.Kind.STORED, "'" + port.name(target) + "'", frontEnd.position(parentPath)));
      }
      unit.accesses.add(new PendingAccess<>(field, Effect.REFERENCE_READ, null, at, false, false));
      return;
    }
    if (parentKind == Kind.RETURN) {
      unit.escapes.add(
          new PendingEscape<>(
              field, Escape.Kind.RETURNED, frontEnd.enclosingMethodName(use), frontEnd.position(parentPath)));
      unit.accesses.add(new PendingAccess<>(field, Effect.REFERENCE_READ, null, at, false, false));
      return;
    }
    if (parentKind == Kind.PLUS) {
      // string concatenation walks the map (toString)
      unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, null, at, false, false));
      return;
    }
    if (parentKind == Kind.METHOD_CALL || parentKind == Kind.NEW) {
      classifyArgument(field, use, parentPath);
      return;
    }
    unit.accesses.add(new PendingAccess<>(field, Effect.REFERENCE_READ, null, at, false, false));
  }

  /** A call on a view of the map ({@code m.keySet()…}): what is done with the view. */
  private void classifyViewUse(MapField field, SyntaxPath<N> fieldUse, SyntaxPath<N> viewCall, String view) {
    UnitScan<N, P> unit = frontEnd.current();
    P at = frontEnd.position(fieldUse);
    SyntaxPath<N> parentPath = viewCall.parentSkippingParens(port);
    N parent = parentPath == null ? null : parentPath.leaf();
    Kind parentKind = parent == null ? Kind.OTHER : port.kind(parent);
    if (parentKind == Kind.METHOD_CALL && isReceiver(parent, viewCall)) {
      String method = port.name(parent);
      Effect effect = MapMethods.isView(method) ? Effect.ITERATE : MapMethods.effectOnView(method);
      MapCall call = traversal(method);
      if (effect == Effect.WRITE) {
        call =
            call.within(
                shapes.enclosingLoop(parentPath, mapFieldOf, field),
                shapes.exitsAfter(parentPath),
                shapes.enclosingUpdate(parentPath, mapFieldOf, field));
      }
      unit.accesses.add(new PendingAccess<>(field, effect, view + "()." + method, at, false, false, call));
      SyntaxPath<N> outer = parentPath.parentSkippingParens(port);
      if (MapMethods.isTraversal(method) && outer != null && port.kind(outer.leaf()) == Kind.RETURN) {
        // an iterator, spliterator or stream handed out walks the map later, without the lock
        unit.escapes.add(
            new PendingEscape<>(
                field,
                Escape.Kind.VIEW_RETURNED,
                frontEnd.enclosingMethodName(fieldUse),
                frontEnd.position(outer),
                view + "()." + method + "()"));
      }
      return;
    }
    if (parentKind == Kind.RETURN) {
      unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, view, at, false, false));
      unit.escapes.add(
          new PendingEscape<>(
              field,
              Escape.Kind.VIEW_RETURNED,
              frontEnd.enclosingMethodName(fieldUse),
              frontEnd.position(parentPath),
              view + "()"));
      return;
    }
    if (parentKind == Kind.METHOD_CALL || parentKind == Kind.NEW) {
      classifyArgument(field, fieldUse, parentPath);
      return;
    }
    if (parentKind == Kind.FOR_EACH) {
      unit.accesses.add(
          new PendingAccess<>(field, Effect.ITERATE, view, at, false, false, MapCall.traversal("for-each")));
      return;
    }
    unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, view, at, false, false));
  }

  /**
   * The map (or a view of it) at {@code use} is an argument of the call or creation at {@code
   * callPath}: read whole (copied, formatted…), wrapped, or handed to code that may keep it.
   */
  private void classifyArgument(MapField field, SyntaxPath<N> use, SyntaxPath<N> callPath) {
    UnitScan<N, P> unit = frontEnd.current();
    P at = frontEnd.position(use);
    N call = callPath.leaf();
    boolean creation = port.kind(call) == Kind.NEW;
    Object callee = port.callee(call);
    if (apis.isLockingCallback(callee) && !creation && use.parentSkippingParens(port).leaf() == call) {
      return; // the map is the monitor the call locks around its callback, not data it reads
    }
    String owner = callee == null ? null : apis.callees().owner(callee);
    MapCall copy =
        creation && owner != null
            ? MapCall.traversal("new:" + owner)
            : callee != null && apis.matches(MapArguments.PUT_ALL, callee)
                ? MapCall.traversal(SynchronizedWrappers.PUT_ALL)
                : MapCall.NONE;
    N analysed = callee == null ? null : frontEnd.analysedDeclaration(callee);
    if (analysed == null || !onlyStored(analysed, argumentIndex(use, call))) {
      unit.accesses.add(new PendingAccess<>(field, Effect.ITERATE, null, at, false, false, copy));
    }
    if (owner != null
        && MapTypes.kindOfValue("call:" + owner + "." + apis.callees().name(callee)) == MapKind.SYNCHRONIZED) {
      unit.wraps.add(new PendingWrap<>(field, wrapperName(callPath), at));
    }
    if (callee == null || analysed != null || creation && isCopy(call, owner)) {
      return;
    }
    for (MethodRef wrapper : MapArguments.VIEW_WRAPPERS) {
      if (apis.matches(wrapper, callee)) {
        SyntaxPath<N> outer = callPath.parentSkippingParens(port);
        if (outer != null && port.kind(outer.leaf()) == Kind.RETURN) {
          unit.escapes.add(
              new PendingEscape<>(
                  field, Escape.Kind.VIEW_RETURNED, frontEnd.enclosingMethodName(use), frontEnd.position(outer)));
        }
        return;
      }
    }
    if (MapArguments.SYNCHRONOUS_CONSUMERS.stream().anyMatch(consumer -> apis.matches(consumer, callee))
        || apis.isImmediate(callee)
        || apis.threadStart(callee).isPresent()) {
      return;
    }
    N receiver = creation ? null : port.receiver(call);
    if (receiver != null && mapFieldOf.apply(receiver) == field) {
      return; // cache.equals(cache)
    }
    String detail =
        creation
            ? port.createdTypeName(call)
            : receiver == null ? port.name(call) : port.text(receiver) + "." + port.name(call);
    unit.escapes.add(
        new PendingEscape<>(
            field, Escape.Kind.PASSED, detail + "(..)", frontEnd.position(callPath), passedView(use, call)));
  }

  /**
   * {@code keySet()} when what is passed is a view of the map, not the map ({@code
   * Collections.enumeration(m.keySet())}): a copy handed on instead must be a copy of the view.
   */
  private String passedView(SyntaxPath<N> use, N call) {
    N passed = port.skipParens(argumentOf(use, call));
    if (passed == use.leaf() || port.kind(passed) != Kind.METHOD_CALL || !MapMethods.isView(port.name(passed))) {
      return null;
    }
    N receiver = port.receiver(passed);
    return receiver != null && port.skipParens(receiver) == use.leaf() ? port.name(passed) + "()" : null;
  }

  /** The position of the argument that holds {@code use} among the call's arguments, or -1. */
  private int argumentIndex(SyntaxPath<N> use, N call) {
    return port.arguments(call).indexOf(argumentOf(use, call));
  }

  /** The argument of {@code call} that holds {@code use} (the child of the call on the way up). */
  private N argumentOf(SyntaxPath<N> use, N call) {
    SyntaxPath<N> argument = use;
    while (argument.parent() != null && argument.parent().leaf() != call) {
      argument = argument.parent();
    }
    return argument.leaf();
  }

  /**
   * Whether the analysed method or constructor {@code declaration} only stores its parameter at
   * {@code index} into a field ({@code this.nonces = nonces}): the call hands the map over without
   * reading it, and what the new holder does with it is seen in its own code. Any other use (a read,
   * a pass, a capture, a copy) counts as reading it at the call.
   */
  private boolean onlyStored(N declaration, int index) {
    List<N> parameters =
        port.kind(declaration) == Kind.METHOD ? port.parameters(declaration) : List.of();
    N body = port.methodBody(declaration);
    if (index < 0 || index >= parameters.size() || body == null) {
      return false;
    }
    Object parameter = port.declaredVariable(parameters.get(index));
    boolean[] otherUse = {false};
    boolean[] stored = {false};
    port.forEachNode(
        body,
        node -> {
          Kind kind = port.kind(node);
          if (otherUse[0]) {
            return false;
          }
          if (kind == Kind.ASSIGN
              && port.fieldName(port.assignTarget(node)) != null
              && parameter.equals(port.localVariable(port.skipParens(port.assignedValue(node))))) {
            stored[0] = true;
            return false; // this.f = parameter: the store itself
          }
          if (kind == Kind.IDENTIFIER && parameter.equals(port.localVariable(node))) {
            otherUse[0] = true;
          }
          return true;
        });
    return stored[0] && !otherUse[0];
  }

  /** A new map or collection made from the map: a copy, which reads it but does not keep it. */
  private boolean isCopy(N creation, String created) {
    return created != null
        && (MapTypes.isKnown(created) || port.isMap(creation) || port.isSubtype(creation, "java.util.Collection"));
  }

  /**
   * The name (as locks name it) of the field or local a wrapper call initialises or is assigned to,
   * or null.
   */
  private String wrapperName(SyntaxPath<N> callPath) {
    SyntaxPath<N> holder = callPath.parentSkippingParens(port);
    return holder == null ? null : port.variableInitializedBy(holder.leaf(), callPath.leaf());
  }

  /**
   * A value handed out by {@code get}/{@code computeIfAbsent}/...: a call made on it right away,
   * or the local it goes into when that local only ever holds values of this map (or new ones).
   */
  private void trackValue(MapField field, String method, SyntaxPath<N> use, SyntaxPath<N> call) {
    if (MapMethods.VALUE_PARAMETER_OF_FUNCTION.containsKey(method)) {
      valueLocals.trackFunctionParameter(field, method, port.line(use.leaf()), call, tables.valueLocals());
      return;
    }
    if (!MapMethods.VALUE_SOURCES.contains(method)) {
      return;
    }
    int line = port.line(use.leaf());
    CallShapes.ValueUse<N> valueUse = shapes.useOfValue(call);
    if (valueUse != null) {
      SyntaxPath<N> at = call;
      while (at.leaf() != valueUse.node()) {
        at = at.parent();
      }
      frontEnd
          .current()
          .mutations
          .add(new PendingMutation<>(field, method, line, valueUse.method(), null, frontEnd.position(at)));
      return;
    }
    valueLocals.track(field, method, line, call, mapFieldOf, tables.valueLocals());
  }

  /** Whether the node at {@code receiver} is the receiver of {@code call}, parentheses aside. */
  private boolean isReceiver(N call, SyntaxPath<N> receiver) {
    N r = port.receiver(call);
    return r != null && port.skipParens(r) == receiver.leaf();
  }

  /** How a call on a view walks the map: {@code iterator}, {@code stream}…, or none. */
  private static MapCall traversal(String method) {
    return MapMethods.isTraversal(method) ? MapCall.traversal(method) : MapCall.NONE;
  }
}

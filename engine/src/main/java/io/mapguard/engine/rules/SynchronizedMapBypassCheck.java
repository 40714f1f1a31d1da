package io.mapguard.engine.rules;

import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.knowledge.MapTypes;
import io.mapguard.engine.model.Access;
import io.mapguard.engine.model.LockRef;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.MapWrap;
import java.util.ArrayList;
import java.util.List;

/**
 * The backing map of a {@code Collections.synchronizedMap} used directly after wrapping: the
 * wrapper's lock guards only the calls made through the wrapper.
 */
@RuleDefinition(
    name = "SynchronizedMapBypass",
    summary =
        "The backing map of a Collections.synchronizedMap is still used directly after "
            + "wrapping, without the wrapper's lock",
    brief =
        "the backing map of a `Collections.synchronizedMap` still used directly after "
            + "wrapping (field kept, or local used later)",
    order = 10,
    since = "0.1.0")
public final class SynchronizedMapBypassCheck implements RuleCheck {
  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    for (MapWrap wrap : analysis.facts().wraps()) {
      MapField backing = wrap.backing();
      List<Access> uses = backing.local() ? analysis.facts().localAccesses() : analysis.facts().accesses();
      for (Access use : uses) {
        if (!use.field().equals(backing) || !afterWrapping(analysis, wrap, use) || holdsWrapper(analysis, wrap, use)) {
          continue;
        }
        String kept = wrap.wrapper() == null ? "" : " (kept in '" + wrap.wrapper() + "')";
        String instead = wrap.wrapper() == null ? "the wrapper" : "'" + wrap.wrapper() + "'";
        String message =
            "'"
                + backing.name()
                + "' is used directly at line "
                + use.site().line()
                + ", but it was wrapped by "
                + factory(analysis, wrap)
                + " at line "
                + wrap.site().line()
                + kept
                + ": calls on the backing map skip the wrapper's lock, so they race with every"
                + " thread that uses "
                + instead
                + ". Use "
                + instead
                + " instead, or do not keep a reference to the backing map.";
        sink.report(
            rule(),
            backing,
            use.site(),
            message,
            List.of(),
            List.of(
                new Evidence(
                    wrap.site().line(),
                    wrap.site().column(),
                    "'" + backing.name() + "' is wrapped here")));
      }
    }
  }

  /**
   * The factory that wrapped it, as written in messages ("Collections.synchronizedSortedMap"): what
   * the wrapper variable is assigned, else the factory the wrapping statement calls.
   */
  private static String factory(ClassAnalysis analysis, MapWrap wrap) {
    List<String> factories = MapTypes.synchronizedFactories();
    List<MapField> variables = new ArrayList<>(analysis.facts().fields());
    analysis.facts().localAccesses().forEach(a -> variables.add(a.field()));
    for (MapField variable : variables) {
      if (variable.name().equals(wrap.wrapper())) {
        for (String value : variable.assignedValues()) {
          if (value.startsWith("call:") && factories.contains(value.substring(5))) {
            return simpleOwner(value.substring(5));
          }
        }
      }
    }
    String statement = wrap.site().statementText() == null ? "" : wrap.site().statementText();
    for (String factory : factories) {
      if (statement.contains(factory.substring(factory.lastIndexOf('.') + 1) + "(")) {
        return simpleOwner(factory);
      }
    }
    return "a synchronized wrapper";
  }

  /** {@code java.util.Collections.synchronizedMap} → {@code Collections.synchronizedMap}. */
  private static String simpleOwner(String factory) {
    String owner = factory.substring(0, factory.lastIndexOf('.'));
    return owner.substring(owner.lastIndexOf('.') + 1) + factory.substring(factory.lastIndexOf('.'));
  }

  /**
   * A local is bypassed by its uses later in the method that wraps it; a field by its uses outside
   * construction (filling it in the constructor, before other threads see it, is fine).
   */
  private static boolean afterWrapping(ClassAnalysis analysis, MapWrap wrap, Access use) {
    if (use.unit().equals(wrap.unit()) && use.order() == wrap.order()) {
      return false; // the wrapped argument itself
    }
    if (wrap.backing().local()) {
      return use.unit().equals(wrap.unit()) && use.order() > wrap.order();
    }
    return analysis.resolve(use).afterConstruction();
  }

  /** Holding the wrapper's monitor (its lock) guards a direct use as well. */
  private static boolean holdsWrapper(ClassAnalysis analysis, MapWrap wrap, Access use) {
    if (wrap.wrapper() == null) {
      return false;
    }
    LockRef monitor = LockRef.monitor(wrap.wrapper());
    return analysis.locksAt(use.unit(), use.locksHeld()).stream().anyMatch(l -> l.sameLock(monitor));
  }
}

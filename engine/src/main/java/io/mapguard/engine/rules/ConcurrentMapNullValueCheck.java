package io.mapguard.engine.rules;

import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.knowledge.MapBehaviours;
import io.mapguard.engine.knowledge.NullableResults;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.NullableArgument;
import io.mapguard.engine.project.NullPassedByCaller;
import io.mapguard.engine.report.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * A key or value that may be null passed to a map that rejects nulls (ConcurrentHashMap,
 * ConcurrentSkipListMap, Hashtable): the call throws NullPointerException. Needs no threads.
 */
@RuleDefinition(
    name = "ConcurrentMapNullValue",
    summary =
        "A key or value that may be null (the literal, a local assigned null, a @Nullable "
            + "parameter, a method returning null, another map's get) is passed to a "
            + "ConcurrentHashMap, ConcurrentSkipListMap or Hashtable, which throws "
            + "NullPointerException",
    brief =
        "a key or value that may be null (literal, local assigned null, `@Nullable` "
            + "parameter, a method returning null, another map's `get`) passed to a "
            + "ConcurrentHashMap / ConcurrentSkipListMap / Hashtable, which throws NPE",
    order = 8,
    since = "0.1.0")
public final class ConcurrentMapNullValueCheck implements RuleCheck {
  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    // a null the class shows first: one finding per line, and a caller's null only where there is none
    List<NullableArgument> arguments = new ArrayList<>(analysis.facts().nullableArguments());
    arguments.sort(
        java.util.Comparator.comparing(a -> a.source() == NullableArgument.Source.PARAMETER_FROM_CALLERS));
    for (NullableArgument argument : arguments) {
      MapField map = argument.map();
      if (!MapBehaviours.has(
          MapBehaviours.Behaviour.REJECTS_NULLS, map.declaredType(), map.assignedValues())) {
        continue;
      }
      if (argument.source() == NullableArgument.Source.MAP_HOLDING_NULL) {
        reportCopiedNull(analysis, argument, sink);
        continue;
      }
      String role = argument.key() ? "key" : "value";
      String message =
          "'"
              + map.name()
              + "' is a "
              + implementation(map)
              + ", which rejects null keys and values, but the "
              + role
              + " passed to "
              + argument.method()
              + " here may be null: "
              + why(argument)
              + ". "
              + argument.method()
              + " then throws NullPointerException. "
              + fix(argument);
      sink.report(
          rule(),
          map,
          argument.site(),
          message,
          List.of(),
          source(argument),
          argument.source() == NullableArgument.Source.PARAMETER_FROM_CALLERS
              ? new NullPassedByCaller(argument.callee().get(), argument.parameter())
              : null);
    }
  }

  /**
   * {@code m.putAll(other)}: reported when the class puts a key or value that may be null into the
   * map field {@code other} (which accepts it), naming that put; else nothing.
   */
  private void reportCopiedNull(ClassAnalysis analysis, NullableArgument copy, FindingSink sink) {
    NullableArgument put = null;
    for (NullableArgument candidate : analysis.facts().nullableArguments()) {
      MapField source = candidate.map();
      if (source.name().equals(copy.detail())
          && candidate.source() != NullableArgument.Source.PARAMETER_FROM_CALLERS
          && candidate.source() != NullableArgument.Source.MAP_HOLDING_NULL
          && !MapBehaviours.has(MapBehaviours.Behaviour.REJECTS_NULLS, source.declaredType(), source.assignedValues())
          && (put == null || candidate.site().line() < put.site().line())) {
        put = candidate;
      }
    }
    if (put == null) {
      return;
    }
    String role = put.key() ? "key" : "value";
    MapField map = copy.map();
    String message =
        "'"
            + map.name()
            + "' is a "
            + implementation(map)
            + ", which rejects null keys and values, but the entries putAll copies here from '"
            + copy.detail()
            + "' may hold a null "
            + role
            + ": the "
            + role
            + " passed to "
            + put.method()
            + " at line "
            + put.site().line()
            + " may be null ("
            + why(put)
            + "). putAll then throws NullPointerException part-way, leaving some entries copied. Keep"
            + " nulls out of '"
            + copy.detail()
            + "', or copy the entries one by one and skip the null ones.";
    sink.report(
        rule(),
        map,
        copy.site(),
        message,
        List.of(),
        List.of(new Evidence(put.site().line(), 0, "'" + copy.detail() + "' gets a " + role + " that may be null here")),
        null);
  }

  /** Where the argument becomes null, when the message cites that line. */
  private static List<Evidence> source(NullableArgument argument) {
    String detail = argument.detail();
    String description =
        switch (argument.source()) {
          case ASSIGNED_NULL -> "'" + detail + "' is assigned null here";
          case METHOD_RETURNS_NULL -> detail + "() returns null here";
          case MAP_GET -> detail + ".get(...) returns null for a missing key";
          case NULLABLE_API -> detail + " " + whenNull(detail);
          default -> null;
        };
    return description == null || argument.sourceLine() <= 0
        ? List.of()
        : List.of(new Evidence(argument.sourceLine(), 0, description));
  }

  private static String why(NullableArgument argument) {
    String detail = argument.detail();
    switch (argument.source()) {
      case LITERAL:
        return "it is the literal null";
      case ASSIGNED_NULL:
        return "'" + detail + "' is assigned null at line " + argument.sourceLine()
            + " and not checked before the call";
      case NULLABLE_PARAMETER:
        return "parameter '" + detail + "' is annotated @Nullable and not checked before the call";
      case NULLABLE_FIELD:
        return "field '" + detail + "' is annotated @Nullable and not checked before the call";
      case PARAMETER_FROM_CALLERS:
        return "parameter '" + detail + "' is not checked before the call, and a caller passes null";
      case METHOD_RETURNS_NULL:
        return result(argument, detail + "()", "returns null at line " + argument.sourceLine());
      case NULLABLE_METHOD:
        return result(argument, detail + "()", "is annotated @Nullable");
      case NULLABLE_API:
        return result(argument, detail + " at line " + argument.sourceLine(), whenNull(detail));
      default:
        return result(
            argument,
            detail + ".get(...) at line " + argument.sourceLine(),
            "returns null for a missing key");
    }
  }

  /**
   * When the library call {@code detail} ({@code request.getParameter(...)}) returns null, from its
   * table: "returns null when the request has no such parameter".
   */
  private static String whenNull(String detail) {
    int open = detail.lastIndexOf('(');
    String name = detail.substring(detail.lastIndexOf('.', open) + 1, open);
    String when = NullableResults.whenNull(name);
    return when == null ? "may return null" : when;
  }

  /**
   * "lookup() returns null at line 9", or "'address' comes from lookup(), which returns null at
   * line 9" when the argument is a local holding that result.
   */
  private static String result(NullableArgument argument, String call, String nullWhen) {
    String written = argument.argument();
    boolean isName = written.chars().allMatch(Character::isJavaIdentifierPart);
    return isName ? "'" + written + "' comes from " + call + ", which " + nullWhen : call + " " + nullWhen;
  }

  private static String fix(NullableArgument argument) {
    if (argument.key()) {
      return "Check the key for null first.";
    }
    return argument.method().equals("put")
        ? "Check for null first, and remove the key (or skip the put) instead of storing null; or"
            + " store a sentinel / Optional value."
        : "Check for null first, or store a sentinel / Optional value.";
  }

  /** The simple name of the map class that rejects nulls, as declared or assigned. */
  private static String implementation(MapField map) {
    List<String> candidates = new ArrayList<>();
    for (String value : map.assignedValues()) {
      candidates.add(value.substring(value.indexOf(':') + 1));
    }
    candidates.addAll(map.declaredType());
    for (String type : candidates) {
      if (MapBehaviours.has(MapBehaviours.Behaviour.REJECTS_NULLS, List.of(type), List.of())) {
        return type.substring(type.lastIndexOf('.') + 1);
      }
    }
    return "ConcurrentMap";
  }
}

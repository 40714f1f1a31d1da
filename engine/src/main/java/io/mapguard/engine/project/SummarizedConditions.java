package io.mapguard.engine.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a summary writes the condition of a pending finding ({@link PendingFinding}): one entry per
 * kind of condition, with its name in the summary, the fields it is written as, and how it is made
 * again from them. Fields are plain strings, null for none; {@link CallSummaries} escapes them, and
 * says how a field names a method (by the summary's numbered type lists): each direction is a
 * function, null for null.
 */
final class SummarizedConditions {
  private SummarizedConditions() {}

  private record Kind<C extends ProjectCondition>(
      String name,
      Class<C> type,
      BiFunction<C, Function<ProjectMethod, String>, List<String>> fields,
      BiFunction<List<String>, Function<String, ProjectMethod>, C> condition) {}

  private static final List<Kind<?>> KINDS =
      List.of(
          new Kind<>(
              "null-passed-by-caller",
              NullPassedByCaller.class,
              (c, m) -> Arrays.asList(m.apply(c.method()), Integer.toString(c.parameter())),
              (f, m) -> new NullPassedByCaller(m.apply(f.get(0)), Integer.parseInt(f.get(1)))),
          new Kind<>(
              "written-by-task-elsewhere",
              WrittenByTaskElsewhere.class,
              (c, m) -> Arrays.asList(methods(c.writers(), m), methods(c.users(), m), methods(c.open(), m), c.fix()),
              (f, m) ->
                  new WrittenByTaskElsewhere(methods(f.get(0), m), methods(f.get(1), m), methods(f.get(2), m), f.get(3))),
          new Kind<>(
              "written-through-shared-field-by-task",
              WrittenThroughSharedFieldByTask.class,
              (c, m) -> Arrays.asList(methods(c.writers(), m), methods(c.users(), m), c.fix()),
              (f, m) -> new WrittenThroughSharedFieldByTask(methods(f.get(0), m), methods(f.get(1), m), f.get(2))),
          new Kind<>(
              "result-used-by-callers",
              ResultUsedByCallers.class,
              SummarizedConditions::resultUseFields,
              SummarizedConditions::resultUses),
          new Kind<>(
              "called-without-guard",
              CalledWithoutGuard.class,
              (c, m) -> Arrays.asList(m.apply(c.method()), c.classLock(), c.guard()),
              (f, m) -> new CalledWithoutGuard(m.apply(f.get(0)), f.get(1), f.get(2))),
          new Kind<>(
              "returned-past-guard",
              ReturnedPastGuard.class,
              (c, m) -> Arrays.asList(m.apply(c.method()), Boolean.toString(c.guardIsTheMap())),
              (f, m) -> new ReturnedPastGuard(m.apply(f.get(0)), Boolean.parseBoolean(f.get(1)))),
          new Kind<>(
              "used-by-subclass-task",
              UsedBySubclassTask.class,
              (c, m) ->
                  Arrays.asList(c.field(), methods(c.users(), m), methods(c.writers(), m), methods(c.open(), m), c.fix()),
              (f, m) ->
                  new UsedBySubclassTask(
                      f.get(0), methods(f.get(1), m), methods(f.get(2), m), methods(f.get(3), m), f.get(4))),
          new Kind<>(
              "either",
              EitherCondition.class,
              SummarizedConditions::eitherFields,
              SummarizedConditions::either));

  /** The condition's kind, then its fields; null for a kind summaries do not keep (or a part of it). */
  static List<String> write(ProjectCondition condition, Function<ProjectMethod, String> methods) {
    for (Kind<?> kind : KINDS) {
      if (kind.type().isInstance(condition)) {
        List<String> fields = fields(kind, condition, methods);
        if (fields == null) {
          return null;
        }
        List<String> written = new ArrayList<>();
        written.add(kind.name());
        written.addAll(fields);
        return written;
      }
    }
    return null;
  }

  private static <C extends ProjectCondition> List<String> fields(
      Kind<C> kind, ProjectCondition condition, Function<ProjectMethod, String> methods) {
    return kind.fields().apply(kind.type().cast(condition), methods);
  }

  /**
   * The condition written as {@code kind} with {@code fields}.
   *
   * @throws IllegalArgumentException for an unknown kind or fields it cannot be made of
   */
  static ProjectCondition read(String kind, List<String> fields, Function<String, ProjectMethod> methods) {
    for (Kind<?> known : KINDS) {
      if (known.name().equals(kind)) {
        try {
          return known.condition().apply(fields, methods);
        } catch (IndexOutOfBoundsException e) {
          throw new IllegalArgumentException("too few fields for the condition '" + kind + "'");
        }
      }
    }
    throw new IllegalArgumentException("unknown condition '" + kind + "'");
  }

  /**
   * The first condition's fields after their count (its kind first), then the second's: each as
   * {@link #write} writes it. Null when summaries keep either of them not.
   */
  private static List<String> eitherFields(EitherCondition condition, Function<ProjectMethod, String> methods) {
    List<String> first = write(condition.first(), methods);
    List<String> second = write(condition.second(), methods);
    if (first == null || second == null) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    fields.add(Integer.toString(first.size()));
    fields.addAll(first);
    fields.addAll(second);
    return fields;
  }

  private static EitherCondition either(List<String> fields, Function<String, ProjectMethod> methods) {
    int firstSize = Integer.parseInt(fields.get(0));
    if (firstSize < 1 || firstSize + 2 > fields.size()) {
      throw new IllegalArgumentException("an 'either' condition with " + firstSize + " fields for its first");
    }
    List<String> first = fields.subList(1, 1 + firstSize);
    List<String> second = fields.subList(1 + firstSize, fields.size());
    return new EitherCondition(
        read(first.get(0), first.subList(1, first.size()), methods),
        read(second.get(0), second.subList(1, second.size()), methods));
  }

  /** The getter, the consequence and the fix, then each use and how the message says it, by use. */
  private static List<String> resultUseFields(ResultUsedByCallers condition, Function<ProjectMethod, String> methods) {
    List<String> fields =
        new ArrayList<>(Arrays.asList(methods.apply(condition.getter()), condition.consequence(), condition.fix()));
    new TreeMap<>(condition.uses())
        .forEach(
            (use, said) -> {
              fields.add(use);
              fields.add(said);
            });
    return fields;
  }

  private static ResultUsedByCallers resultUses(List<String> fields, Function<String, ProjectMethod> methods) {
    if ((fields.size() - 3) % 2 != 0) {
      throw new IllegalArgumentException("a use without how it is said");
    }
    Map<String, String> uses = new TreeMap<>();
    for (int i = 3; i < fields.size(); i += 2) {
      uses.put(fields.get(i), fields.get(i + 1));
    }
    return new ResultUsedByCallers(methods.apply(fields.get(0)), uses, fields.get(1), fields.get(2));
  }

  private static String methods(List<ProjectMethod> list, Function<ProjectMethod, String> methods) {
    List<String> written = new ArrayList<>(list.size());
    for (ProjectMethod method : list) {
      written.add(methods.apply(method));
    }
    return String.join(",", written);
  }

  private static List<ProjectMethod> methods(String field, Function<String, ProjectMethod> methods) {
    List<ProjectMethod> read = new ArrayList<>();
    if (field == null || field.isEmpty()) {
      return read;
    }
    for (String method : field.split(",")) {
      read.add(methods.apply(method));
    }
    return read;
  }
}

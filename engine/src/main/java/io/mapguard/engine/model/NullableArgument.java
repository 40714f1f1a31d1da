package io.mapguard.engine.model;

/**
 * A key or value passed to a method of a map field that may be null, with no null check before the
 * call that rules it out.
 *
 * @param map the map field
 * @param method the map method called: {@code put}, {@code get}, {@code computeIfAbsent}...
 * @param key whether the argument is the key (else a value)
 * @param argument the argument as written, e.g. {@code name}
 * @param source why it may be null
 * @param detail what {@code source} refers to: the local or parameter name, the method, the map
 *     expression whose {@code get} it is, the library call; null for a literal
 * @param sourceLine where it becomes null: the assignment, the {@code return null}, the call; 0 when
 *     the argument itself is the source
 * @param site the map call
 * @param callee for {@link Source#PARAMETER_FROM_CALLERS}: the method whose parameter it is, as
 *     the project's calls name it (asked for when the rule runs), else null
 * @param parameter for {@link Source#PARAMETER_FROM_CALLERS}: the parameter's position, else -1
 */
public record NullableArgument(
    MapField map,
    String method,
    boolean key,
    String argument,
    Source source,
    String detail,
    int sourceLine,
    Site site,
    java.util.function.Supplier<io.mapguard.engine.project.ProjectMethod> callee,
    int parameter) {

  public NullableArgument(
      MapField map, String method, boolean key, String argument, Source source, String detail, int sourceLine, Site site) {
    this(map, method, key, argument, source, detail, sourceLine, site, null, -1);
  }

  public enum Source {
    /** {@code m.put(k, null)}. */
    LITERAL,
    /** A local variable assigned {@code null} somewhere in the method. */
    ASSIGNED_NULL,
    /** A method of the same class with a {@code return null}. */
    METHOD_RETURNS_NULL,
    /** A method of the same class annotated {@code @Nullable}. */
    NULLABLE_METHOD,
    /** A parameter annotated {@code @Nullable}. */
    NULLABLE_PARAMETER,
    /** A field annotated {@code @Nullable}, not checked before the call. */
    NULLABLE_FIELD,
    /** {@code other.get(k)}: null when the key is absent. */
    MAP_GET,
    /**
     * A library method documented to return null ({@code request.getParameter(name)}, {@code
     * System.getProperty(key)}…: {@code engine.knowledge.NullableResults}); the detail is the call as
     * written, {@code request.getParameter(...)}.
     */
    NULLABLE_API,
    /**
     * A parameter with no {@code @Nullable}: null only where a caller passes null, which the
     * project's calls decide (the finding stands when one of them passes the literal null).
     */
    PARAMETER_FROM_CALLERS,
    /**
     * {@code m.putAll(other)} with {@code other} a map field of the class that accepts null: it may
     * hold a null key or value where the class puts one into it (the detail is its name; the rule
     * decides, from the class's other nullable arguments, whether it does).
     */
    MAP_HOLDING_NULL
  }
}

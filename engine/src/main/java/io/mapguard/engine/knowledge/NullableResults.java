package io.mapguard.engine.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Library methods whose documentation says they return null (besides {@code Map.get}, which the
 * extraction knows as a map call): a value they return may be null where it is passed on, as a
 * method of the file with a {@code return null} may. Matched on the declaring type (with subtypes),
 * the name and the number of arguments: {@code System.getProperty(key)} may return null,
 * {@code System.getProperty(key, default)} returns the default.
 *
 * <p>A front end that cannot see a type's supertypes (mapvet without the library's jar) matches only
 * the types it can name, so each servlet interface a call is commonly made on is listed itself, not
 * only the interface that declares the method ({@code HttpServletRequest} as well as {@code
 * ServletRequest}): the javac front end matches the declaring type, mapvet the receiver's.
 */
public final class NullableResults {
  /**
   * @param owner the declaring type or a subtype a call is commonly made on (qualified)
   * @param name the method
   * @param arity the number of arguments of the variant that may return null
   */
  public record Entry(String owner, String name, int arity) {
    public MethodRef method() {
      return new MethodRef(owner, name);
    }

    /** When the method returns null, as the messages say it: "returns null when the property is not set". */
    public String whenNull() {
      return WHEN_NULL.get(name);
    }
  }

  /** By method name: every entry of a name returns null for the same reason. */
  private static final Map<String, String> WHEN_NULL =
      Map.of(
          "getParameter", "returns null when the request has no such parameter",
          "getHeader", "returns null when the request has no such header",
          "getAttribute", "returns null when no attribute has that name",
          "getInitParameter", "returns null when no such parameter is configured",
          "getProperty", "returns null when the property is not set",
          "getenv", "returns null when the variable is not set");

  private static final String[] SERVLET_PACKAGES = {"javax.servlet", "jakarta.servlet"};

  public static final List<Entry> ALL = entries();

  private static final ByMethodName<Entry> BY_NAME = new ByMethodName<>(ALL, Entry::method);

  private NullableResults() {}

  private static List<Entry> entries() {
    List<Entry> all = new ArrayList<>();
    all.add(new Entry("java.lang.System", "getProperty", 1));
    all.add(new Entry("java.lang.System", "getenv", 1));
    all.add(new Entry("java.util.Properties", "getProperty", 1));
    for (String servlet : SERVLET_PACKAGES) {
      for (String request : List.of(servlet + ".ServletRequest", servlet + ".http.HttpServletRequest")) {
        all.add(new Entry(request, "getParameter", 1));
        all.add(new Entry(request, "getAttribute", 1));
      }
      all.add(new Entry(servlet + ".http.HttpServletRequest", "getHeader", 1));
      all.add(new Entry(servlet + ".http.HttpSession", "getAttribute", 1));
      all.add(new Entry(servlet + ".ServletContext", "getAttribute", 1));
      all.add(new Entry(servlet + ".ServletContext", "getInitParameter", 1));
      all.add(new Entry(servlet + ".ServletConfig", "getInitParameter", 1));
    }
    return List.copyOf(all);
  }

  /** The entries that may match a call of {@code name}: its owner and arity decide. */
  public static List<Entry> candidates(String name) {
    return BY_NAME.candidates(name);
  }

  /** When a method of this table named {@code name} returns null, or null for a name not in it. */
  public static String whenNull(String name) {
    return WHEN_NULL.get(name);
  }
}

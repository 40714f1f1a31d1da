package io.mapguard.engine.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Methods a container calls once, after it constructs an object and before it lets other threads
 * use it, so that what they write is published like a constructor's work: a servlet's {@code
 * init} completes before the container routes any request to it (Servlet specification, "Servlet
 * Life Cycle"), a filter's before its first {@code doFilter}, a {@code @PostConstruct} method and
 * Spring's {@code afterPropertiesSet} before the bean is injected anywhere. The analysis gives them
 * the constructor's role.
 */
public final class LifecycleMethods {
  private static final List<String> SERVLET_INIT = List.of("init(ServletConfig)", "init()");
  private static final List<String> FILTER_INIT = List.of("init(FilterConfig)");

  /** Supertype (qualified) to the methods (name and simple parameter types) it runs before use. */
  private static final Map<String, List<String>> BY_SUPERTYPE =
      Map.ofEntries(
          Map.entry("javax.servlet.Servlet", SERVLET_INIT),
          Map.entry("jakarta.servlet.Servlet", SERVLET_INIT),
          Map.entry("javax.servlet.GenericServlet", SERVLET_INIT),
          Map.entry("jakarta.servlet.GenericServlet", SERVLET_INIT),
          Map.entry("javax.servlet.http.HttpServlet", SERVLET_INIT),
          Map.entry("jakarta.servlet.http.HttpServlet", SERVLET_INIT),
          Map.entry("javax.servlet.Filter", FILTER_INIT),
          Map.entry("jakarta.servlet.Filter", FILTER_INIT),
          Map.entry("org.springframework.beans.factory.InitializingBean", List.of("afterPropertiesSet()")));

  /**
   * Methods (name and simple parameter types) that restore an object from serialized form, which the
   * deserializer calls on the object it is building, before it hands the object to anyone: {@code
   * java.io}'s {@code readObject}/{@code readObjectNoData} of a {@code Serializable} and {@code
   * readExternal} of an {@code Externalizable} (on the object its no-argument constructor made),
   * Hadoop's {@code Writable.readFields}, and ZooKeeper's Jute {@code Record.deserialize} (a snapshot
   * is loaded into a tree no request thread uses yet). Whatever the class's supertypes: a class may
   * follow the contract without declaring it.
   */
  private static final Set<String> DESERIALIZERS =
      Set.of(
          "readObject(ObjectInputStream)",
          "readObjectNoData()",
          "readExternal(ObjectInput)",
          "readFields(DataInput)",
          "deserialize(InputArchive)",
          "deserialize(InputArchive, String)");

  /** Annotations (qualified) on a method the container calls once before the object is used. */
  /**
   * Names of the methods that start a component, which its owner calls once: a task they hand to
   * an executor runs once per object, not once per call (see {@link
   * io.mapguard.engine.knowledge.ThreadStartApis#ONE_TASK_PER_CALL}).
   */
  public static final Set<String> STARTS_ONCE =
      Set.of("start", "startup", "init", "initialize", "open", "connect", "activate", "launch", "main");

  public static final Set<String> ANNOTATIONS =
      Set.of("javax.annotation.PostConstruct", "jakarta.annotation.PostConstruct");

  /**
   * A JavaBean property setter, as units name methods ({@code setMaxAge(long)}): one parameter, a
   * name of {@code set} and a capital letter.
   */
  private static final Pattern PROPERTY_SETTER = Pattern.compile("set\\p{Lu}\\w*\\([^,()]+\\)");

  private LifecycleMethods() {}

  /** Whether {@code method} (as units name methods) restores its object from serialized form. */
  public static boolean isDeserializer(String method) {
    return DESERIALIZERS.contains(method);
  }

  /**
   * Whether {@code method} of a container-managed singleton ({@link ManagedSingletons}) is a property
   * setter, which configures the object before its first use: dependency injection calls setters
   * while it builds the bean (Spring's setter injection), and Tomcat's {@code FilterBase.init} hands
   * each filter init parameter to its setter. A setter the class's own request code calls also runs
   * on request threads (its callers' roots reach it).
   */
  public static boolean isConfigurationSetter(String method) {
    return PROPERTY_SETTER.matcher(method).matches();
  }

  /**
   * The supertype that makes {@code method} (as units name methods: {@code init(FilterConfig)}) a
   * lifecycle method of a class with these supertypes, if any.
   */
  public static Optional<String> declaredBy(String method, List<String> supertypes) {
    for (String supertype : supertypes) {
      List<String> methods = BY_SUPERTYPE.get(supertype);
      if (methods != null && methods.contains(method)) {
        return Optional.of(supertype);
      }
    }
    return Optional.empty();
  }
}

package io.mapguard.engine.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classes whose every object belongs to one request by contract: the servlet request and response
 * (and their wrappers). The Servlet specification ("Thread Safety") says request and response
 * objects are not thread-safe and are used by the thread handling the request; an application that
 * hands one to other threads must make that safe itself. So neither the locks such a class takes
 * nor the container's many request threads make its instance fields shared: one request's object
 * is one thread's. A thread such an object starts itself still shares them.
 */
public final class RequestScopedTypes {
  private static final Map<String, String> SUPERTYPES =
      Map.of(
          "javax.servlet.ServletRequest", "a servlet request",
          "jakarta.servlet.ServletRequest", "a servlet request",
          "javax.servlet.ServletResponse", "a servlet response",
          "jakarta.servlet.ServletResponse", "a servlet response");

  private RequestScopedTypes() {}

  /** "a servlet request", when a class with these supertypes is one. */
  public static Optional<String> describe(List<String> supertypes) {
    for (String supertype : supertypes) {
      String description = SUPERTYPES.get(supertype);
      if (description != null) {
        return Optional.of(description);
      }
    }
    return Optional.empty();
  }
}

package io.mapguard.engine.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classes a container creates once and calls from many request threads: their non-private methods
 * run concurrently with themselves.
 */
public final class ManagedSingletons {

  private static final Map<String, String> ANNOTATIONS =
      Map.ofEntries(
          Map.entry("org.springframework.stereotype.Service", "a Spring @Service singleton"),
          Map.entry("org.springframework.stereotype.Component", "a Spring @Component singleton"),
          Map.entry("org.springframework.stereotype.Repository", "a Spring @Repository singleton"),
          Map.entry("org.springframework.stereotype.Controller", "a Spring @Controller singleton"),
          Map.entry(
              "org.springframework.web.bind.annotation.RestController",
              "a Spring @RestController singleton"),
          Map.entry(
              "org.springframework.context.annotation.Configuration",
              "a Spring @Configuration singleton"),
          Map.entry("jakarta.inject.Singleton", "a @Singleton"),
          Map.entry("javax.inject.Singleton", "a @Singleton"),
          Map.entry("jakarta.ejb.Singleton", "an EJB @Singleton"),
          Map.entry("javax.ejb.Singleton", "an EJB @Singleton"),
          Map.entry("com.google.inject.Singleton", "a Guice @Singleton"),
          Map.entry("jakarta.enterprise.context.ApplicationScoped", "an @ApplicationScoped bean"),
          Map.entry("javax.enterprise.context.ApplicationScoped", "an @ApplicationScoped bean"),
          Map.entry("io.netty.channel.ChannelHandler.Sharable", "a Netty @Sharable handler"));

  private static final Map<String, String> SUPERTYPES =
      Map.ofEntries(
          Map.entry("javax.servlet.http.HttpServlet", "a servlet"),
          Map.entry("jakarta.servlet.http.HttpServlet", "a servlet"),
          Map.entry("javax.servlet.Servlet", "a servlet"),
          Map.entry("jakarta.servlet.Servlet", "a servlet"),
          Map.entry("javax.servlet.Filter", "a servlet filter"),
          Map.entry("jakarta.servlet.Filter", "a servlet filter"));

  private ManagedSingletons() {}

  /** "a Spring @Service singleton", when the class is one. */
  public static Optional<String> describe(List<String> annotations, List<String> supertypes) {
    for (String annotation : annotations) {
      String description = ANNOTATIONS.get(annotation);
      if (description != null) {
        return Optional.of(description);
      }
    }
    for (String supertype : supertypes) {
      String description = SUPERTYPES.get(supertype);
      if (description != null) {
        return Optional.of(description);
      }
    }
    return Optional.empty();
  }
}

package io.mapguard.engine.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classes a container creates once and calls from many request threads: their non-private methods
 * run concurrently with themselves. Not a Spring bean of another scope (a new object per use, per
 * request or per session), nor an EJB {@code @Singleton} with the default container-managed
 * concurrency, whose methods each hold the container's write lock.
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

  /** Spring's scope annotation, and the scopes (by value or constant name) that are not singletons. */
  private static final String SPRING_SCOPE = "org.springframework.context.annotation.Scope";

  private static final Set<String> NOT_SINGLETON_SCOPES =
      Set.of(
          "prototype", "request", "session", "SCOPE_PROTOTYPE", "SCOPE_REQUEST", "SCOPE_SESSION");

  /** Annotations that give a Spring bean a scope of one object per request or session. */
  private static final Set<String> NOT_SINGLETON_SCOPE_ANNOTATIONS =
      Set.of(
          "org.springframework.web.context.annotation.RequestScope",
          "org.springframework.web.context.annotation.SessionScope");

  private static final Set<String> EJB_SINGLETONS = Set.of("jakarta.ejb.Singleton", "javax.ejb.Singleton");

  /**
   * What lets an EJB singleton's methods run at once, by annotation: bean-managed concurrency, or
   * the container's read lock for every method of the class.
   */
  private static final Map<String, String> EJB_CONCURRENCY =
      Map.of(
          "jakarta.ejb.ConcurrencyManagement", "BEAN",
          "javax.ejb.ConcurrencyManagement", "BEAN",
          "jakarta.ejb.Lock", "READ",
          "javax.ejb.Lock", "READ");

  private static final Map<String, String> SUPERTYPES =
      Map.ofEntries(
          Map.entry("javax.servlet.http.HttpServlet", "a servlet"),
          Map.entry("jakarta.servlet.http.HttpServlet", "a servlet"),
          Map.entry("javax.servlet.Servlet", "a servlet"),
          Map.entry("jakarta.servlet.Servlet", "a servlet"),
          Map.entry("javax.servlet.Filter", "a servlet filter"),
          Map.entry("jakarta.servlet.Filter", "a servlet filter"));

  private ManagedSingletons() {}

  /** Why an EJB singleton's methods run at once ("bean-managed concurrency"), or empty. */
  private static Optional<String> ejbConcurrency(List<String> annotations, Map<String, List<String>> values) {
    for (String annotation : annotations) {
      String concurrent = EJB_CONCURRENCY.get(annotation);
      if (concurrent != null && values.getOrDefault(annotation, List.of()).contains(concurrent)) {
        return Optional.of(concurrent.equals("BEAN") ? "bean-managed concurrency" : "@Lock(READ)");
      }
    }
    return Optional.empty();
  }

  /**
   * "a Spring @Service singleton", when the class is one.
   *
   * @param values the annotations' values, see {@code ClassFacts#annotationValues}
   */
  public static Optional<String> describe(
      List<String> annotations, Map<String, List<String>> values, List<String> supertypes) {
    if (annotations.stream().anyMatch(NOT_SINGLETON_SCOPE_ANNOTATIONS::contains)
        || values.getOrDefault(SPRING_SCOPE, List.of()).stream().anyMatch(NOT_SINGLETON_SCOPES::contains)) {
      return Optional.empty();
    }
    for (String annotation : annotations) {
      String description = ANNOTATIONS.get(annotation);
      if (description != null && EJB_SINGLETONS.contains(annotation)) {
        return ejbConcurrency(annotations, values).map(how -> description + " with " + how);
      }
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

package org.springframework.beans.factory.config;

/** Test stub of Spring's {@code ConfigurableBeanFactory}: its scope names. */
public interface ConfigurableBeanFactory {
  String SCOPE_SINGLETON = "singleton";
  String SCOPE_PROTOTYPE = "prototype";
}

package javax.servlet;

/** Test stub. */
public interface FilterConfig {
  String getInitParameter(String name);
}

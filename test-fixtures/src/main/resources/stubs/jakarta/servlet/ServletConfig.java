package jakarta.servlet;

/** Test stub. */
public interface ServletConfig {
  String getInitParameter(String name);
}

package javax.servlet;

/** Test stub. */
public interface ServletRequest {
  String getParameter(String name);

  Object getAttribute(String name);

  String getRemoteAddr();
}

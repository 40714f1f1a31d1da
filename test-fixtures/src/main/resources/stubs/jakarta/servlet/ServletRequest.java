package jakarta.servlet;

/** Test stub. */
public interface ServletRequest {
  String getParameter(String name);

  String getRemoteAddr();
}

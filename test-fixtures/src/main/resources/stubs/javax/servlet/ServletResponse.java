package javax.servlet;

/** Test stub. */
public interface ServletResponse {
  void setStatus(int status);
}

package javax.servlet;

/** Test stub. */
public interface FilterChain {
  void doFilter(ServletRequest request, ServletResponse response);
}

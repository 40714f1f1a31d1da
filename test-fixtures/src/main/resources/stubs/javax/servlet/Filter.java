package javax.servlet;

/** Test stub of the servlet filter interface: one instance serves all request threads. */
public interface Filter {
  default void init(FilterConfig config) {}

  void doFilter(ServletRequest request, ServletResponse response, FilterChain chain);
}

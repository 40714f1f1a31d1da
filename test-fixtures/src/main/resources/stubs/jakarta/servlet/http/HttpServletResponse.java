package jakarta.servlet.http;

import jakarta.servlet.ServletResponse;

/** Test stub. */
public interface HttpServletResponse extends ServletResponse {
  void setHeader(String name, String value);
}

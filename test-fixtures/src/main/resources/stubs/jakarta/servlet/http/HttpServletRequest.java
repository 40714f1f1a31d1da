package jakarta.servlet.http;

import jakarta.servlet.ServletRequest;

/** Test stub. */
public interface HttpServletRequest extends ServletRequest {
  String getRequestURI();

  String getHeader(String name);
}

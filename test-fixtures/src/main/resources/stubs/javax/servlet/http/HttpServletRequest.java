package javax.servlet.http;

import javax.servlet.ServletRequest;

/** Test stub. */
public interface HttpServletRequest extends ServletRequest {
  String getRequestURI();

  String getHeader(String name);
}

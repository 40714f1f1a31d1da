package javax.servlet.http;

import javax.servlet.ServletResponse;

/** Test stub. */
public interface HttpServletResponse extends ServletResponse {}

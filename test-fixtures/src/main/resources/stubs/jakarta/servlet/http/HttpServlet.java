package jakarta.servlet.http;

/** Test stub of the servlet base class: one instance serves all request threads. */
public abstract class HttpServlet {
  public void init(jakarta.servlet.ServletConfig config) {}

  public void init() {}

  protected void doGet(HttpServletRequest req, HttpServletResponse resp) {}

  protected void doPost(HttpServletRequest req, HttpServletResponse resp) {}
}

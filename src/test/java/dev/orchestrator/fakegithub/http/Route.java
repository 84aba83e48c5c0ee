package dev.orchestrator.fakegithub.http;

/**
 * One route the fake serves: a method and a path template exactly as in GitHub's REST description,
 * the credentials it takes, and the code that answers it.
 *
 * @param method upper-case HTTP method
 * @param template the description's path template
 * @param auth the credentials it takes
 * @param handler the answer
 */
public record Route(String method, String template, Auth auth, Handler handler) {

  /** Answers one call of a route. */
  @FunctionalInterface
  public interface Handler {
    /** The reply; may throw {@link ReplyException} to stop at a missing resource. */
    Reply handle(Call call);
  }

  /** A GET route. */
  public static Route get(String template, Auth auth, Handler handler) {
    return new Route("GET", template, auth, handler);
  }

  /** A POST route. */
  public static Route post(String template, Auth auth, Handler handler) {
    return new Route("POST", template, auth, handler);
  }

  /** A PATCH route. */
  public static Route patch(String template, Auth auth, Handler handler) {
    return new Route("PATCH", template, auth, handler);
  }

  /** A DELETE route. */
  public static Route delete(String template, Auth auth, Handler handler) {
    return new Route("DELETE", template, auth, handler);
  }

  /** The rate-limit resource it counts against: {@code search} or {@code core}. */
  public String resource() {
    return template.startsWith("/search/") ? "search" : "core";
  }

  /** False for {@code GET /rate_limit}, which GitHub documents as free. */
  public boolean charged() {
    return !template.equals("/rate_limit");
  }

  /** {@code METHOD template}. */
  public String key() {
    return method + " " + template;
  }
}

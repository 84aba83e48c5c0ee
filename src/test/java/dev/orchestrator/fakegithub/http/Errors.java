package dev.orchestrator.fakegithub.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * GitHub's error bodies: {@code {"message": …, "documentation_url": …, "status": "422"}}, with the
 * messages GitHub uses for each case.
 */
public final class Errors {
  /** The general docs URL GitHub puts in authentication errors. */
  public static final String REST_DOCS = "https://docs.github.com/rest";

  /** Where GitHub points for rate limits. */
  public static final String RATE_LIMIT_DOCS =
      "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

  private Errors() {}

  /** An error reply of any status. */
  public static Reply error(int status, String message, String documentationUrl) {
    ObjectNode body = Reply.JSON.createObjectNode();
    body.put("message", message);
    body.put("documentation_url", documentationUrl == null ? REST_DOCS : documentationUrl);
    body.put("status", Integer.toString(status));
    return Reply.json(status, body);
  }

  /** 404 Not Found. */
  public static Reply notFound(String documentationUrl) {
    return error(404, "Not Found", documentationUrl);
  }

  /** 401 for an unknown or expired token. */
  public static Reply badCredentials() {
    return error(401, "Bad credentials", REST_DOCS);
  }

  /** 401 for a request without credentials on a route that needs them. */
  public static Reply requiresAuthentication(String documentationUrl) {
    return error(401, "Requires authentication", documentationUrl);
  }

  /** 403 for an installation token on a route apps may not use. */
  public static Reply notAccessibleByIntegration(String documentationUrl) {
    return error(403, "Resource not accessible by integration", documentationUrl);
  }

  /** 400 for a body that is not JSON. */
  public static Reply problemsParsingJson(String documentationUrl) {
    return error(400, "Problems parsing JSON", documentationUrl);
  }

  /** 422 for a body that does not match the operation's schema. */
  public static Reply invalidRequest(List<String> problems, String documentationUrl) {
    return error(422, "Invalid request.\n\n" + String.join("\n", problems), documentationUrl);
  }

  /** 422 with GitHub's {@code Validation Failed} message and one error entry. */
  public static Reply validationFailed(
      String resource, String field, String code, String documentationUrl) {
    ObjectNode body = Reply.JSON.createObjectNode();
    body.put("message", "Validation Failed");
    ObjectNode error = body.putArray("errors").addObject();
    error.put("resource", resource);
    error.put("field", field);
    error.put("code", code);
    body.put("documentation_url", documentationUrl == null ? REST_DOCS : documentationUrl);
    body.put("status", "422");
    return Reply.json(422, body);
  }

  /** 403 for a request without a {@code User-Agent}, which GitHub's edge answers in HTML. */
  public static Reply missingUserAgent() {
    return Reply.html(
        403,
        "Request forbidden by administrative rules. Please make sure your request has a"
            + " User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required)."
            + " Check https://developer.github.com for other possible causes.\n");
  }
}

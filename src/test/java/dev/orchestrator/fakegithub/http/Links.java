package dev.orchestrator.fakegithub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/**
 * The fake's URLs as one request sees them: the REST root it was called under (the bare root, or
 * the GHES-style {@code /api/v3}) and the web root. Rewrites GitHub's absolute URLs in the
 * description's examples to point here.
 *
 * @param api REST root without a trailing slash, e.g. {@code http://127.0.0.1:5555/api/v3}
 * @param web web root without a trailing slash, e.g. {@code http://127.0.0.1:5555}
 */
public record Links(String api, String web) {
  private static final String GITHUB_API = "https://api.github.com";
  private static final String GITHUB_UPLOADS = "https://uploads.github.com";
  private static final String GITHUB_WEB = "https://github.com";

  /** An absolute REST URL for {@code path} (which starts with a slash). */
  public String api(String path) {
    return api + path;
  }

  /** An absolute web URL for {@code path} (which starts with a slash). */
  public String web(String path) {
    return web + path;
  }

  /** A deep copy of {@code node} with every GitHub URL moved to this fake. */
  public JsonNode rewrite(JsonNode node) {
    JsonNode copy = node.deepCopy();
    return rewriteInPlace(copy);
  }

  /** One string, rewritten if it is a GitHub URL. */
  public String rewrite(String value) {
    if (startsWithHost(value, GITHUB_API)) {
      return api + value.substring(GITHUB_API.length());
    }
    if (startsWithHost(value, GITHUB_UPLOADS)) {
      return web + "/api/uploads" + value.substring(GITHUB_UPLOADS.length());
    }
    if (startsWithHost(value, GITHUB_WEB)) {
      return web + value.substring(GITHUB_WEB.length());
    }
    return value;
  }

  private static boolean startsWithHost(String value, String host) {
    if (!value.startsWith(host)) {
      return false;
    }
    if (value.length() == host.length()) {
      return true;
    }
    char next = value.charAt(host.length());
    return next == '/' || next == '?' || next == '#' || next == '{';
  }

  private JsonNode rewriteInPlace(JsonNode node) {
    if (node.isTextual()) {
      return new TextNode(rewrite(node.asText()));
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (String name : object.properties().stream().map(Map.Entry::getKey).toList()) {
        object.set(name, rewriteInPlace(object.get(name)));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, rewriteInPlace(array.get(i)));
      }
    }
    return node;
  }
}

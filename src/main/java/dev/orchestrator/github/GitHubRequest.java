package dev.orchestrator.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A direct REST call: method, a path under the API root (or an absolute URL from a {@code Link}
 * header), query, JSON body, extra headers such as {@code If-None-Match}. Immutable; the withers
 * return copies.
 *
 * @param repeatable true when sending it twice is harmless: GETs, and writes marked {@link
 *     #idempotent()}
 * @param revalidate true for a GET whose answer the transport keeps with its ETag and revalidates
 *     with {@code If-None-Match} the next time ({@link #cached()})
 */
public record GitHubRequest(
    String method,
    String target,
    Map<String, String> query,
    Optional<JsonNode> body,
    Map<String, String> headers,
    boolean repeatable,
    boolean revalidate) {

  public GitHubRequest {
    // insertion order is kept: GitHub does not care, but logs and tests read better
    query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static GitHubRequest get(String target) {
    return new GitHubRequest("GET", target, Map.of(), Optional.empty(), Map.of(), true, false);
  }

  public static GitHubRequest post(String target, JsonNode body) {
    return new GitHubRequest("POST", target, Map.of(), Optional.of(body), Map.of(), false, false);
  }

  /** A POST without a body (for example a redelivery). */
  public static GitHubRequest post(String target) {
    return new GitHubRequest("POST", target, Map.of(), Optional.empty(), Map.of(), false, false);
  }

  public static GitHubRequest patch(String target, JsonNode body) {
    return new GitHubRequest("PATCH", target, Map.of(), Optional.of(body), Map.of(), false, false);
  }

  public static GitHubRequest delete(String target) {
    return new GitHubRequest("DELETE", target, Map.of(), Optional.empty(), Map.of(), false, false);
  }

  /** Adds a query parameter; insertion order is kept. */
  public GitHubRequest with(String name, Object value) {
    LinkedHashMap<String, String> q = new LinkedHashMap<>(query);
    q.put(name, String.valueOf(value));
    return new GitHubRequest(method, target, q, body, headers, repeatable, revalidate);
  }

  public GitHubRequest header(String name, String value) {
    LinkedHashMap<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new GitHubRequest(method, target, query, body, h, repeatable, revalidate);
  }

  /** A conditional GET: GitHub answers 304, free of quota, when the ETag still matches. */
  public GitHubRequest ifNoneMatch(String etag) {
    return header("If-None-Match", etag);
  }

  /** Marks a write whose repetition is harmless (for example minting a token). */
  public GitHubRequest idempotent() {
    return new GitHubRequest(method, target, query, body, headers, true, revalidate);
  }

  /**
   * A GET to repeat cheaply: the transport keeps its answer with the ETag, sends {@code
   * If-None-Match} next time, and answers GitHub's 304 (which costs no rate limit) from what it
   * kept.
   */
  public GitHubRequest cached() {
    if (!method.equals("GET")) {
      throw new IllegalStateException("only GETs are cached, not " + method + " " + target);
    }
    return new GitHubRequest(method, target, query, body, headers, repeatable, true);
  }

  /** The absolute URI under {@code apiRoot}. */
  URI uri(URI apiRoot) {
    String base =
        target.startsWith("http://") || target.startsWith("https://")
            ? target
            : apiRoot.toString() + target;
    if (query.isEmpty()) {
      return URI.create(base);
    }
    String q =
        query.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return URI.create(base + (base.contains("?") ? "&" : "?") + q);
  }

  Optional<byte[]> bodyBytes() {
    return body.map(
        b -> {
          try {
            return Json.MAPPER.writeValueAsBytes(b);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("serialising a JSON tree cannot fail", e);
          }
        });
  }

  /** Percent-encodes one path segment (a label such as {@code "needs triage"}, a login). */
  public static String segment(Object value) {
    return encode(String.valueOf(value));
  }

  /** Percent-encodes a file path, keeping its slashes. */
  public static String filePath(String path) {
    return java.util.Arrays.stream(path.split("/", -1))
        .map(GitHubRequest::encode)
        .collect(Collectors.joining("/"));
  }

  /** {@code path("/repos/%s/%s/issues/%s", owner, repo, 12)} with every argument encoded. */
  public static String path(String template, Object... segments) {
    Object[] encoded = new Object[segments.length];
    for (int i = 0; i < segments.length; i++) {
      encoded[i] = segment(segments[i]);
    }
    return String.format(java.util.Locale.ROOT, template, encoded);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

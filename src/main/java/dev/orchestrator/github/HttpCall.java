package dev.orchestrator.github;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One HTTP request as the transport sends it: absolute URI, headers (including Authorization when
 * the caller added it), optional body, and what the governor needs to know about it.
 *
 * @param repeatable true when sending it twice is harmless (GET, or a write marked idempotent)
 * @param lane whose quota and pacing this request uses: {@code app}, {@code installation:<id>} or
 *     {@code token}
 * @param priority whether it may spend the lane's reserve
 * @param resource the rate-limit resource it is expected to count against ({@code core}, {@code
 *     search}, …)
 * @param revalidate keep its answer in the ETag cache and send {@code If-None-Match} next time
 */
record HttpCall(
    String method,
    URI uri,
    Map<String, String> headers,
    Optional<byte[]> body,
    boolean repeatable,
    String lane,
    Priority priority,
    String resource,
    boolean revalidate) {
  private static final Set<String> MUTATIVE = Set.of("POST", "PATCH", "PUT", "DELETE");

  /** A background {@code core} call without revalidation. */
  HttpCall(
      String method,
      URI uri,
      Map<String, String> headers,
      Optional<byte[]> body,
      boolean repeatable,
      String lane) {
    this(method, uri, headers, body, repeatable, lane, Priority.BACKGROUND, "core", false);
  }

  /** What the call is, for messages: method and path, never the query (it may carry cursors). */
  String describe() {
    return method + " " + uri.getRawPath();
  }

  /**
   * POST, PATCH, PUT and DELETE that change what people see (comments, edits, reactions, labels,
   * issues, check runs): paced, since GitHub's secondary limits weigh them most. A write marked
   * idempotent (minting an installation token) creates no content and is not paced.
   */
  boolean paced() {
    return MUTATIVE.contains(method.toUpperCase(Locale.ROOT)) && !repeatable;
  }

  boolean hasHeader(String name) {
    return headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
  }

  HttpCall withHeader(String name, String value) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpCall(
        method, uri, Map.copyOf(copy), body, repeatable, lane, priority, resource, revalidate);
  }
}

package dev.orchestrator.github;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the transport sends it: absolute URI, headers (including Authorization when
 * the caller added it), optional body.
 *
 * @param lane whose quota and pacing this request uses: {@code app}, {@code installation:<id>} or
 *     {@code token}
 * @param repeatable true when sending it twice is harmless (GET, or a write marked idempotent)
 */
record HttpCall(
    String method,
    URI uri,
    Map<String, String> headers,
    Optional<byte[]> body,
    boolean repeatable,
    String lane) {

  /** What the call is, for messages: method and path, never the query (it may carry cursors). */
  String describe() {
    return method + " " + uri.getRawPath();
  }

  HttpCall withHeader(String name, String value) {
    java.util.LinkedHashMap<String, String> copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpCall(method, uri, Map.copyOf(copy), body, repeatable, lane);
  }
}

package dev.orchestrator.fakegithub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the fake answers: status, content type, body text and extra headers (names lower-case).
 *
 * @param status HTTP status
 * @param contentType the {@code Content-Type}, or null for no body
 * @param body the body text, empty for none
 * @param headers extra headers; they win over the rate-limit headers the pipeline adds
 */
public record Reply(int status, String contentType, String body, Map<String, String> headers) {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  /** Copies the header map. */
  public Reply {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A JSON reply. */
  public static Reply json(int status, JsonNode body) {
    try {
      return new Reply(status, JSON_TYPE, JSON.writeValueAsString(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("serialising a fake reply", e);
    }
  }

  /** A reply without a body, such as 204 or 304. */
  public static Reply empty(int status) {
    return new Reply(status, null, "", Map.of());
  }

  /** An HTML (or HTML-ish) reply, as GitHub's edge sends for some failures. */
  public static Reply html(int status, String body) {
    return new Reply(status, "text/html; charset=utf-8", body, Map.of());
  }

  /** A copy with one more header (name lower-cased). */
  public Reply withHeader(String name, String value) {
    Map<String, String> next = new LinkedHashMap<>(headers);
    next.put(name.toLowerCase(Locale.ROOT), value);
    return new Reply(status, contentType, body, next);
  }
}

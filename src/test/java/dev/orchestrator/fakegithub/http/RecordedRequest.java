package dev.orchestrator.fakegithub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received and what it did with it.
 *
 * @param method HTTP method
 * @param path the path without the {@code /api/v3} prefix
 * @param query the raw query string, empty for none
 * @param headers request headers, names lower-case
 * @param body the raw body, empty for none
 * @param status the status the fake answered (or would have, when it dropped the connection)
 * @param time arrival by the fake's clock
 * @param template the matched route's template, or null for an unknown route
 * @param outcome {@code answered}, {@code dropped}, or {@code delayed PT…} (answer held back)
 */
public record RecordedRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String body,
    int status,
    Instant time,
    String template,
    String outcome) {

  /** Copies the header map. */
  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** A header's first value. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body as JSON; a missing node when there is none or it is not JSON. */
  public JsonNode json() {
    try {
      return body.isEmpty() ? Reply.JSON.missingNode() : Reply.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return Reply.JSON.missingNode();
    }
  }

  @Override
  public String toString() {
    // credentials stay out of assertion messages
    return method
        + " "
        + path
        + (query.isEmpty() ? "" : "?" + query)
        + " → "
        + status
        + " ("
        + outcome
        + ")";
  }
}

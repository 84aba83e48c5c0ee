package dev.orchestrator.fakegithub.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakegithub.auth.Caller;
import dev.orchestrator.fakegithub.openapi.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated request, as a route handler sees it.
 *
 * @param operation the vendored operation the route serves
 * @param path the request path without the {@code /api/v3} prefix
 * @param params path parameters by the description's names
 * @param query query parameters (all values)
 * @param headers request headers, names lower-case, first value
 * @param body the parsed JSON body, or null when none was sent
 * @param caller who is calling
 * @param now the fake clock's time at arrival
 * @param links URLs as this request sees the fake
 */
public record Call(
    Operation operation,
    String path,
    Map<String, String> params,
    Map<String, List<String>> query,
    Map<String, String> headers,
    JsonNode body,
    Caller caller,
    Instant now,
    Links links) {

  /** Default and ceiling of GitHub's {@code per_page}. */
  static final int DEFAULT_PER_PAGE = 30;

  static final int MAX_PER_PAGE = 100;

  /** A path parameter; throws if the route has none of that name (a bug in the fake). */
  public String param(String name) {
    String value = params.get(name);
    if (value == null) {
      throw new IllegalArgumentException("route has no path parameter \"" + name + "\"");
    }
    return value;
  }

  /** A numeric path parameter (the pipeline has checked its digits). */
  public long id(String name) {
    return Long.parseLong(param(name));
  }

  /** The {@code owner} path parameter. */
  public String owner() {
    return param("owner");
  }

  /** The {@code repo} path parameter. */
  public String repo() {
    return param("repo");
  }

  /** A query parameter's first value. */
  public Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A request header (any case). */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** {@code per_page}: default 30, at most 100. */
  public int perPage() {
    int value = query("per_page").map(Call::positive).orElse(DEFAULT_PER_PAGE);
    return Math.min(value, MAX_PER_PAGE);
  }

  /** {@code page}: default 1. */
  public int page() {
    return query("page").map(Call::positive).orElse(1);
  }

  /** The operation's documentation URL, for error bodies. */
  public String docs() {
    return operation.documentationUrl();
  }

  private static int positive(String value) {
    try {
      return Math.max(1, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}

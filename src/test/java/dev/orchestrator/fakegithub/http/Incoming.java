package dev.orchestrator.fakegithub.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as it arrived, before authentication: the path with any {@code /api/v3} prefix
 * stripped, the query, headers (names lower-case) and raw body.
 *
 * @param method upper-case method
 * @param path path without the GHES prefix
 * @param ghes true when it came in under {@code /api/v3}
 * @param queryString the raw query string, empty for none
 * @param query parsed query parameters
 * @param headers all headers, names lower-case
 * @param body raw body text
 * @param ip client address
 */
record Incoming(
    String method,
    String path,
    boolean ghes,
    String queryString,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String body,
    String ip) {

  static final String GHES_PREFIX = "/api/v3";

  static Incoming from(Context ctx) {
    String raw = ctx.path();
    boolean ghes = raw.equals(GHES_PREFIX) || raw.startsWith(GHES_PREFIX + "/");
    String path = ghes ? raw.substring(GHES_PREFIX.length()) : raw;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers
          .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
          .addAll(Collections.list(ctx.req().getHeaders(name)));
    }
    String queryString = ctx.queryString() == null ? "" : ctx.queryString();
    return new Incoming(
        ctx.method().name(),
        path.isEmpty() ? "/" : path,
        ghes,
        queryString,
        Map.copyOf(ctx.queryParamMap()),
        headers,
        ctx.body(),
        ctx.ip());
  }

  Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  Map<String, String> firstHeaders() {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
    return out;
  }

  String describe() {
    return method + " " + path + (queryString.isEmpty() ? "" : "?" + queryString);
  }
}

package dev.orchestrator.github;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** GitHub's rate-limit answers as its documentation shows them, for {@link LoopbackApi} routes. */
final class Replies {
  static final String PRIMARY_MESSAGE =
      "{\"message\":\"API rate limit exceeded for installation ID 77. If you reach out to GitHub"
          + " Support for help, please include the request ID 1234.\",\"documentation_url\":"
          + "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\","
          + "\"status\":\"403\"}";

  static final String SECONDARY_MESSAGE =
      "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before"
          + " you try again. If you reach out to GitHub Support for help, please include the"
          + " request ID 1234.\",\"documentation_url\":\"https://docs.github.com/free-pro-team@"
          + "latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits\","
          + "\"status\":\"403\"}";

  private Replies() {}

  /** The five {@code x-ratelimit-*} headers. */
  static Map<String, String> limits(String resource, long limit, long remaining, Instant reset) {
    Map<String, String> h = new TreeMap<>();
    h.put("x-ratelimit-limit", Long.toString(limit));
    h.put("x-ratelimit-remaining", Long.toString(remaining));
    h.put("x-ratelimit-used", Long.toString(limit - remaining));
    h.put("x-ratelimit-reset", Long.toString(reset.getEpochSecond()));
    h.put("x-ratelimit-resource", resource);
    return h;
  }

  /** A 200 with {@code body} and the rate-limit headers. */
  static LoopbackApi.Reply ok(int status, String body, Map<String, String> limits) {
    return LoopbackApi.Reply.json(status, body, limits);
  }

  /** The primary limit of {@code resource} spent until {@code reset}. */
  static LoopbackApi.Reply exhausted(String resource, long limit, Instant reset) {
    return LoopbackApi.Reply.json(403, PRIMARY_MESSAGE, limits(resource, limit, 0, reset));
  }

  /** A secondary limit with {@code retry-after}, in seconds. */
  static LoopbackApi.Reply retryAfter(int status, long seconds, Instant reset) {
    Map<String, String> h = limits("core", 5000, 4990, reset);
    h.put("retry-after", Long.toString(seconds));
    return LoopbackApi.Reply.json(status, SECONDARY_MESSAGE, h);
  }

  /** A secondary limit that says so only in its body. */
  static LoopbackApi.Reply secondary(Instant reset) {
    return LoopbackApi.Reply.json(403, SECONDARY_MESSAGE, limits("core", 5000, 4990, reset));
  }
}

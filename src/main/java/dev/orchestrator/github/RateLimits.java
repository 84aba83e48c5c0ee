package dev.orchestrator.github;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate-limit state GitHub reports in {@code x-ratelimit-*} headers, kept per lane (the app,
 * each installation, the token) and resource ({@code core}, {@code search}, …), never mixed. A
 * response without the headers (GitHub Enterprise Server with limits off) changes nothing: unknown
 * stays unknown, it does not become zero. Nothing here polls {@code /rate_limit}.
 */
public final class RateLimits {
  /** One lane's budget for one resource, as last reported. */
  public record Snapshot(
      String lane,
      String resource,
      long limit,
      long remaining,
      OptionalLong used,
      Instant resetAt,
      Instant observedAt) {}

  private final Clock clock;
  private final Map<String, Snapshot> byKey = new ConcurrentHashMap<>();

  RateLimits(Clock clock) {
    this.clock = clock;
  }

  void observe(String lane, GitHubResponse response) {
    Optional<Long> limit = number(response, "x-ratelimit-limit");
    Optional<Long> remaining = number(response, "x-ratelimit-remaining");
    Optional<Long> reset = number(response, "x-ratelimit-reset");
    if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
      return;
    }
    String resource = response.header("x-ratelimit-resource").orElse("core");
    Optional<Long> used = number(response, "x-ratelimit-used");
    Snapshot s =
        new Snapshot(
            lane,
            resource,
            limit.get(),
            remaining.get(),
            used.map(OptionalLong::of).orElse(OptionalLong.empty()),
            Instant.ofEpochSecond(reset.get()),
            clock.instant());
    byKey.put(lane + " " + resource, s);
  }

  /** The last snapshot for a lane and resource, if GitHub has reported one. */
  public Optional<Snapshot> get(String lane, String resource) {
    return Optional.ofNullable(byKey.get(lane + " " + resource));
  }

  /** Every known snapshot, ordered by lane and resource. */
  public Map<String, Snapshot> all() {
    return new TreeMap<>(byKey);
  }

  private static Optional<Long> number(GitHubResponse response, String header) {
    return response
        .header(header)
        .flatMap(
            v -> {
              try {
                return Optional.of(Long.parseLong(v.trim()));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }
}

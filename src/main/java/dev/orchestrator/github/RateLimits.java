package dev.orchestrator.github;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate-limit state GitHub reports in {@code x-ratelimit-*} headers, kept per lane (the app,
 * each installation, the token) and resource ({@code core}, {@code search}, …), never mixed. A
 * response without the headers (GitHub Enterprise Server with limits off) changes nothing: unknown
 * stays unknown, it does not become zero. Nothing here polls {@code /rate_limit}: every response
 * already says where its lane stands, a 304 included (and a 304 costs nothing, so its figures do
 * not move).
 */
public final class RateLimits {
  /**
   * One lane's budget for one resource, as last reported.
   *
   * @param lane {@code app}, {@code installation:<id>} or {@code token}
   * @param resource GitHub's {@code x-ratelimit-resource} ({@code core} when a response omits it)
   * @param used {@code x-ratelimit-used}, when sent
   * @param resetAt {@code x-ratelimit-reset}: when the window ends and the budget is whole again
   * @param observedAt when the response was read, by the injected clock
   */
  public record Snapshot(
      String lane,
      String resource,
      long limit,
      long remaining,
      OptionalLong used,
      Instant resetAt,
      Instant observedAt) {
    /** {@code remaining / limit}; 0 for a limit of 0 (nothing may be sent). */
    public double remainingRatio() {
      return limit <= 0 ? 0 : (double) remaining / limit;
    }

    /** True while the window it describes lasts; after {@link #resetAt} the budget is whole. */
    public boolean current(Instant now) {
      return resetAt.isAfter(now);
    }
  }

  private static final Comparator<Snapshot> ORDER =
      Comparator.comparing(Snapshot::lane).thenComparing(Snapshot::resource);

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
    byKey.put(key(lane, resource), s);
  }

  /** The last snapshot for a lane and resource, if GitHub has reported one. */
  public Optional<Snapshot> get(String lane, String resource) {
    return Optional.ofNullable(byKey.get(key(lane, resource)));
  }

  /** Every known snapshot, ordered by lane and resource (for {@code status}). */
  public List<Snapshot> snapshot() {
    return byKey.values().stream().sorted(ORDER).toList();
  }

  /** Every known snapshot keyed {@code "<lane> <resource>"}, ordered. */
  public Map<String, Snapshot> all() {
    return new TreeMap<>(byKey);
  }

  /**
   * Per resource, the lane with the least of its budget left, among windows that have not reset yet
   * (for metrics and the health report's "rate limit low").
   */
  public Map<String, Snapshot> lowestByResource() {
    Instant now = clock.instant();
    Map<String, Snapshot> lowest = new TreeMap<>();
    for (Snapshot s : byKey.values()) {
      if (!s.current(now)) {
        continue;
      }
      lowest.merge(
          s.resource(),
          s,
          (a, b) ->
              Comparator.comparingDouble(Snapshot::remainingRatio)
                          .thenComparing(ORDER)
                          .compare(a, b)
                      <= 0
                  ? a
                  : b);
    }
    return lowest;
  }

  /** The lane with the least of {@code resource} left, if any window of it is current. */
  public Optional<Snapshot> lowest(String resource) {
    return Optional.ofNullable(lowestByResource().get(resource));
  }

  private static String key(String lane, String resource) {
    return lane + " " + resource;
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

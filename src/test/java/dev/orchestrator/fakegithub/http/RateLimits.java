package dev.orchestrator.fakegithub.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Primary rate limits per caller and resource, in fixed windows by the fake's clock: {@code core}
 * 5,000 an hour, {@code search} 30 a minute (for tests, any limit can be set). A window starts with
 * the caller's first request; its end is what {@code x-ratelimit-reset} reports.
 */
public final class RateLimits {
  /** GitHub's limits for an installation or user. */
  public static final int DEFAULT_CORE_LIMIT = 5000;

  public static final int DEFAULT_SEARCH_LIMIT = 30;

  private static final Map<String, Duration> WINDOWS =
      Map.of("core", Duration.ofHours(1), "search", Duration.ofMinutes(1));

  private final Clock clock;
  private final Map<String, Integer> limits = new HashMap<>();
  private final Map<String, Snapshot> windows = new HashMap<>();

  /**
   * A caller's standing in one resource.
   *
   * @param resource {@code core} or {@code search}
   * @param limit requests per window
   * @param used requests counted in this window
   * @param reset when the window ends
   */
  public record Snapshot(String resource, int limit, int used, Instant reset) {
    /** Requests left in this window. */
    public int remaining() {
      return Math.max(0, limit - used);
    }

    /** Adds GitHub's five {@code x-ratelimit-*} headers to {@code reply}, unless it set them. */
    public Reply decorate(Reply reply) {
      Reply out = reply;
      out = setIfAbsent(out, "x-ratelimit-limit", Integer.toString(limit));
      out = setIfAbsent(out, "x-ratelimit-remaining", Integer.toString(remaining()));
      out = setIfAbsent(out, "x-ratelimit-used", Integer.toString(Math.min(used, limit)));
      out = setIfAbsent(out, "x-ratelimit-reset", Long.toString(reset.getEpochSecond()));
      return setIfAbsent(out, "x-ratelimit-resource", resource);
    }

    private static Reply setIfAbsent(Reply reply, String name, String value) {
      return reply.headers().containsKey(name) ? reply : reply.withHeader(name, value);
    }
  }

  /** Limits judged by {@code clock}. */
  public RateLimits(Clock clock) {
    this.clock = clock;
    limits.put("core", DEFAULT_CORE_LIMIT);
    limits.put("search", DEFAULT_SEARCH_LIMIT);
  }

  /** Sets the per-window limit of a resource for every caller (takes effect in new windows). */
  public synchronized void setLimit(String resource, int limit) {
    if (!WINDOWS.containsKey(resource)) {
      throw new IllegalArgumentException("unknown rate-limit resource \"" + resource + "\"");
    }
    limits.put(resource, limit);
  }

  /** The caller's current standing, without counting a request. */
  public synchronized Snapshot peek(String callerKey, String resource) {
    return current(callerKey, resource);
  }

  /** Counts one request and returns the standing after it. */
  public synchronized Snapshot charge(String callerKey, String resource) {
    Snapshot now = current(callerKey, resource);
    Snapshot next = new Snapshot(resource, now.limit(), now.used() + 1, now.reset());
    windows.put(callerKey + "|" + resource, next);
    return next;
  }

  private Snapshot current(String callerKey, String resource) {
    String key = callerKey + "|" + resource;
    Instant now = clock.instant();
    Snapshot existing = windows.get(key);
    if (existing != null && now.isBefore(existing.reset())) {
      return existing;
    }
    Instant reset = now.truncatedTo(ChronoUnit.SECONDS).plus(WINDOWS.get(resource));
    Snapshot fresh = new Snapshot(resource, limits.get(resource), 0, reset);
    windows.put(key, fresh);
    return fresh;
  }
}

package dev.orchestrator.github;

import java.time.Duration;

/**
 * The rate-limit governor's policy, per lane (the App, each installation, the token). The defaults
 * follow GitHub's own guidance for integrations: serial requests, at least a second between
 * mutative requests, about 80 content-creating requests a minute and 500 an hour, a minute's wait
 * (then longer) after a secondary limit without {@code retry-after}.
 *
 * @param reserveRatio below this share of a resource's limit, only {@link Priority#INTERACTIVE}
 *     requests are sent before the reset
 * @param mutationSpacing the least time between two mutative requests (POST, PATCH, PUT, DELETE)
 * @param mutationsPerMinute the most mutative requests in any 60 seconds
 * @param mutationsPerHour the most mutative requests in any hour
 * @param secondaryWait the first wait after a secondary limit that gave no {@code retry-after};
 *     doubled for each further one in a row
 * @param secondaryMaxWait the longest such wait
 * @param maxInlineWait the longest wait a call sits out on its own thread; a longer one returns
 *     {@link GitHubResult.Deferred} at once, so the worker is free
 * @param maxThrottledSends how often one call is sent while GitHub keeps answering with a rate
 *     limit before it is deferred instead
 * @param breakerWindow how many recent attempts of a lane the breaker judges
 * @param breakerMinimumAttempts how many attempts the breaker needs before it judges at all
 * @param breakerFailurePercent the share of failed attempts (5xx, timeouts, connection errors) that
 *     opens the breaker
 * @param breakerOpenFor how long an open breaker fails calls fast before it lets one through
 * @param etagCacheEntries how many conditional GET answers the ETag cache keeps
 */
public record GovernorConfig(
    double reserveRatio,
    Duration mutationSpacing,
    int mutationsPerMinute,
    int mutationsPerHour,
    Duration secondaryWait,
    Duration secondaryMaxWait,
    Duration maxInlineWait,
    int maxThrottledSends,
    int breakerWindow,
    int breakerMinimumAttempts,
    int breakerFailurePercent,
    Duration breakerOpenFor,
    int etagCacheEntries) {
  public static final double DEFAULT_RESERVE_RATIO = 0.10; // of the resource's limit
  public static final Duration DEFAULT_MUTATION_SPACING = Duration.ofSeconds(1);
  public static final int DEFAULT_MUTATIONS_PER_MINUTE = 80;
  public static final int DEFAULT_MUTATIONS_PER_HOUR = 500;
  public static final Duration DEFAULT_SECONDARY_WAIT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_SECONDARY_MAX_WAIT = Duration.ofMinutes(16);
  public static final Duration DEFAULT_MAX_INLINE_WAIT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_THROTTLED_SENDS = 4; // sends of one call
  public static final int DEFAULT_BREAKER_WINDOW = 10; // attempts
  public static final int DEFAULT_BREAKER_MINIMUM_ATTEMPTS = 5;
  public static final int DEFAULT_BREAKER_FAILURE_PERCENT = 50;
  public static final Duration DEFAULT_BREAKER_OPEN_FOR = Duration.ofSeconds(60);
  public static final int DEFAULT_ETAG_CACHE_ENTRIES = 2_000;

  public GovernorConfig {
    if (!(reserveRatio >= 0 && reserveRatio < 1)) {
      throw new IllegalArgumentException("reserveRatio must be in [0, 1), found " + reserveRatio);
    }
    positive("mutationsPerMinute", mutationsPerMinute);
    positive("mutationsPerHour", mutationsPerHour);
    positive("maxThrottledSends", maxThrottledSends);
    positive("breakerWindow", breakerWindow);
    positive("breakerMinimumAttempts", breakerMinimumAttempts);
    positive("etagCacheEntries", etagCacheEntries);
    if (breakerMinimumAttempts > breakerWindow) {
      throw new IllegalArgumentException(
          "breakerMinimumAttempts ("
              + breakerMinimumAttempts
              + ") must not exceed breakerWindow ("
              + breakerWindow
              + ")");
    }
    if (breakerFailurePercent < 1 || breakerFailurePercent > 100) {
      throw new IllegalArgumentException(
          "breakerFailurePercent must be 1 to 100, found " + breakerFailurePercent);
    }
    notNegative("mutationSpacing", mutationSpacing);
    notNegative("maxInlineWait", maxInlineWait);
    notNegative("secondaryWait", secondaryWait);
    if (secondaryMaxWait.compareTo(secondaryWait) < 0) {
      throw new IllegalArgumentException("secondaryMaxWait must not be below secondaryWait");
    }
    if (breakerOpenFor.isNegative() || breakerOpenFor.isZero()) {
      throw new IllegalArgumentException("breakerOpenFor must be positive");
    }
  }

  /** GitHub's guidance as named above. */
  public static GovernorConfig defaults() {
    return new GovernorConfig(
        DEFAULT_RESERVE_RATIO,
        DEFAULT_MUTATION_SPACING,
        DEFAULT_MUTATIONS_PER_MINUTE,
        DEFAULT_MUTATIONS_PER_HOUR,
        DEFAULT_SECONDARY_WAIT,
        DEFAULT_SECONDARY_MAX_WAIT,
        DEFAULT_MAX_INLINE_WAIT,
        DEFAULT_MAX_THROTTLED_SENDS,
        DEFAULT_BREAKER_WINDOW,
        DEFAULT_BREAKER_MINIMUM_ATTEMPTS,
        DEFAULT_BREAKER_FAILURE_PERCENT,
        DEFAULT_BREAKER_OPEN_FOR,
        DEFAULT_ETAG_CACHE_ENTRIES);
  }

  /** The same policy with another longest inline wait. */
  public GovernorConfig withMaxInlineWait(Duration value) {
    return new GovernorConfig(
        reserveRatio,
        mutationSpacing,
        mutationsPerMinute,
        mutationsPerHour,
        secondaryWait,
        secondaryMaxWait,
        value,
        maxThrottledSends,
        breakerWindow,
        breakerMinimumAttempts,
        breakerFailurePercent,
        breakerOpenFor,
        etagCacheEntries);
  }

  /** The same policy with other mutation limits. */
  public GovernorConfig withMutationLimits(Duration spacing, int perMinute, int perHour) {
    return new GovernorConfig(
        reserveRatio,
        spacing,
        perMinute,
        perHour,
        secondaryWait,
        secondaryMaxWait,
        maxInlineWait,
        maxThrottledSends,
        breakerWindow,
        breakerMinimumAttempts,
        breakerFailurePercent,
        breakerOpenFor,
        etagCacheEntries);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, found " + value);
    }
  }

  private static void notNegative(String name, Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, found " + value);
    }
  }
}

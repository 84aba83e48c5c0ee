package dev.orchestrator.github;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What a response says about rate limits, read the way GitHub's documentation orders it for a 403
 * or 429: a {@code retry-after} header is a secondary limit and says how long to wait; otherwise
 * {@code x-ratelimit-remaining: 0} is the primary limit, spent until {@code x-ratelimit-reset};
 * otherwise a body that mentions a secondary rate limit (or any 429) is a secondary limit without a
 * stated wait. Every other answer, including a 403 for missing permissions, is {@link None}. GitHub
 * did not perform a throttled request, so re-sending it later is safe, writes included.
 */
sealed interface Throttle {
  /** Not throttled. */
  record None() implements Throttle {}

  /** The primary limit of {@code resource} is spent until {@code reset}. */
  record Exhausted(String resource, Instant reset) implements Throttle {}

  /** A secondary limit; {@code retryAfter} when GitHub said how long to wait. */
  record Secondary(Optional<Duration> retryAfter) implements Throttle {}

  /** Reads {@code response}; {@code assumedResource} when it names none. */
  static Throttle of(GitHubResponse response, String assumedResource) {
    int status = response.status();
    if (status != 403 && status != 429) {
      return new None();
    }
    Optional<Duration> retryAfter = number(response.header("retry-after")).map(Duration::ofSeconds);
    if (retryAfter.isPresent()) {
      return new Secondary(retryAfter);
    }
    Optional<Long> remaining = number(response.header("x-ratelimit-remaining"));
    if (remaining.isPresent() && remaining.get() == 0) {
      Optional<Long> reset = number(response.header("x-ratelimit-reset"));
      if (reset.isPresent()) {
        String resource = response.header("x-ratelimit-resource").orElse(assumedResource);
        return new Exhausted(resource, Instant.ofEpochSecond(reset.get()));
      }
      return new Secondary(Optional.empty()); // spent, but no reset given: wait as for a secondary
    }
    if (status == 429 || mentionsSecondaryLimit(response)) {
      return new Secondary(Optional.empty());
    }
    return new None();
  }

  /**
   * GitHub's messages say "You have exceeded a secondary rate limit"; older GitHub Enterprise
   * Server versions still say "You have triggered an abuse detection mechanism".
   */
  private static boolean mentionsSecondaryLimit(GitHubResponse response) {
    String text = response.text().toLowerCase(Locale.ROOT);
    return text.contains("secondary rate limit") || text.contains("abuse detection");
  }

  /**
   * A whole, non-negative number ({@code retry-after} is in seconds, the reset in epoch seconds).
   */
  private static Optional<Long> number(Optional<String> value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      long n = Long.parseLong(value.get().trim());
      return n < 0 ? Optional.empty() : Optional.of(n);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

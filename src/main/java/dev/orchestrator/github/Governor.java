package dev.orchestrator.github;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate-limit governor: decides when a request of a lane may be sent. A request waits for the
 * latest of: a secondary limit on its lane, its resource's primary limit being spent, the reserve
 * (background requests only), and the pacing of mutative requests. Every wait is a "not before"
 * instant from the injected clock. A wait up to {@link GovernorConfig#maxInlineWait()} is sat out
 * through the {@link Waiter}; a longer one is handed back as {@link Admission.Later}, which the
 * gateway returns as {@link GitHubResult.Deferred} so the worker can take other work.
 */
final class Governor {
  /** Rounds of waiting before giving up on an instant the clock never reaches. */
  private static final int MAX_INLINE_ROUNDS = 8;

  /** The least wait after a limit whose reset has already passed by our clock (clock skew). */
  private static final Duration MIN_WAIT = Duration.ofSeconds(1);

  /** What {@link #admit} decided. */
  sealed interface Admission {
    /** Send it now. */
    record Go() implements Admission {}

    /** Do not send it before {@code notBefore}. */
    record Later(Instant notBefore, String reason) implements Admission {}
  }

  private record Hold(Instant notBefore, String reason) {
    Hold later(Instant other, String why) {
      return other.isAfter(notBefore) ? new Hold(other, why) : this;
    }
  }

  private final GovernorConfig config;
  private final RateLimits rateLimits;
  private final Clock clock;
  private final Waiter waiter;
  private final CircuitBreakerConfig breakerConfig;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

  Governor(GovernorConfig config, RateLimits rateLimits, Clock clock, Waiter waiter) {
    this.config = config;
    this.rateLimits = rateLimits;
    this.clock = clock;
    this.waiter = waiter;
    this.breakerConfig =
        CircuitBreakerConfig.custom()
            .slidingWindow(
                config.breakerWindow(),
                config.breakerMinimumAttempts(),
                CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(config.breakerFailurePercent())
            .waitDurationInOpenState(config.breakerOpenFor())
            .permittedNumberOfCallsInHalfOpenState(1)
            .clock(clock)
            .build();
  }

  GovernorConfig config() {
    return config;
  }

  Lane lane(String name) {
    return lanes.computeIfAbsent(
        name, n -> new Lane(n, CircuitBreaker.of("github " + n, breakerConfig), clock));
  }

  /**
   * Holds the caller (who holds the lane's lock) until {@code call} may be sent, or says when it
   * may. A paced call that may go now is counted for pacing.
   */
  Admission admit(Lane lane, HttpCall call) throws InterruptedException {
    for (int round = 0; round < MAX_INLINE_ROUNDS; round++) {
      Instant now = clock.instant();
      Hold hold = hold(lane, call, now);
      if (!hold.notBefore().isAfter(now)) {
        if (call.paced()) {
          lane.mutationSent(now);
        }
        return new Admission.Go();
      }
      if (Duration.between(now, hold.notBefore()).compareTo(config.maxInlineWait()) > 0) {
        return new Admission.Later(hold.notBefore(), hold.reason());
      }
      waiter.awaitUntil(hold.notBefore());
    }
    Instant now = clock.instant();
    Hold hold = hold(lane, call, now);
    return new Admission.Later(hold.notBefore(), hold.reason());
  }

  /** GitHub throttled a call of {@code lane}: records the wait and returns its end. */
  Instant throttled(Lane lane, HttpCall call, Throttle throttle) {
    Instant now = clock.instant();
    if (throttle instanceof Throttle.Exhausted spent) {
      Instant until = latest(spent.reset(), now.plus(MIN_WAIT));
      lane.exhausted(spent.resource(), until);
      return until;
    }
    Throttle.Secondary secondary = (Throttle.Secondary) throttle;
    Duration wait = secondary.retryAfter().orElseGet(() -> backoff(lane.secondaryStrikes() + 1));
    Instant until = now.plus(wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait);
    lane.secondary(until);
    return until;
  }

  /** {@code secondaryWait}·2^(strike-1), at most {@code secondaryMaxWait}. */
  private Duration backoff(int strike) {
    Duration wait = config.secondaryWait();
    for (int i = 1; i < strike && wait.compareTo(config.secondaryMaxWait()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(config.secondaryMaxWait()) > 0 ? config.secondaryMaxWait() : wait;
  }

  private Hold hold(Lane lane, HttpCall call, Instant now) {
    Hold hold = new Hold(now, "");
    hold =
        hold.later(
            lane.secondaryUntil(),
            "waiting out a secondary rate limit of "
                + lane.name()
                + " until "
                + lane.secondaryUntil());
    Optional<Instant> spent = lane.exhaustedUntil(call.resource());
    if (spent.isPresent()) {
      hold = hold.later(spent.get(), spent(lane, call.resource(), spent.get()));
    }
    Optional<RateLimits.Snapshot> known = rateLimits.get(lane.name(), call.resource());
    if (known.isPresent() && known.get().current(now)) {
      RateLimits.Snapshot s = known.get();
      if (s.remaining() <= 0) {
        hold = hold.later(s.resetAt(), spent(lane, s.resource(), s.resetAt()));
      } else if (call.priority() != Priority.INTERACTIVE
          && s.remainingRatio() < config.reserveRatio()) {
        hold =
            hold.later(
                s.resetAt(),
                String.format(
                    Locale.ROOT,
                    "keeping the last %.0f %% of the \"%s\" rate limit of %s for interactive"
                        + " requests (%d of %d left) until %s",
                    config.reserveRatio() * 100,
                    s.resource(),
                    lane.name(),
                    s.remaining(),
                    s.limit(),
                    s.resetAt()));
      }
    }
    if (call.paced()) {
      hold =
          hold.later(
              lane.nextMutation(
                  now,
                  config.mutationSpacing(),
                  config.mutationsPerMinute(),
                  config.mutationsPerHour()),
              "pacing the writes of "
                  + lane.name()
                  + " (one per "
                  + config.mutationSpacing().toMillis()
                  + " ms, "
                  + config.mutationsPerMinute()
                  + " a minute, "
                  + config.mutationsPerHour()
                  + " an hour)");
    }
    return hold;
  }

  private static String spent(Lane lane, String resource, Instant until) {
    return "the \"" + resource + "\" rate limit of " + lane.name() + " is spent until " + until;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}

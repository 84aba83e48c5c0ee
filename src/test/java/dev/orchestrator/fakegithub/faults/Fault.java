package dev.orchestrator.fakegithub.faults;

import dev.orchestrator.fakegithub.http.Errors;
import dev.orchestrator.fakegithub.http.Reply;
import java.time.Duration;

/**
 * A misbehaviour of GitHub that a test makes the fake show on a route. Each kind says whether it
 * answers instead of the route ({@link #preempt}), holds the request back before the route runs
 * ({@link #delayBefore}), or lets the route run (so a write is applied) and then drops the
 * connection ({@link #dropAfter}) or holds the answer back ({@link #delayAfter}).
 */
public sealed interface Fault {
  /** GitHub's message for a secondary rate limit. */
  String SECONDARY_MESSAGE =
      "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";

  /** The reply instead of the route's, or null to let the route answer. */
  default Reply preempt(FaultScene scene) {
    return null;
  }

  /** How long to hold the request before answering it (real time, for client timeouts). */
  default Duration delayBefore() {
    return Duration.ZERO;
  }

  /** True to run the route and then close the connection without an answer. */
  default boolean dropAfter() {
    return false;
  }

  /** How long to hold the answer back after the route ran (real time). */
  default Duration delayAfter() {
    return Duration.ZERO;
  }

  /** A JSON error with this status, e.g. 500 or 503. */
  static Fault status(int status) {
    return new Status(status);
  }

  /** 502 with the HTML-ish body GitHub's edge sends. */
  static Fault badGateway() {
    return new BadGatewayHtml();
  }

  /**
   * Runs the route and answers only after {@code delay}: a slow GitHub, for client timeouts. The
   * request reaches the log (and a write takes effect) when the delay is over.
   */
  static Fault slow(Duration delay) {
    return new Slow(delay);
  }

  /** 403 with {@code x-ratelimit-remaining: 0} and GitHub's primary-limit message. */
  static Fault primaryRateLimit() {
    return new PrimaryRateLimit();
  }

  /** A secondary limit (403 or 429) with {@code retry-after}. */
  static Fault secondaryRateLimit(int status, Duration retryAfter) {
    return new SecondaryRateLimit(status, retryAfter);
  }

  /** A secondary limit (403 or 429) with only the body message, no {@code retry-after}. */
  static Fault secondaryRateLimit(int status) {
    return new SecondaryRateLimit(status, null);
  }

  /** 401 Bad credentials, as for a token that has expired. */
  static Fault expiredToken() {
    return new ExpiredToken();
  }

  /** Applies the request (a POST is written), then drops the connection unanswered. */
  static Fault applyThenDrop() {
    return new ApplyThenDrop();
  }

  /** Applies the request, then holds the answer back for {@code delay} (past a timeout). */
  static Fault applyThenDelay(Duration delay) {
    return new ApplyThenDelay(delay);
  }

  /**
   * A JSON error status.
   *
   * @param status the HTTP status
   */
  record Status(int status) implements Fault {
    @Override
    public Reply preempt(FaultScene scene) {
      String message = status >= 500 ? "Server Error" : "Injected failure";
      return Errors.error(status, message, scene.documentationUrl());
    }
  }

  /** 502 with an HTML body. */
  record BadGatewayHtml() implements Fault {
    @Override
    public Reply preempt(FaultScene scene) {
      return Reply.html(
          502,
          "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
              + "<p>Server Error: Sorry, this page is taking too long to load.</p></body></html>\n");
    }
  }

  /**
   * A slow answer.
   *
   * @param delay how long
   */
  record Slow(Duration delay) implements Fault {
    @Override
    public Duration delayBefore() {
      return delay;
    }
  }

  /** Primary rate limit spent. */
  record PrimaryRateLimit() implements Fault {
    @Override
    public Reply preempt(FaultScene scene) {
      return Errors.error(403, scene.exhaustedMessage(), Errors.RATE_LIMIT_DOCS)
          .withHeader("x-ratelimit-remaining", "0")
          .withHeader("x-ratelimit-used", Integer.toString(scene.rate().limit()))
          .withHeader("x-ratelimit-reset", Long.toString(scene.rate().reset().getEpochSecond()));
    }
  }

  /**
   * A secondary rate limit.
   *
   * @param status 403 or 429
   * @param retryAfter the {@code retry-after}, or null for none
   */
  record SecondaryRateLimit(int status, Duration retryAfter) implements Fault {
    @Override
    public Reply preempt(FaultScene scene) {
      Reply reply =
          Errors.error(
              status, SECONDARY_MESSAGE, Errors.RATE_LIMIT_DOCS + "#about-secondary-rate-limits");
      return retryAfter == null
          ? reply
          : reply.withHeader("retry-after", Long.toString(retryAfter.toSeconds()));
    }
  }

  /** 401 for an expired token. */
  record ExpiredToken() implements Fault {
    @Override
    public Reply preempt(FaultScene scene) {
      return Errors.badCredentials();
    }
  }

  /** Write, then hang up. */
  record ApplyThenDrop() implements Fault {
    @Override
    public boolean dropAfter() {
      return true;
    }
  }

  /**
   * Write, then answer late.
   *
   * @param delay how late
   */
  record ApplyThenDelay(Duration delay) implements Fault {
    @Override
    public Duration delayAfter() {
      return delay;
    }
  }
}

package dev.orchestrator.github;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Sends one call, retrying what may be retried, with the lane's breaker around every attempt.
 *
 * <p>The retry rule: a repeatable request (GET, or a write marked idempotent) is tried up to {@code
 * maxTries} times on 5xx, timeouts and connection errors, with jittered exponential backoff held as
 * a "not before" instant and waited out by the injected {@link Waiter}. Any request whose
 * connection could not even be opened may be retried, since GitHub never saw it. A write that was
 * sent and then timed out, lost its connection or got a 5xx is an {@link Exchange.UnknownOutcome}:
 * never re-sent here.
 *
 * <p>The breaker: each call asks the lane's breaker first and reports its end result once, after
 * its retries: 5xx, timeouts, connection errors and unknown outcomes count as failures, any other
 * answer (a 404, a rate limit) as a success, since GitHub is up. While the breaker is open, calls
 * fail at once as {@link FailureKind#BREAKER_OPEN}. An interrupted call (shutdown) is not counted.
 */
final class Attempts {
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "accept-encoding");

  private final HttpClient client;
  private final TransportConfig config;
  private final GovernorConfig governor;
  private final Clock clock;
  private final Waiter waiter;
  private final DoubleSupplier jitter;
  private final RateLimits rateLimits;
  private volatile RequestObserver observer = RequestObserver.NONE;

  Attempts(
      HttpClient client,
      TransportConfig config,
      GovernorConfig governor,
      Clock clock,
      Waiter waiter,
      DoubleSupplier jitter,
      RateLimits rateLimits) {
    this.client = client;
    this.config = config;
    this.governor = governor;
    this.clock = clock;
    this.waiter = waiter;
    this.jitter = jitter;
    this.rateLimits = rateLimits;
  }

  void observeWith(RequestObserver observer) {
    this.observer = observer;
  }

  Exchange send(Lane lane, HttpCall call) {
    CircuitBreaker breaker = lane.breaker();
    if (!breaker.tryAcquirePermission()) {
      return new Exchange.NotPerformed(
          call.describe()
              + ": GitHub failed repeatedly for "
              + lane.name()
              + ", so its requests pause until "
              + lane.breakerOpenUntil(governor.breakerOpenFor()),
          FailureKind.BREAKER_OPEN);
    }
    Exchange exchange;
    try {
      exchange = tries(call);
    } catch (RuntimeException | Error bug) {
      breaker.releasePermission();
      throw bug;
    }
    if (Thread.currentThread().isInterrupted()) {
      breaker.releasePermission(); // shutting down says nothing about GitHub
    } else if (failed(exchange)) {
      breaker.onError(0, TimeUnit.NANOSECONDS, new Failure(exchange.describe()));
    } else {
      breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    }
    return exchange;
  }

  /** 5xx, timeouts and connection errors, after every try: GitHub or the way to it is failing. */
  private static boolean failed(Exchange exchange) {
    if (exchange instanceof Exchange.UnknownOutcome) {
      return true;
    }
    if (exchange instanceof Exchange.NotPerformed not) {
      return not.kind().infrastructure();
    }
    return exchange.answer().map(r -> r.status() >= 500).orElse(false);
  }

  private Exchange tries(HttpCall call) {
    HttpRequest request = build(call);
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= config.maxTries();
      try {
        HttpResponse<byte[]> raw = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        GitHubResponse response =
            new GitHubResponse(raw.statusCode(), raw.headers().map(), raw.body());
        rateLimits.observe(call.lane(), response);
        observer.attempted(call.method(), Integer.toString(response.status()));
        if (response.status() < 500) {
          return new Exchange.Answered(response);
        }
        if (!call.repeatable()) {
          return new Exchange.UnknownOutcome(call.describe() + ": " + response.describe());
        }
        if (last) {
          return new Exchange.Answered(response);
        }
      } catch (HttpConnectTimeoutException | ConnectException e) {
        // the connection never opened: GitHub never saw the request, whatever its method
        observer.attempted(call.method(), RequestObserver.CONNECTION_FAILED);
        if (last) {
          return new Exchange.NotPerformed(call.describe() + ": " + reason(e, attempt), kind(e));
        }
      } catch (IOException e) {
        observer.attempted(
            call.method(),
            e instanceof HttpTimeoutException
                ? RequestObserver.TIMEOUT
                : RequestObserver.CONNECTION_FAILED);
        if (!call.repeatable()) {
          return new Exchange.UnknownOutcome(call.describe() + ": " + reason(e, attempt));
        }
        if (last) {
          return new Exchange.NotPerformed(call.describe() + ": " + reason(e, attempt), kind(e));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        String reason = call.describe() + ": interrupted";
        return call.repeatable()
            ? new Exchange.NotPerformed(reason, FailureKind.UNREACHABLE)
            : new Exchange.UnknownOutcome(reason);
      }
      try {
        waiter.awaitUntil(notBefore(attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return notSent(call, "interrupted while waiting to retry");
      }
    }
  }

  /** A call that was not sent (again): GitHub has not acted on it. */
  static Exchange notSent(HttpCall call, String why) {
    return new Exchange.NotPerformed(call.describe() + ": " + why, FailureKind.UNREACHABLE);
  }

  /**
   * Backoff before attempt {@code attempt + 1}: base·2^(attempt-1), capped, jittered to 50–100 %.
   */
  Instant notBefore(int attempt) {
    long base = config.retryBase().toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, config.retryCap().toMillis());
    long jittered = capped / 2 + (long) (jitter.getAsDouble() * (capped / 2.0));
    return clock.instant().plus(Duration.ofMillis(jittered));
  }

  private static FailureKind kind(IOException e) {
    return e instanceof HttpTimeoutException ? FailureKind.TIMEOUT : FailureKind.UNREACHABLE;
  }

  private String reason(IOException e, int attempts) {
    String what;
    if (e instanceof HttpConnectTimeoutException) {
      what = "no connection within " + config.connectTimeout().toMillis() + " ms";
    } else if (e instanceof HttpTimeoutException) {
      what = "no answer within " + config.requestTimeout().toMillis() + " ms";
    } else if (e instanceof ConnectException) {
      what = "cannot connect";
    } else {
      what = "connection failed (" + e.getClass().getSimpleName() + ")";
    }
    return what + (attempts > 1 ? " after " + attempts + " tries" : "");
  }

  private HttpRequest build(HttpCall call) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(call.uri())
            .timeout(config.requestTimeout())
            .method(
                call.method(),
                call.body()
                    .map(HttpRequest.BodyPublishers::ofByteArray)
                    .orElse(HttpRequest.BodyPublishers.noBody()));
    boolean accept = false;
    boolean contentType = false;
    for (var header : call.headers().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (RESTRICTED.contains(name)
          || name.equals("user-agent")
          || name.equals("x-github-api-version")) {
        continue;
      }
      accept |= name.equals("accept");
      contentType |= name.equals("content-type");
      b.header(header.getKey(), header.getValue());
    }
    b.header("User-Agent", TransportConfig.USER_AGENT);
    b.header("X-GitHub-Api-Version", TransportConfig.API_VERSION);
    if (!accept) {
      b.header("Accept", TransportConfig.ACCEPT);
    }
    if (!contentType && call.body().isPresent()) {
      b.header("Content-Type", "application/json");
    }
    return b.build();
  }

  /** A failed call, as the breaker records it. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }
}

package dev.orchestrator.github;

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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * All GitHub HTTP goes through here, for kohsuke (through {@link KohsukeConnector}) and for our
 * direct calls alike: timeouts, the standard headers, rate-limit bookkeeping, and the retry rule.
 *
 * <p>The retry rule: a repeatable request (GET, or a write marked idempotent) is tried up to {@code
 * maxTries} times on 5xx, timeouts and connection errors, with jittered exponential backoff held as
 * a "not before" instant and waited out by the injected {@link Waiter}. Any request whose
 * connection could not even be opened may be retried, since GitHub never saw it. A write that was
 * sent and then timed out, lost its connection or got a 5xx is an {@link Exchange.UnknownOutcome}:
 * never re-sent here.
 */
public final class HttpTransport {
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "accept-encoding");

  private final HttpClient client;
  private final TransportConfig config;
  private final Clock clock;
  private final Waiter waiter;
  private final DoubleSupplier jitter;
  private final RateLimits rateLimits;
  private volatile RequestObserver observer = RequestObserver.NONE;

  HttpTransport(
      HttpClient client,
      TransportConfig config,
      Clock clock,
      Waiter waiter,
      DoubleSupplier jitter,
      RateLimits rateLimits) {
    this.client = client;
    this.config = config;
    this.clock = clock;
    this.waiter = waiter;
    this.jitter = jitter;
    this.rateLimits = rateLimits;
  }

  /**
   * A transport with its own {@link HttpClient} (connect timeout set, redirects left to callers).
   */
  public static HttpTransport create(TransportConfig config, Clock clock, Waiter waiter) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new HttpTransport(
        client,
        config,
        clock,
        waiter,
        () -> ThreadLocalRandom.current().nextDouble(),
        new RateLimits(clock));
  }

  /** Rate-limit state seen in responses so far. */
  public RateLimits rateLimits() {
    return rateLimits;
  }

  /** Tells {@code observer} about every attempt from now on (metrics). */
  public void observeWith(RequestObserver observer) {
    this.observer = observer;
  }

  Exchange send(HttpCall call) {
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
        observer.attempted(call.method(), attemptStatus(e));
        if (last) {
          return new Exchange.NotPerformed(call.describe() + ": " + reason(e, attempt));
        }
      } catch (IOException e) {
        observer.attempted(call.method(), attemptStatus(e));
        if (!call.repeatable()) {
          return new Exchange.UnknownOutcome(call.describe() + ": " + reason(e, attempt));
        }
        if (last) {
          return new Exchange.NotPerformed(call.describe() + ": " + reason(e, attempt));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return interrupted(call);
      }
      try {
        waiter.awaitUntil(notBefore(attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Exchange.NotPerformed(call.describe() + ": interrupted while waiting to retry");
      }
    }
  }

  private static String attemptStatus(IOException e) {
    return e instanceof HttpTimeoutException
        ? RequestObserver.TIMEOUT
        : RequestObserver.CONNECTION_FAILED;
  }

  private Exchange interrupted(HttpCall call) {
    String reason = call.describe() + ": interrupted";
    return call.repeatable()
        ? new Exchange.NotPerformed(reason)
        : new Exchange.UnknownOutcome(reason);
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
}

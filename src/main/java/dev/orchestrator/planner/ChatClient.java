package dev.orchestrator.planner;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST <LLM_BASE_URL>/chat/completions}: one model call, with timeouts, retries and a
 * circuit breaker of its own (GitHub's is separate). A 429 or 5xx answer and a connection that
 * could not be opened are tried again, up to {@link ModelConfig#maxTries()}, after a jittered
 * exponential back-off or the {@code retry-after} the provider asked for, whichever is later; the
 * wait is a "not before" instant handed to the injected {@link ModelWaiter}. A request that was
 * sent and then timed out or lost its connection is not repeated, since it may have been charged.
 * The API key goes only to this URL; a GitHub credential never does.
 */
public final class ChatClient {
  private static final Logger LOG = LoggerFactory.getLogger(ChatClient.class);

  /** The breaker opens when half of the last 10 calls (at least 5) failed for the provider. */
  static final int BREAKER_WINDOW = 10;

  static final int BREAKER_MINIMUM = 5;
  static final float BREAKER_FAILURE_RATE = 50f; // percent
  static final Duration BREAKER_OPEN = Duration.ofSeconds(60);

  private static final String USER_AGENT = "agent-orchestrator/0.1";

  private final ModelConfig config;
  private final HttpClient http;
  private final Clock clock;
  private final ModelWaiter waiter;
  private final DoubleSupplier jitter;
  private final CircuitBreaker breaker;

  ChatClient(
      ModelConfig config,
      HttpClient http,
      Clock clock,
      ModelWaiter waiter,
      DoubleSupplier jitter,
      CircuitBreaker breaker) {
    this.config = config;
    this.http = http;
    this.clock = clock;
    this.waiter = waiter;
    this.jitter = jitter;
    this.breaker = breaker;
  }

  /** A client with its own HTTP client and breaker. */
  public static ChatClient create(ModelConfig config, Clock clock, ModelWaiter waiter) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new ChatClient(
        config,
        http,
        clock,
        waiter,
        () -> ThreadLocalRandom.current().nextDouble(),
        breaker(clock));
  }

  static CircuitBreaker breaker(Clock clock) {
    return CircuitBreaker.of(
        "llm",
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(BREAKER_WINDOW)
            .minimumNumberOfCalls(BREAKER_MINIMUM)
            .failureRateThreshold(BREAKER_FAILURE_RATE)
            .waitDurationInOpenState(BREAKER_OPEN)
            .permittedNumberOfCallsInHalfOpenState(1)
            .clock(clock)
            .build());
  }

  public ModelConfig config() {
    return config;
  }

  /** The breaker's state, for status pages. */
  public String breakerState() {
    return breaker.getState().name();
  }

  /** Sends {@code body} (a chat-completions request) and reads the answer. */
  public ModelReply complete(byte[] body, Set<String> knownTools) {
    if (!breaker.tryAcquirePermission()) {
      return new ModelReply.Failed(
          LlmErrors.UNAVAILABLE,
          "calls to the model provider are paused: its circuit breaker opened after repeated"
              + " failures and lets a call through again after "
              + BREAKER_OPEN.toSeconds()
              + "s",
          true,
          Optional.empty());
    }
    Instant started = clock.instant();
    ModelReply reply;
    try {
      reply = attempts(body, knownTools);
    } catch (RuntimeException e) {
      breaker.releasePermission();
      throw e;
    }
    long nanos = Math.max(0, Duration.between(started, clock.instant()).toNanos());
    if (reply instanceof ModelReply.Failed f && f.infrastructure()) {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, new ProviderFailure(f.message()));
    } else {
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }
    return reply;
  }

  private ModelReply attempts(byte[] body, Set<String> knownTools) {
    HttpRequest request = request(body);
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= config.maxTries();
      Instant notBefore;
      try {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = r.statusCode();
        ModelReply reply =
            ChatResponses.parse(status, new String(r.body(), StandardCharsets.UTF_8), knownTools);
        boolean retryable =
            (status == 429 || status >= 500)
                && reply instanceof ModelReply.Failed f
                && f.infrastructure();
        if (!retryable) {
          return reply;
        }
        ModelReply.Failed failed = (ModelReply.Failed) reply;
        if (last) {
          return tries(failed, attempt);
        }
        Optional<Duration> asked =
            RetryAfter.parse(r.headers().firstValue("retry-after"), clock.instant());
        if (asked.isPresent() && asked.get().compareTo(config.longestRetryAfter()) > 0) {
          return new ModelReply.Failed(
              failed.errorClass(),
              failed.message()
                  + "; it asked to wait "
                  + asked.get().toSeconds()
                  + "s, longer than the "
                  + config.longestRetryAfter().toSeconds()
                  + "s a run waits",
              true,
              Optional.empty());
        }
        notBefore = later(backoff(attempt), asked.map(clock.instant()::plus));
        LOG.info("model provider answered {}; trying again at {}", status, notBefore);
      } catch (HttpConnectTimeoutException | ConnectException e) {
        // the connection never opened: the provider never saw the request
        if (last) {
          return unavailable(
              "cannot connect to the model provider at "
                  + config.completionsUri()
                  + " ("
                  + attempt
                  + (attempt == 1 ? " try)" : " tries)"));
        }
        notBefore = backoff(attempt);
      } catch (HttpTimeoutException e) {
        return unanswered(
            "the model provider did not answer within "
                + config.requestTimeout().toSeconds()
                + "s (LLM_TIMEOUT); the call is not repeated since it may have been charged");
      } catch (IOException e) {
        return unanswered(
            "the connection to the model provider failed ("
                + e.getClass().getSimpleName()
                + "); the call is not repeated since it may have been charged");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        // the request may have been sent (e.g. the shutdown grace ran out mid-call)
        return unanswered("interrupted while calling the model provider");
      }
      try {
        waiter.awaitUntil(notBefore);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return unavailable("interrupted while waiting to call the model provider again");
      }
    }
  }

  private static ModelReply.Failed tries(ModelReply.Failed f, int attempts) {
    return new ModelReply.Failed(
        f.errorClass(), f.message() + " (" + attempts + " tries)", f.infrastructure(), f.usage());
  }

  /** Sent, and no answer: the provider may have charged for it. */
  private static ModelReply.Failed unanswered(String message) {
    return new ModelReply.Failed(LlmErrors.UNAVAILABLE, message, true, Optional.empty(), true);
  }

  private static ModelReply.Failed unavailable(String message) {
    return new ModelReply.Failed(LlmErrors.UNAVAILABLE, message, true, Optional.empty());
  }

  private static Instant later(Instant a, Optional<Instant> b) {
    return b.isPresent() && b.get().isAfter(a) ? b.get() : a;
  }

  /** Back-off before attempt {@code attempt + 1}: base·2^(attempt-1), capped, jittered 50–100 %. */
  Instant backoff(int attempt) {
    long base = config.retryBase().toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, config.retryCap().toMillis());
    long jittered = capped / 2 + (long) (jitter.getAsDouble() * (capped / 2.0));
    return clock.instant().plus(Duration.ofMillis(jittered));
  }

  private HttpRequest request(byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(config.completionsUri())
            .timeout(config.requestTimeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT);
    config
        .apiKey()
        .filter(k -> !k.isEmpty())
        .ifPresent(k -> b.header("Authorization", "Bearer " + k.reveal()));
    return b.build();
  }

  /** What the breaker records for a provider failure (never thrown). */
  private static final class ProviderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProviderFailure(String message) {
      super(message, null, false, false);
    }
  }
}

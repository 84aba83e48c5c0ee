package dev.orchestrator.github;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * All GitHub HTTP goes through here, for kohsuke (through {@link KohsukeConnector}) and for our
 * direct calls alike, so both share the governor, the ETag cache and the breakers.
 *
 * <p>One call: take its lane (one request at a time per lane); let the {@link Governor} decide when
 * it may go (a long wait comes back at once as {@link Exchange.Deferred}); send it through {@link
 * Attempts} (timeouts, GET retries, the lane's breaker); when GitHub answers with a rate limit
 * (primary or secondary), record the wait and send it again — writes included, since GitHub did not
 * perform it — until it goes through or must be deferred. A conditional GET carries the cached
 * ETag, and GitHub's 304 is answered from the cache.
 */
public final class HttpTransport {
  private final Governor governor;
  private final RateLimits rateLimits;
  private final EtagCache etags;
  private final Attempts attempts;

  HttpTransport(
      HttpClient client,
      TransportConfig config,
      GovernorConfig governorConfig,
      Clock clock,
      Waiter waiter,
      DoubleSupplier jitter) {
    this.rateLimits = new RateLimits(clock);
    this.governor = new Governor(governorConfig, rateLimits, clock, waiter);
    this.etags = new EtagCache(governorConfig.etagCacheEntries());
    this.attempts = new Attempts(client, config, governorConfig, clock, waiter, jitter, rateLimits);
  }

  /** A transport with its own {@link HttpClient} and the governor's default policy. */
  public static HttpTransport create(TransportConfig config, Clock clock, Waiter waiter) {
    return create(config, GovernorConfig.defaults(), clock, waiter);
  }

  /**
   * A transport with its own {@link HttpClient} (connect timeout set, redirects left to callers).
   */
  public static HttpTransport create(
      TransportConfig config, GovernorConfig governor, Clock clock, Waiter waiter) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new HttpTransport(
        client, config, governor, clock, waiter, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Tells {@code observer} about every attempt from now on (metrics). */
  public void observeWith(RequestObserver observer) {
    attempts.observeWith(observer);
  }

  /** Rate-limit state seen in responses so far. */
  public RateLimits rateLimits() {
    return rateLimits;
  }

  Exchange send(HttpCall call) {
    Lane lane = governor.lane(call.lane());
    String cacheKey = EtagCache.key(call);
    Optional<EtagCache.Entry> cached =
        call.revalidate() && !call.hasHeader("If-None-Match")
            ? etags.get(cacheKey)
            : Optional.empty();
    HttpCall outgoing = cached.map(e -> call.withHeader("If-None-Match", e.etag())).orElse(call);
    try {
      lane.lock();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempts.notSent(call, "interrupted while waiting for its lane");
    }
    try {
      return governed(lane, outgoing, cacheKey, cached);
    } catch (InterruptedException e) {
      // only the governor's waits throw: the call was not sent again after its last answer
      Thread.currentThread().interrupt();
      return Attempts.notSent(call, "interrupted while waiting for its rate limit");
    } finally {
      lane.unlock();
    }
  }

  private Exchange governed(
      Lane lane, HttpCall call, String cacheKey, Optional<EtagCache.Entry> cached)
      throws InterruptedException {
    for (int sends = 1; ; sends++) {
      Governor.Admission admission = governor.admit(lane, call);
      if (admission instanceof Governor.Admission.Later later) {
        return new Exchange.Deferred(later.notBefore(), call.describe() + ": " + later.reason());
      }
      Exchange exchange = attempts.send(lane, call);
      if (!(exchange instanceof Exchange.Answered answered)) {
        return exchange;
      }
      GitHubResponse response = answered.response();
      Throttle throttle = Throttle.of(response, call.resource());
      if (throttle instanceof Throttle.None) {
        lane.settled();
        return new Exchange.Answered(cache(call, cacheKey, cached, response));
      }
      Instant until = governor.throttled(lane, call, throttle);
      if (sends >= governor.config().maxThrottledSends()) {
        return new Exchange.Deferred(
            until,
            call.describe()
                + ": still rate limited after "
                + sends
                + " sends ("
                + response.describe()
                + ")");
      }
    }
  }

  /** Keeps a conditional GET's answer, or answers GitHub's 304 from what was kept. */
  private GitHubResponse cache(
      HttpCall call, String key, Optional<EtagCache.Entry> cached, GitHubResponse response) {
    if (!call.revalidate()) {
      return response;
    }
    if (response.status() == 304 && cached.isPresent()) {
      GitHubResponse answer = GitHubResponse.revalidated(cached.get().response(), response);
      etags.put(key, new EtagCache.Entry(answer.etag().orElse(cached.get().etag()), answer));
      return answer;
    }
    if (response.status() == 200 && response.etag().isPresent()) {
      etags.put(key, new EtagCache.Entry(response.etag().get(), response));
    } else if (response.status() != 304) {
      etags.remove(key); // gone or changed into something not to keep
    }
    return response;
  }
}

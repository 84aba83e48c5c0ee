package dev.orchestrator.github;

import dev.orchestrator.config.Settings;
import java.time.Duration;

/**
 * Timeouts and retry policy of {@link HttpTransport}.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long to wait for the response headers of one attempt
 * @param maxTries attempts for a request that may be repeated (GETs), including the first
 * @param retryBase backoff before the second attempt; doubled for each further one
 * @param retryCap the longest backoff
 */
public record TransportConfig(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxTries,
    Duration retryBase,
    Duration retryCap) {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Settings.GitHub.DEFAULT_REQUEST_TIMEOUT;
  public static final int DEFAULT_MAX_TRIES = 3;
  public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETRY_CAP = Duration.ofSeconds(30);

  /** Sent on every request: GitHub refuses requests without a User-Agent. */
  public static final String USER_AGENT = "agent-orchestrator/0.1";

  public static final String ACCEPT = "application/vnd.github+json";
  public static final String API_VERSION = "2022-11-28";

  public TransportConfig {
    if (maxTries < 1) {
      throw new IllegalArgumentException("maxTries must be at least 1, found " + maxTries);
    }
  }

  /** The defaults with the request timeout of {@code GITHUB_TIMEOUT}. */
  public static TransportConfig of(Settings.GitHub github) {
    return defaults().withRequestTimeout(github.requestTimeout());
  }

  /** The same with {@code timeout} for each attempt's answer. */
  public TransportConfig withRequestTimeout(Duration timeout) {
    return new TransportConfig(connectTimeout, timeout, maxTries, retryBase, retryCap);
  }

  /** The defaults: 5 s connect, 30 s per attempt, 3 tries from 1 s backoff. */
  public static TransportConfig defaults() {
    return new TransportConfig(
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_TRIES,
        DEFAULT_RETRY_BASE,
        DEFAULT_RETRY_CAP);
  }
}

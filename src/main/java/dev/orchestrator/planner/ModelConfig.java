package dev.orchestrator.planner;

import dev.orchestrator.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the model: the OpenAI-style base URL (ending in {@code /v1}; {@code
 * /chat/completions} is appended), the key sent as {@code Authorization: Bearer} when there is one,
 * the model, the completion cap, timeouts and the retry policy.
 *
 * @param capParam the request field carrying {@code cap} ({@code max_tokens} by default)
 * @param cap the most tokens one answer may have
 * @param maxTries attempts of one call on 429, 5xx and refused connections, the first included
 * @param retryBase back-off before the second attempt, doubled for each further one
 * @param retryCap the longest back-off of our own
 * @param longestRetryAfter the longest {@code retry-after} we wait for; a longer one fails the call
 */
public record ModelConfig(
    URI baseUrl,
    Optional<Secret> apiKey,
    String model,
    String capParam,
    int cap,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxTries,
    Duration retryBase,
    Duration retryCap,
    Duration longestRetryAfter) {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_TRIES = 3;
  public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETRY_CAP = Duration.ofSeconds(20);
  public static final Duration DEFAULT_LONGEST_RETRY_AFTER = Duration.ofSeconds(60);

  public ModelConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(capParam, "capParam");
    if (cap < 1 || maxTries < 1) {
      throw new IllegalArgumentException("cap and maxTries must be positive");
    }
  }

  /** The defaults for everything but what the operator configures. */
  public static ModelConfig of(
      URI baseUrl,
      Optional<Secret> apiKey,
      String model,
      String capParam,
      int cap,
      Duration requestTimeout) {
    return new ModelConfig(
        baseUrl,
        apiKey,
        model,
        capParam,
        cap,
        DEFAULT_CONNECT_TIMEOUT,
        requestTimeout,
        DEFAULT_MAX_TRIES,
        DEFAULT_RETRY_BASE,
        DEFAULT_RETRY_CAP,
        DEFAULT_LONGEST_RETRY_AFTER);
  }

  /**
   * The longest one call can take, retries included: every try waiting out both timeouts, with the
   * longest wait between tries. A spend reservation is held for twice this.
   */
  public Duration longestCall() {
    Duration wait = retryCap.compareTo(longestRetryAfter) >= 0 ? retryCap : longestRetryAfter;
    return connectTimeout
        .plus(requestTimeout)
        .multipliedBy(maxTries)
        .plus(wait.multipliedBy(maxTries - 1L));
  }

  /** {@code <base>/chat/completions}. */
  public URI completionsUri() {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
  }
}
